import { describe, expect, it } from 'vitest';
import { applyFixes, checkCaliber, defineRoster, defineRuleSet } from '../../src/caliber/index';
import { isGovpubError } from '../../src/errors/index';

const roster = defineRoster({
  id: 'city',
  leaders: [
    { name: '张伟民', titles: ['市委书记'] },
    { name: '王建华', titles: ['市委副书记', '市长'] },
    { name: '李红', titles: ['市委常委', '常务副市长'] },
    { name: '赵明远', titles: ['副市长'] },
    { name: '钱小兰', titles: ['副市长', '市公安局局长'] },
    { name: '孙静', titles: ['副市长'] },
  ],
});

const check = (text: string) => checkCaliber(text, [], { roster }).map((f) => [f.ruleId, f.excerpt]);

function issuesOf(json: unknown): { path: (string | number)[] }[] {
  try {
    defineRoster(json);
  } catch (e) {
    if (isGovpubError(e) && e.code === 'VALIDATION') return (e.details as { issues: { path: (string | number)[] }[] }).issues;
    throw e;
  }
  return [];
}

describe('defineRoster', () => {
  it('reports every problem with its path', () => {
    const issues = issuesOf({
      id: 'x',
      leaders: [
        { name: '王明', titles: ['市长'] },
        { name: '王明', titles: [''] },
        { name: '李四', titles: [], aliases: ['王明'] },
        { name: '赵五', titles: ['市长', '市长'], rank: 1 },
      ],
    });
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        ['leaders', 1, 'name'],
        ['leaders', 1, 'titles', 0],
        ['leaders', 2, 'titles'],
        ['leaders', 2, 'aliases', 0],
        ['leaders', 3],
        ['leaders', 3, 'titles', 1],
      ]),
    );
  });

  it('is checked through checkCaliber options with the path from the options down', () => {
    try {
      checkCaliber('文本', [], { roster: [roster, { id: 'bad', leaders: [] } as never] });
      expect.unreachable();
    } catch (e) {
      expect((e as { details: { issues: { path: unknown[] }[] } }).details.issues[0]!.path).toEqual(['roster', 1, 'leaders']);
    }
  });
});

describe('roster checks', () => {
  it('compares titles whole: an over-promoted, demoted or wrong title is an error, a right one is not', () => {
    expect(check('常务副市长赵明远出席')).toEqual([['roster/wrong-title', '常务副市长']]);
    expect(check('副市长王建华出席')).toEqual([['roster/wrong-title', '副市长']]);
    expect(check('市委书记王建华出席')).toEqual([['roster/wrong-title', '市委书记']]);
    expect(check('副市长赵明远出席')).toEqual([]);
    expect(check('市委副书记、市长王建华出席')).toEqual([]);
    expect(check('会议由市长王建华主持')).toEqual([]);
    expect(check('王建华市长出席')).toEqual([]);
    expect(check('市委常委、常务副市长李红出席')).toEqual([]);
    expect(check('市委常委、副市长赵明远出席')).toEqual([['roster/wrong-title', '市委常委']]);
  });

  it('gives a wrong title an unsafe fix with the leader\'s title', () => {
    const text = '常务副市长赵明远出席';
    const found = checkCaliber(text, [], { roster });
    expect(found[0]!.fix).toEqual({ start: 0, end: 5, text: '副市长', safe: false });
    expect(applyFixes(text, found)).toBe(text);
    expect(applyFixes(text, found, { unsafe: true })).toBe('副市长赵明远出席');
  });

  it('flags a name one homophone away, and one character away next to the leader\'s title', () => {
    expect(check('市长王健华调研')).toEqual([['roster/name-variant', '王健华']]);
    expect(check('据王健华介绍')).toEqual([['roster/name-variant', '王健华']]);
    expect(check('副市长赵明达调研')).toEqual([['roster/name-variant', '赵明达']]);
    expect(check('副市长孙晶调研')).toEqual([['roster/name-variant', '孙晶']]);
    // A two-character homophone without a title is ordinary prose; a different person is not flagged.
    expect(check('孙京是一名教师，赵明达是一名医生')).toEqual([]);
    const found = checkCaliber('市长王健华调研', [], { roster });
    expect(found[0]!.suggestions).toEqual(['王建华']);
    expect(found[0]!.severity).toBe('error');
  });

  it('wants the title at the first mention only, and lets a list share one title', () => {
    expect(check('赵明远出席。赵明远指出')).toEqual([['roster/missing-title', '赵明远']]);
    expect(check('副市长赵明远出席。赵明远指出')).toEqual([]);
    expect(check('副市长赵明远、钱小兰、孙静出席')).toEqual([]);
    expect(check('市领导张伟民、王建华出席')).toEqual([]);
  });

  it('flags a list member who does not hold the shared title', () => {
    expect(check('副市长孙静、钱小兰出席')).toEqual([['roster/order', '孙静、钱小兰']]);
    expect(check('副市长赵明远、李红出席')).toContainEqual(['roster/wrong-title', '李红']);
  });

  it('warns when names are listed against the order of precedence', () => {
    expect(check('市委书记张伟民、市委副书记、市长王建华出席')).toEqual([]);
    const out = check('市委副书记、市长王建华，市委书记张伟民出席');
    expect(out).toEqual([['roster/order', '王建华，市委书记张伟民']]);
    expect(check('副市长孙静、赵明远出席')).toEqual([['roster/order', '孙静、赵明远']]);
  });

  it('can be switched off check by check, and works next to rule sets', () => {
    expect(checkCaliber('赵明远出席', [], { roster, disable: ['roster/missing-title'] })).toEqual([]);
    const office = defineRuleSet({ id: 'o', rules: [{ id: 'mayor', type: 'title', name: '王建华', title: '市长' }] });
    expect(checkCaliber('市长王建华出席', office, { roster: [roster] })).toEqual([]);
  });
});

describe('title rules', () => {
  it('compare titles whole, never as a suffix', () => {
    const set = defineRuleSet({ id: 't', rules: [{ id: 'deputy', type: 'title', name: '王明', title: '副县长', severity: 'error' }] });
    expect(checkCaliber('常务副县长王明指出', set).map((f) => [f.excerpt, f.fix?.text, f.fix?.safe])).toEqual([['常务副县长王明', '副县长王明', false]]);
    expect(checkCaliber('副县长王明指出', set)).toEqual([]);
    expect(checkCaliber('县长王明指出', set).map((f) => f.excerpt)).toEqual(['县长王明']);
  });
});

describe('docs/caliber.md', () => {
  it('shows a roster that defineRoster accepts', async () => {
    const { readFileSync } = await import('node:fs');
    const guide = readFileSync(new URL('../../docs/caliber.md', import.meta.url), 'utf8');
    const json = [...guide.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!)).find((b) => Array.isArray(b.leaders));
    const docRoster = defineRoster(json);
    expect(checkCaliber('常务副县长刘志強出席', [], { roster: docRoster }).map((f) => f.ruleId)).toEqual(['roster/wrong-title']);
  });
});
