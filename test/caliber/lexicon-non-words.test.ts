import { describe, expect, it } from 'vitest';
import { checkCaliber, defineRuleSet, findNonWords, zhGovNonWords, zhGovRules } from '../../src/caliber/index';

describe('findNonWords', () => {
  it.each([
    ['新门诊楼已于9月底峻工，预计11月投入使用。', '峻工', '竣工'],
    ['统筹推进综和执法改革。', '综和', '综合'],
    // a look-alike (切 for 彻)
    ['认真贯切落实会议精神。', '贯切', '贯彻'],
    // a three-character word broken by one character
    ['向县人民检查院移送案件线索。', '检查院', '检察院'],
    // an idiom
    ['全力以附做好防汛工作。', '全力以附', '全力以赴'],
  ])('finds the non-word in %s', (text, excerpt, word) => {
    const hits = findNonWords(text);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual([excerpt]);
    expect(hits[0]!.suggestions).toContain(word);
  });

  it('leaves ordinary official prose alone', () => {
    const text = '会议强调，要坚持以人民为中心的发展思想，统筹推进经济社会发展和疫情防控，确保全年目标任务圆满完成。截至9月底，全县累计完成固定资产投资86.3亿元，同比增长7.2%。';
    expect(findNonWords(text)).toEqual([]);
  });
});

describe('findNonWords and new official terms', () => {
  it.each([
    '县卫生健康局启动了第二批紧密型县域医共体建设。',
    '新建住宅小区应当按照标准配建养老服务用房。',
    '对首违不罚事项清单内的轻微违法行为依法不予处罚。',
    '持之以恒纠治“四风”，推动作风建设提质增效。',
    '供水管网改造施工期间，市水务局安排送水车。',
    '患者均已转介至县级医院。',
    '县委副书记、县长王健华主持召开县政府常务会议。',
  ])('does not take a term newer than the word list for a slip: %s', (text) => {
    expect(findNonWords(text)).toEqual([]);
  });

  it('stays quiet where a longer word covers the characters or two words meet', () => {
    expect(findNonWords('检查院内的消防设施。')).toEqual([]);
    expect(findNonWords('截至9月底，全县累计完成投资86.3亿元。')).toEqual([]);
  });
});

describe('zhGovNonWords', () => {
  it('reports warnings whose fixes wait for a human', () => {
    const [f] = checkCaliber('统筹推进综和执法改革。', zhGovNonWords);
    expect(f).toMatchObject({ ruleId: 'zh-gov-non-words/non-word', severity: 'warning', excerpt: '综和', fix: { text: '综合', safe: false } });
  });

  it('can be used from a rule set of one’s own once the pack is imported', () => {
    const own = defineRuleSet({ id: 'own', rules: [{ id: 'nw', type: 'builtin', check: 'non-word' }] });
    expect(checkCaliber('统筹推进综和执法改革。', own).map((f) => f.ruleId)).toEqual(['own/nw']);
  });
});

describe('findNonWords in document numbers', () => {
  it('does not judge the agency code before a document number', () => {
    expect(findNonWords('根据粤发改〔2019〕12号文件精神')).toEqual([]);
  });
});

describe('findNonWords and how colleagues are named', () => {
  it.each(['请王工明天到现场复核管线走向。', '会后李总、张局分别作了表态发言。', '刘处对下一步工作提出要求。'])('takes a surname and a form of address for a person: %s', (text) => {
    expect(findNonWords(text)).toEqual([]);
  });
});

describe('the non-word guess next to what a rule knows', () => {
  it('gives way to a dictionary finding on the same characters: the editor sees one finding', () => {
    const text = '各单位要按步就班推进。';
    // Alone, the detector reports 按步就班 (as zhGovRules' typo list does) …
    expect(checkCaliber(text, [zhGovNonWords]).map((f) => f.ruleId)).toEqual(['zh-gov-non-words/non-word']);
    // … together, only the typo list's error remains.
    expect(checkCaliber(text, [zhGovRules, zhGovNonWords]).map((f) => f.ruleId)).toEqual(['zh-gov/common-typos']);
  });

  it('still reports a non-word no other rule covers', () => {
    const text = '新门诊楼已于9月底峻工，各单位要按步就班推进。';
    const ids = checkCaliber(text, [zhGovNonWords, defineRuleSet({ id: 'office', rules: [{ id: 'step', type: 'replace', patterns: ['按步就班'], expected: '按部就班', severity: 'error' }] })]).map((f) => `${f.ruleId}:${f.excerpt}`);
    expect(ids).toEqual(['zh-gov-non-words/non-word:峻工', 'office/step:按步就班']);
  });
});
