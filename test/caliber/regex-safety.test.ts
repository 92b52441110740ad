import { describe, expect, it } from 'vitest';
import { agencyRenameRules, checkCaliber, defineRuleSet, spamRules, xinhuaRules, zhGovRules } from '../../src/caliber/index';
import { isGovpubError } from '../../src/errors/index';
import { regexHazards } from '../../src/caliber/regex-safety';
import { MAX_SLICE, regexSlices } from '../../src/caliber/regex-slices';

function issuesOf(json: unknown): { path: (string | number)[]; message: string }[] {
  try {
    defineRuleSet(json);
  } catch (e) {
    if (isGovpubError(e) && e.code === 'VALIDATION') return (e.details as { issues: { path: (string | number)[]; message: string }[] }).issues;
    throw e;
  }
  return [];
}

describe('regex rules that could hang the host', () => {
  it('are refused at defineRuleSet with the path of each pattern', () => {
    const issues = issuesOf({
      id: 'office',
      rules: [
        { id: 'ok', type: 'regex', pattern: '！{2,}' },
        { id: 'nested', type: 'regex', pattern: '(a+)+$' },
        { id: 'overlap', type: 'regex', pattern: '(a|ab)*c' },
        { id: 'backref', type: 'regex', pattern: '(.)\\1' },
        { id: 'bounded-repeat', type: 'regex', pattern: '(\\w+\\s?){2,40}x' },
        { id: 'polynomial', type: 'regex', pattern: '\\d*\\d*x' },
      ],
    });
    expect(issues.map((i) => i.path)).toEqual([
      ['rules', 1, 'pattern'],
      ['rules', 2, 'pattern'],
      ['rules', 3, 'pattern'],
      ['rules', 4, 'pattern'],
      ['rules', 5, 'pattern'],
    ]);
    expect(issues[4]!.message).toMatch(/polynomial/);
    expect(issues[0]!.message).toMatch(/nested quantifiers/);
    expect(issues[1]!.message).toMatch(/overlap/);
    expect(issues[2]!.message).toMatch(/backreference/);
  });

  it('accepts ordinary patterns, repeated groups of distinct literals, and every built-in pattern', () => {
    for (const pattern of ['(ab|cd)+', '(?:\\d|a)+x', '(?:\\d{1,3},)+\\d+', 'v(\\d+)', '[(]+', '(?<=[\\p{sc=Han}])[ \\t]*,[ \\t]*']) {
      expect(regexHazards(pattern), pattern).toEqual([]);
    }
    for (const pattern of ['\\d*a\\d*', '\\s*,\\s*', '(?<=\\d)\\d*']) expect(regexHazards(pattern), pattern).toEqual([]);
    for (const set of [zhGovRules, xinhuaRules, agencyRenameRules, spamRules]) {
      for (const rule of set.rules) if (rule.type === 'regex') expect(regexHazards(rule.pattern, rule.flags), rule.id).toEqual([]);
    }
  });

  it('runs each rule on bounded slices, still finding matches on every line and in long lines', () => {
    const longLine = '内容'.repeat(MAX_SLICE) + '。结尾!!';
    const slices = regexSlices(`第一行!!\n${longLine}`);
    for (const [s, e] of slices) expect(e - s).toBeLessThanOrEqual(MAX_SLICE);
    const office = defineRuleSet({ id: 'o', rules: [{ id: 'ex', type: 'regex', pattern: '(?<=行|尾)!!', replacement: '！' }] });
    const found = checkCaliber(`第一行!!\n${longLine}`, office);
    expect(found.map((f) => f.excerpt)).toEqual(['!!', '!!']);
  });
});
