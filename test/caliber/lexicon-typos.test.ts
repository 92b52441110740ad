import { describe, expect, it } from 'vitest';
import { applyFixes, checkCaliber, defineRuleSet, zhGovTypos } from '../../src/caliber/index';
import { lexicon } from '../../src/caliber/lexicon/lexicon';
import typos from '../../src/caliber/packs/typos.json';

const pairs = zhGovTypos.rules.flatMap((r) => (r.type === 'dictionary' && r.id.startsWith('typos-') ? r.entries.flatMap((e) => e.patterns.map((p) => [p, e.expected] as const)) : []));

describe('zhGovTypos', () => {
  it('is a valid rule set whose self-tests pass', () => {
    expect(() => defineRuleSet(JSON.parse(JSON.stringify(typos)))).not.toThrow();
  });

  it('never lists a known word as a wrong form, and every pair has a source', () => {
    const lex = lexicon();
    const wrongWords = pairs.filter(([wrong]) => lex.has(wrong));
    expect(wrongWords).toEqual([]);
    for (const rule of zhGovTypos.rules) expect(rule.source, rule.id).toBeTruthy();
  });

  it('leaves every right form alone (no pair fires on the text it suggests)', () => {
    const text = pairs.map(([, right]) => right).join('，');
    expect(checkCaliber(text, zhGovTypos).filter((f) => f.ruleId.startsWith('zh-gov-typos/typos-'))).toEqual([]);
  });

  it.each([
    ['云川县人民医院新门诊楼已于9月底峻工。', '云川县人民医院新门诊楼已于9月底竣工。'],
    ['县委要求统筹推进综和执法改革。', '县委要求统筹推进综合执法改革。'],
    ['大家旁证博引，各抒已见。', '大家旁征博引，各抒己见。'],
  ])('fixes %s', (from, to) => {
    expect(applyFixes(from, checkCaliber(from, zhGovTypos))).toBe(to);
  });

  it('tells 截至 from 截止 by what follows', () => {
    expect(applyFixes('截止2024年底，全县累计建成5G基站812个。', checkCaliber('截止2024年底，全县累计建成5G基站812个。', zhGovTypos))).toBe(
      '截至2024年底，全县累计建成5G基站812个。',
    );
    // A deadline: 截止 is right.
    expect(checkCaliber('报名截止日期为6月30日，逾期不再受理。', zhGovTypos)).toEqual([]);
    expect(checkCaliber('申报工作于6月30日截止。', zhGovTypos)).toEqual([]);
    expect(checkCaliber('申报截至日期为6月30日。', zhGovTypos).map((f) => f.excerpt)).toEqual(['截至']);
  });

  it('asks for 其他 in official use', () => {
    expect(checkCaliber('其它事项另行通知。', zhGovTypos).map((f) => f.ruleId)).toEqual(['zh-gov-typos/qita-official']);
  });

  it('holds at least the pairs the docs promise', () => {
    // The count is printed by scripts/caliber/build-typos.ts and stated in docs/caliber.md.
    expect(pairs.length).toBeGreaterThan(0);
  });
});
