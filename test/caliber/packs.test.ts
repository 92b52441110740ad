import { describe, expect, it } from 'vitest';
import { agencyRenameRules, applyFixes, checkCaliber, defaultRuleSets, defineRuleSet, spamRules, xinhuaRules, zhGovRules } from '../../src/caliber/index';
import agencyJson from '../../src/caliber/packs/agency-2018.json';
import spamJson from '../../src/caliber/packs/spam.json';
import xinhuaJson from '../../src/caliber/packs/xinhua.json';
import { zhGovDeDiDe, zhGovNonWords, zhGovTypos } from '../../src/caliber/lexicon/index';

const NOW = new Date('2025-06-01T00:00:00Z');
const ids = (set: typeof xinhuaRules, text: string) => checkCaliber(text, set, { now: NOW }).map((f) => `${f.ruleId.split('/')[1]}:${f.excerpt}`);

function entries(json: { rules: { type: string; terms?: string[]; patterns?: string[]; entries?: { patterns: string[] }[] }[] }): number {
  let n = 0;
  for (const r of json.rules) n += r.terms?.length ?? r.patterns?.length ?? r.entries?.reduce((k, e) => k + e.patterns.length, 0) ?? 1;
  return n;
}

describe('built-in packs', () => {
  it('are valid rule sets (schema, self-tests, regex screen) with a source on every rule', () => {
    for (const json of [xinhuaJson, agencyJson, spamJson]) {
      const set = defineRuleSet(structuredClone(json));
      for (const rule of set.rules) expect(rule.source, `${set.id}/${rule.id}`).toBeTruthy();
    }
    expect(entries(xinhuaJson)).toBeGreaterThanOrEqual(80);
    expect(entries(agencyJson)).toBeGreaterThanOrEqual(60);
    for (const rule of agencyJson.rules) expect(rule.since, rule.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('are in the default set, and zhGovRules alone still works', () => {
    expect(defaultRuleSets).toEqual([zhGovRules, xinhuaRules, agencyRenameRules, spamRules, zhGovTypos, zhGovDeDiDe, zhGovNonWords]);
    expect(checkCaliber('北京,上海', zhGovRules).map((f) => f.ruleId)).toEqual(['zh-gov/halfwidth-comma']);
  });
});

describe('xinhua pack', () => {
  it('catches Hong Kong, Macao and Taiwan listed with countries, and fixes it safely', () => {
    const text = '产品出口到美国、日本、香港等国家。';
    expect(ids(xinhuaRules, text)).toEqual(['regions-as-countries:香港等国家']);
    expect(applyFixes(text, checkCaliber(text, xinhuaRules))).toBe('产品出口到美国、日本、香港等国家和地区。');
    expect(ids(xinhuaRules, '客商来自新加坡、台湾两国。')).toEqual(['regions-as-countries:台湾两国']);
    expect(ids(xinhuaRules, '产品出口到美国、日本等国家和地区，香港市场稳定。')).toEqual([]);
    expect(ids(xinhuaRules, '香港国家安全法实施以来')).toEqual([]);
  });

  it('tells 内地 from 大陆 by the sentence', () => {
    expect(ids(xinhuaRules, '香港居民赴大陆就业人数增加。')).toEqual(['mainland-inland:大陆']);
    expect(ids(xinhuaRules, '台湾同胞来内地投资。')).toEqual(['mainland-inland:内地']);
    expect(ids(xinhuaRules, '两岸同胞共同推动大陆与台湾交流，香港也参与其中。')).toEqual([]);
    expect(ids(xinhuaRules, '香港学者研究大陆架与欧亚大陆的地质。')).toEqual([]);
  });

  it('wants full titles, proper names and quotes', () => {
    expect(ids(xinhuaRules, '县人大主任出席')).toEqual(['local-npc-director:人大主任']);
    expect(ids(xinhuaRules, '县人大常委会主任出席')).toEqual([]);
    expect(ids(xinhuaRules, '坚决反对台独分裂活动')).toEqual(['separatism-quoted:台独']);
    expect(ids(xinhuaRules, '坚决反对“台独”分裂活动')).toEqual([]);
    expect(ids(xinhuaRules, '维族群众载歌载舞')).toEqual(['ethnic-abbreviations:维族']);
    expect(ids(xinhuaRules, '数据中台建设与两岸交流')).toEqual([]);
  });

  it('every fix of the pack waits for a human', () => {
    const text = '县人大主任和维族群众';
    const found = checkCaliber(text, xinhuaRules);
    expect(found.length).toBe(2);
    expect(applyFixes(text, found)).toBe(text);
  });
});

describe('agency pack', () => {
  it('flags names abolished by the 2018 reform, national and local, with the current name', () => {
    const found = checkCaliber('县安监局、市环保局和国家卫计委联合检查', agencyRenameRules, { now: NOW });
    expect(found.map((f) => [f.excerpt, f.fix?.text])).toEqual([
      ['安监局', '应急管理局'],
      ['市环保局', '市生态环境局'],
      ['国家卫计委', '国家卫生健康委'],
    ]);
    expect(found.every((f) => f.severity === 'error' && f.fix?.safe === false)).toBe(true);
  });

  it('leaves the past, cited titles, the reform itself and foreign agencies alone', () => {
    expect(ids(agencyRenameRules, '2017年，县安监局开展了专项检查。')).toEqual([]);
    expect(ids(agencyRenameRules, '原县安监局局长张某')).toEqual([]);
    expect(ids(agencyRenameRules, '原县工商局、县质监局、县食药监局的职责整合')).toEqual([]);
    expect(ids(agencyRenameRules, '印发《县环保局2016年工作要点》')).toEqual([]);
    expect(ids(agencyRenameRules, '美国环保局发布报告')).toEqual([]);
    expect(ids(agencyRenameRules, '省银保监局')).toEqual(['finance-2023:银保监局']);
    // A document about 2017 as a whole: asOf.
    expect(checkCaliber('县安监局开展专项检查', agencyRenameRules, { now: NOW, asOf: new Date('2017-06-01T00:00:00Z') })).toEqual([]);
  });
});

describe('spam pack', () => {
  it('flags injected gambling and sex promotion, links included', () => {
    const text = '县教育局发布开学提示。澳门新葡京线上娱乐城，注册送88元，网址 www.xpj9966.net';
    const found = checkCaliber(text, spamRules);
    expect(found.map((f) => f.ruleId)).toContain('spam/gambling-promotion');
    expect(found.find((f) => f.ruleId === 'spam/gambling-promotion')!.excerpt).toBe('澳门新葡京线上娱乐城，注册送88元，网址 www.xpj9966.net');
    expect(ids(spamRules, '[同城约炮](http://x.example)加微信abc12345')).not.toEqual([]);
  });

  it('leaves lottery news and anti-gambling notices alone', () => {
    expect(ids(spamRules, '今年全县福利彩票销售额达1.2亿元，筹集公益金3800万元。')).toEqual([]);
    expect(ids(spamRules, '警惕网络赌博，不要轻信“注册送彩金”，发现请拨打110举报。')).toEqual([]);
    expect(ids(spamRules, '县公安局破获一起网络赌博案，涉案平台以“首充返水”引诱群众。')).toEqual([]);
    expect(ids(spamRules, '扫码下载“云川通”APP，办理社保业务。')).toEqual([]);
  });
});

describe('agency pack dates', () => {
  it('dates provincial departments to the end of 2018 and city and county bureaus to March 2019', () => {
    const early2019 = new Date('2019-02-01T00:00:00+08:00');
    expect(ids(agencyRenameRules, '省环境保护厅发布通知。').length).toBe(1);
    expect(checkCaliber('省环境保护厅发布通知。', agencyRenameRules, { now: early2019 }).map((f) => f.ruleId)).toEqual(['agency-2018/provincial-departments']);
    expect(checkCaliber('市环保局发布通知。', agencyRenameRules, { now: early2019 })).toEqual([]);
  });
});

describe('xinhua pack, items checked against the 2016 revision', () => {
  it.each([
    ['香港游客来华旅游人数回升。', 'visitors-to-china-hk-macao:来华'],
    ['亚太经合组织成员国领导人出席会议。', 'member-states:亚太经合组织成员国'],
    ['中共江宁市市委书记王明出席。', 'party-committee-doubled:市市委书记'],
    ['两岸三地青年交流活动举行。', 'two-shores-three-places:两岸三地'],
  ])('flags %s', (text, id) => {
    expect(ids(xinhuaRules, text)).toEqual([id]);
  });

  it.each(['依照刑法第十八条，精神病人在不能辨认自己行为的时候造成危害结果的，不负刑事责任。', '澳门内港码头今日恢复通航。', '全国台联举办台胞青年联谊活动。', '舞台语言艺术研讨会举行。'])(
    'leaves %s alone',
    (text) => {
      expect(ids(xinhuaRules, text)).toEqual([]);
    },
  );
});
