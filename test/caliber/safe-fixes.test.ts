import { describe, expect, it } from 'vitest';
import { applyFixes, checkCaliber, defineRuleSet, zhGovRules } from '../../src/caliber/index';

const NOW = new Date('2024-06-01T00:00:00Z');
const check = (text: string) => checkCaliber(text, zhGovRules, { now: NOW });
const fixed = (text: string) => applyFixes(text, check(text));

describe('fixes that damaged correct text (issue 11)', () => {
  it('完善一、二次分配 stays: first and second distribution are two ordinals, not an estimate', () => {
    expect(check('完善一、二次分配制度').filter((f) => f.ruleId.includes('estimate'))).toEqual([]);
    expect(fixed('完善一、二次分配制度')).toBe('完善一、二次分配制度');
    expect(fixed('召开十九届三、四次全会')).toBe('召开十九届三、四次全会');
    // A real estimate is still joined.
    expect(fixed('用了七、八天')).toBe('用了七八天');
  });

  it('前往香港中港城码头 stays: 中港城 is a place, not a pairing of the country with Hong Kong', () => {
    expect(check('旅客可前往香港中港城码头乘船').filter((f) => f.ruleId.includes('hk-macao'))).toEqual([]);
    expect(fixed('旅客可前往香港中港城码头乘船')).toBe('旅客可前往香港中港城码头乘船');
    const pairing = check('促进中港两地交流').find((f) => f.ruleId === 'zh-gov/xinhua-hk-macao-taiwan');
    expect(pairing?.fix).toMatchObject({ text: '内地与香港两地', safe: false });
  });

  it('罪犯 after a final judgment is not rewritten; before one it is reported with an unsafe fix', () => {
    const judged = '经法院终审判决，罪犯张某被依法执行死刑。';
    expect(check(judged).filter((f) => f.ruleId.includes('presumption'))).toEqual([]);
    expect(fixed(judged)).toBe(judged);
    const arrested = '罪犯张某已被警方抓获。';
    const finding = check(arrested).find((f) => f.ruleId.includes('presumption'));
    expect(finding?.fix?.safe).toBe(false);
    expect(fixed(arrested)).toBe(arrested);
    expect(applyFixes(arrested, check(arrested), { unsafe: true })).toBe('犯罪嫌疑人张某已被警方抓获。');
  });

  it('the title of a cited 2020 document keeps its name; the same words in prose are renamed', () => {
    const cited = '依据《新型冠状病毒肺炎防控方案（第七版）》开展工作。';
    expect(check(cited).filter((f) => f.ruleId.includes('covid'))).toEqual([]);
    expect(fixed(cited)).toBe(cited);
    expect(fixed('做好新型冠状病毒肺炎防控工作')).toBe('做好新型冠状病毒感染防控工作');
    // A sentence about 2020 speaks of a time when that was the name.
    expect(fixed('2020年，全县新冠肺炎疫情防控取得成效。')).toBe('2020年，全县新冠肺炎疫情防控取得成效。');
  });
});

describe('fix.safe', () => {
  it('marks the fixes that need a human, and leaves safe fixes exactly { start, end, text }', () => {
    const text = '新冠肺炎疫情,罪犯被抓获,推行"一网通办",3-5天,台湾政府';
    const fixes = check(text).filter((f) => f.fix);
    expect(fixes.filter((f) => f.fix!.safe === false).map((f) => f.ruleId)).toEqual([
      'zh-gov/xinhua-presumption-of-innocence',
      'zh-gov/xinhua-hk-macao-taiwan',
    ]);
    for (const f of fixes) if (f.fix!.safe !== false) expect(Object.keys(f.fix!).sort(), f.ruleId).toEqual(['end', 'start', 'text']);
  });

  it('a fix inside quotation marks is never safe, and renaming rules skip quotations', () => {
    const office = defineRuleSet({
      id: 'o',
      rules: [
        { id: 'typo', type: 'dictionary', exemptQuoted: false, entries: [{ patterns: ['布署'], expected: '部署' }] },
        { id: 'rename', type: 'replace', patterns: ['旧名'], expected: '新名' },
      ],
    });
    const text = '他说：“要布署好旧名工作。”旧名不再使用，布署到位。';
    const found = checkCaliber(text, office);
    expect(found.map((f) => [f.excerpt, f.start, f.fix?.safe])).toEqual([
      ['布署', 5, false],
      ['旧名', 14, undefined],
      ['布署', 21, undefined],
    ]);
    expect(applyFixes(text, found)).toBe('他说：“要布署好旧名工作。”新名不再使用，部署到位。');
  });

  it('asOf judges since/until at the time the document speaks of', () => {
    const text = '做好新冠肺炎防控工作';
    expect(checkCaliber(text, zhGovRules, { now: NOW, asOf: new Date('2021-01-01T00:00:00Z') }).filter((f) => f.ruleId.includes('covid'))).toEqual([]);
    expect(checkCaliber(text, zhGovRules, { now: NOW }).filter((f) => f.ruleId.includes('covid'))).toHaveLength(1);
  });

  it('rejects bad options and a historical rule without since', () => {
    expect(() => applyFixes('a', [], { unsafe: 'yes' } as never)).toThrow(/applyFixes options/);
    expect(() => defineRuleSet({ id: 'o', rules: [{ id: 'h', type: 'replace', patterns: ['a'], expected: 'b', historical: true }] })).toThrow();
  });
});

describe('punctuation inside quotations', () => {
  it('stays a safe fix, on the marks and inside', () => {
    const corner = '开展「文明云川」创建';
    expect(applyFixes(corner, check(corner))).toBe('开展“文明云川”创建');
    const nested = '他说：“坚持“三个一批”原则,推动发展。”';
    expect(applyFixes(nested, check(nested))).toBe('他说：“坚持‘三个一批’原则，推动发展。”');
  });
});
