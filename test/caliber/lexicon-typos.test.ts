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

  it.each([
    ['财政局已将补助资金拔付到位，并建立台帐。', '财政局已将补助资金拨付到位，并建立台账。'],
    ['全县发放消费卷200万元，群众欢渡新春。', '全县发放消费券200万元，群众欢度新春。'],
    ['要坚持克已奉公，做到令行禁止。', '要坚持克己奉公，做到令行禁止。'],
    ['入夏以来气侯异常，各地要做好防讯准备。', '入夏以来气候异常，各地要做好防汛准备。'],
  ])('fixes the errors of the common 错别字 lists: %s', (from, to) => {
    expect(applyFixes(from, checkCaliber(from, zhGovTypos))).toBe(to);
  });

  it('decides 既使, 自已, 克苦 and 按装 by the words around them', () => {
    const fix = (text: string) => applyFixes(text, checkCaliber(text, zhGovTypos), { unsafe: true });
    expect(fix('既使下雨，活动也照常举行。')).toBe('即使下雨，活动也照常举行。');
    // 既……又……: a parallel 既使, right as written.
    expect(checkCaliber('新办法既使企业减负，又使群众受益。', zhGovTypos)).toEqual([]);
    expect(checkCaliber('新办法既使企业减负，也使群众受益。', zhGovTypos)).toEqual([]);
    expect(fix('要把自已摆进去。')).toBe('要把自己摆进去。');
    expect(checkCaliber('各单位各自已经完成自查。', zhGovTypos)).toEqual([]);
    expect(fix('队员们克苦训练。')).toBe('队员们刻苦训练。');
    expect(checkCaliber('取5克苦杏仁煎水。', zhGovTypos)).toEqual([]);
    expect(fix('小区已按装充电桩40个。')).toBe('小区已安装充电桩40个。');
    expect(checkCaliber('补助按装修面积核定。', zhGovTypos)).toEqual([]);
  });

  it('decides 得确, 登陆 and 实行 by the words around them', () => {
    const fix = (text: string) => applyFixes(text, checkCaliber(text, zhGovTypos), { unsafe: true });
    expect(fix('这项改革得确是民心所向。')).toBe('这项改革的确是民心所向。');
    expect(checkCaliber('各地取得确实成效，做得确实不错。', zhGovTypos)).toEqual([]);
    expect(fix('用户可登陆“粤省事”小程序办理。')).toBe('用户可登录“粤省事”小程序办理。');
    expect(checkCaliber('台风“摩羯”登陆后其环流系统逐渐减弱。', zhGovTypos)).toEqual([]);
    expect(fix('本办法自2025年1月1日起实行。')).toBe('本办法自2025年1月1日起施行。');
    expect(checkCaliber('城区停车场自2026年1月1日起实行新的收费标准。', zhGovTypos)).toEqual([]);
    expect(fix('他就象一团火一样温暖着群众。')).toBe('他就像一团火一样温暖着群众。');
    expect(checkCaliber('树立良好形象一样重要。', zhGovTypos)).toEqual([]);
  });

  it('leaves the boundaries of ordinary words alone', () => {
    // Wrong forms that ordinary words make side by side were dropped when the pack was built
    // (研究|竞争 holds 究竞, 学习|贯彻 holds 习贯, 片刻|期间 holds 刻期).
    for (const text of ['要研究竞争政策。', '围绕学习贯彻全会精神开展研讨。', '片刻期间无人发言。', '县长带领城乡建设部门调研。']) {
      expect(checkCaliber(text, zhGovTypos), text).toEqual([]);
    }
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
