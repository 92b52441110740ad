import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRuleSets } from '../../src/caliber/compile';
import { checkCaliber, defineRuleSet } from '../../src/caliber/index';
import { normalizeText } from '../../src/text/index';

const office = defineRuleSet({
  id: 'city',
  rules: [
    { id: 'covid', type: 'replace', patterns: ['COVID'], expected: 'COVID-19', severity: 'error', source: '市政府办公厅 2023-01' },
    { id: 'most', type: 'banned', terms: ['最'], exceptions: ['最高人民法院', '最后'] },
    { id: 'virus', type: 'replace', patterns: ['冠状病毒'], expected: '新型冠状病毒' },
    { id: 'pneumonia', type: 'banned', terms: ['肺炎'] },
    { id: 'long', type: 'replace', patterns: ['新冠肺炎'], expected: '新冠病毒感染' },
    { id: 'ai', type: 'banned', terms: ['AI'] },
  ],
});

describe('checkCaliber', () => {
  it('matches across width and case and reports what the author wrote, with its offsets', () => {
    const text = '关于ＣＯＶＩＤ的通知';
    const [f] = checkCaliber(text, office);
    expect(f).toMatchObject({
      ruleId: 'city/covid',
      severity: 'error',
      start: 2,
      end: 7,
      line: 1,
      column: 3,
      excerpt: 'ＣＯＶＩＤ',
      fix: { start: 2, end: 7, text: 'COVID-19' },
      suggestions: ['COVID-19'],
      source: '市政府办公厅 2023-01',
    });
    expect(text.slice(f!.start, f!.end)).toBe(f!.excerpt);
  });

  it('matches traditional characters against simplified terms', () => {
    const set = defineRuleSet({ id: 's', rules: [{ id: 'office', type: 'banned', terms: ['国务院办公厅'] }] });
    expect(checkCaliber('見國務院辦公廳通知', set)).toMatchObject([{ start: 1, end: 7, excerpt: '國務院辦公廳' }]);
  });

  it('defaults severity to warning and builds ruleId from both ids', () => {
    const [f] = checkCaliber('最好', office);
    expect(f).toMatchObject({ ruleId: 'city/most', severity: 'warning', message: '不宜使用“最”' });
  });

  it('lets exceptions cover a banned term, including when they start before it', () => {
    expect(checkCaliber('最高人民法院和最后一公里', office)).toEqual([]);
    expect(checkCaliber('向最高人民法院', office)).toEqual([]);
    expect(checkCaliber('最美', office)).toHaveLength(1);
  });

  it('never flags text that already reads the expected wording, though it contains a pattern', () => {
    expect(checkCaliber('新型冠状病毒', office)).toEqual([]);
    expect(checkCaliber('冠状病毒', office).map((f) => f.ruleId)).toEqual(['city/virus']);
  });

  it('reports the longest of overlapping matches, leftmost first', () => {
    expect(checkCaliber('新冠肺炎', office).map((f) => [f.ruleId, f.excerpt])).toEqual([['city/long', '新冠肺炎']]);
    expect(checkCaliber('肺炎', office).map((f) => f.ruleId)).toEqual(['city/pneumonia']);
  });

  it('matches Latin terms as whole words only', () => {
    expect(checkCaliber('MAIL', office)).toEqual([]);
    expect(checkCaliber('用AI办事, ai+', office).map((f) => f.excerpt)).toEqual(['AI', 'ai']);
  });

  it('returns findings sorted by start with line and column', () => {
    const text = '最好\n关于COVID\n肺炎';
    const found = checkCaliber(text, office);
    expect(found.map((f) => [f.excerpt, f.line, f.column])).toEqual([
      ['最', 1, 1],
      ['COVID', 2, 3],
      ['肺炎', 3, 1],
    ]);
  });

  it('applies since/until against options.now and skips disabled rules', () => {
    const dated = defineRuleSet({
      id: 'd',
      rules: [
        { id: 'old', type: 'banned', terms: ['旧称'], until: '2024-01-01' },
        { id: 'new', type: 'banned', terms: ['新称'], since: '2024-01-01T00:00:00+08:00' },
      ],
    });
    const ids = (now: string) => checkCaliber('旧称和新称', dated, { now: new Date(now) }).map((f) => f.ruleId);
    expect(ids('2023-12-31T12:00:00Z')).toEqual(['d/old']);
    expect(ids('2023-12-31T16:00:00Z')).toEqual(['d/old', 'd/new']); // 00:00 in UTC+8
    expect(ids('2024-01-01T00:00:00Z')).toEqual(['d/new']);
    expect(checkCaliber('旧称', dated, { now: new Date('2023-06-01'), disable: ['d/old'] })).toEqual([]);
  });

  it('runs regex rules on the original text, or on the normalised text when asked, with $-replacements', () => {
    const set = defineRuleSet({
      id: 'r',
      rules: [
        { id: 'exclaim', type: 'regex', pattern: '！{2,}', flags: 'u', replacement: '！', message: '叹号叠用' },
        { id: 'version', type: 'regex', pattern: 'v(\\d+)', flags: 'i', replacement: '第$1版', normalize: true },
      ],
    });
    const found = checkCaliber('好！！见Ｖ２', set);
    expect(found.map((f) => [f.ruleId, f.excerpt, f.fix?.text, f.message])).toEqual([
      ['r/exclaim', '！！', '！', '叹号叠用'],
      ['r/version', 'Ｖ２', '第2版', '“Ｖ２”不符合规范'],
    ]);
  });

  it('requires a title at the first mention of a name, and flags a deputy title', () => {
    const set = defineRuleSet({ id: 't', rules: [{ id: 'mayor', type: 'title', name: '王明', title: '市长', severity: 'error' }] });
    expect(checkCaliber('市长王明指出，王明强调', set)).toEqual([]);
    expect(checkCaliber('王明 市长指出', set)).toEqual([]);
    const [missing] = checkCaliber('王明指出，市长王明强调', set);
    expect(missing).toMatchObject({ start: 0, end: 2, fix: { text: '市长王明' }, severity: 'error' });
    const [deputy] = checkCaliber('副市长王明指出', set);
    expect(deputy).toMatchObject({ start: 0, end: 5, excerpt: '副市长王明', fix: { text: '市长王明' } });
  });

  it('keeps the spelling a document uses first for consistency rules', () => {
    const set = defineRuleSet({ id: 'c', rules: [{ id: 'app', type: 'consistency', variants: ['APP', '客户端'] }] });
    const found = checkCaliber('下载客户端。打开APP，登录客户端', set);
    expect(found.map((f) => [f.excerpt, f.fix?.text])).toEqual([['APP', '客户端']]);
  });

  it('fills {match} and {expected} in messages', () => {
    const set = defineRuleSet({ id: 'm', rules: [{ id: 'x', type: 'replace', patterns: ['甲'], expected: '乙', message: '请把{match}改为{expected}{其他}' }] });
    expect(checkCaliber('甲', set)[0]!.message).toBe('请把甲改为乙{其他}');
  });

  it('combines several rule sets and reports the same span once per rule', () => {
    const a = defineRuleSet({ id: 'a', rules: [{ id: 'x', type: 'banned', terms: ['同一'] }] });
    const b = defineRuleSet({ id: 'b', rules: [{ id: 'x', type: 'banned', terms: ['同一'] }] });
    expect(checkCaliber('同一', [a, b]).map((f) => f.ruleId)).toEqual(['a/x', 'b/x']);
    expect(checkCaliber('同一', [a, a]).map((f) => f.ruleId)).toEqual(['a/x']);
  });

  it('rejects bad options with VALIDATION', () => {
    expect(() => checkCaliber('x', office, { facts: [{ label: '人数', value: '很多' }] })).toThrow(/facts\.0\.value/);
    expect(() => checkCaliber('x', office, { now: 'today' as never })).toThrow(/now/);
    expect(() => checkCaliber(5 as never, office)).toThrow(/caliber text/);
  });

  it('finds every term wherever it is written in another width, case or script, and points at it exactly', () => {
    const set = defineRuleSet({ id: 'p', rules: [{ id: 'x', type: 'banned', terms: ['COVID', '国务院'] }] });
    const pieces = ['ＣＯＶＩＤ', 'covid', 'Covid', '國務院', '国务院', '国務', '院', '中', '，', ' ', '\n', '𠮷'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const found = checkCaliber(text, set, { markdown: false });
        for (const f of found) {
          expect(f.excerpt).toBe(text.slice(f.start, f.end));
          expect(['covid', '国务院']).toContain(normalizeText(f.excerpt).text);
        }
        // As many findings as the normalised text has (non-overlapping, word-bounded) terms.
        const n = normalizeText(text).text;
        const expected = (n.match(/(?<![a-z0-9])covid(?![a-z0-9])|国务院/g) ?? []).length;
        expect(found).toHaveLength(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('compiles each combination of rule sets once', () => {
    const a = defineRuleSet({ id: 'a', rules: [{ id: 'x', type: 'banned', terms: ['甲'] }] });
    const b = defineRuleSet({ id: 'b', rules: [{ id: 'x', type: 'banned', terms: ['乙'] }] });
    expect(compileRuleSets([a, b])).toBe(compileRuleSets([a, b]));
    expect(compileRuleSets([b, a])).not.toBe(compileRuleSets([a, b]));
    expect(compileRuleSets([a, b]).automaton?.size).toBe(2);
  });
});
