import { describe, expect, it } from 'vitest';
import { applyFixes, checkCaliber, defineRuleSet, zhGovRules } from '../../src/caliber/index';

const NOW = new Date('2024-06-01T00:00:00Z');

/** For every built-in rule: a text it must flag (and, with a fix, what fixing gives) and one it must leave alone. */
const CASES: Record<string, { positive: string; fixed?: string; negative: string }> = {
  'halfwidth-comma': { positive: '北京,上海', fixed: '北京，上海', negative: '共1,234.5元。Hello, world.' },
  'halfwidth-period': { positive: '会议结束.', fixed: '会议结束。', negative: '版本1.2，文件名为规划.pdf，见 gov.cn.' },
  'halfwidth-question': { positive: '如何办理?', fixed: '如何办理？', negative: 'What? 见 https://a.gov.cn/q?id=1' },
  'halfwidth-exclamation': { positive: '祝贺!', fixed: '祝贺！', negative: 'Great! 见图![示意图](a.png)' },
  'halfwidth-colon': { positive: '电话:12345', fixed: '电话：12345', negative: '时间 12:30，比分3:2，网址 https://www.gov.cn' },
  'halfwidth-semicolon': { positive: '一是;二是', fixed: '一是；二是', negative: 'a; b &amp; c' },
  'repeated-exclamation': { positive: '好！！', fixed: '好！', negative: '好！ Wow!!' },
  'repeated-question': { positive: '吗？？', fixed: '吗？', negative: '吗？ What??' },
  'ellipsis-ascii': { positive: '等等...', fixed: '等等……', negative: 'and so on... 1...3' },
  'ellipsis-periods': { positive: '等等。。。', fixed: '等等……', negative: '等等。' },
  'ellipsis-single': { positive: '等等…', fixed: '等等……', negative: '等等……' },
  'no-dunhao-between-quotes': { positive: '“甲”、“乙”', fixed: '“甲”“乙”', negative: '“甲”（注）、“乙”' },
  'no-dunhao-between-titles': { positive: '《甲》、《乙》', fixed: '《甲》《乙》', negative: '《甲》（2020年版）、《乙》' },
  'unpaired-quotes': { positive: '他说：“好。', negative: '他说：“好。”Don’t worry.' },
  'unpaired-brackets': { positive: '（未闭合', negative: '（已闭合）\n\n1) 列表' },
  'unpaired-title-marks': { positive: '《民法典', negative: '《民法典》' },
  'mixed-width-brackets': { positive: '国务院(办公厅）', fixed: '国务院（办公厅）', negative: '国务院（办公厅）' },
  'halfwidth-brackets-around-chinese': { positive: '公积金(试行)', fixed: '公积金（试行）', negative: '世界卫生组织(WHO)' },
  'straight-double-quotes': { positive: '推行"一网通办"', fixed: '推行“一网通办”', negative: 'say "hello" 和 "world"' },
  'number-range-tilde': { positive: '3-5天', fixed: '3～5天', negative: '2024-03-05，电话010-12345678，GB/T 15834-2011规定，3-5号楼' },
  'time-range-tilde': { positive: '办理时间9:00-12:00', fixed: '办理时间9:00～12:00', negative: '9:00～12:00，比分3:1' },
  'halfwidth-comma-after-percent': { positive: '增长5.2%,高于全省', fixed: '增长5.2%，高于全省', negative: 'rates of 5%, 6% and 7%' },
  'nested-quotes': { positive: '他说：“坚持“三个一批”。”', fixed: '他说：“坚持‘三个一批’。”', negative: '“放管服”和“最多跑一次”改革' },
  'corner-quotes': { positive: '开展「文明城市」创建', fixed: '开展“文明城市”创建', negative: '這是「繁體」文本，說明與標點' },
  'estimate-ji-arabic': { positive: '有10几个村', fixed: '有十几个村', negative: '10个村，几十个人' },
  'adjacent-estimate-dunhao': { positive: '七、八十年代', fixed: '七八十年代', negative: '一、二年级；七、八月份' },
  'adjacent-estimate-arabic': { positive: '3、4天', fixed: '三四天', negative: '第3、4条；3、5天' },
  'shortened-year': { positive: '90年5月', negative: '90年代，建党100年，2024年5月' },
  'date-chinese-numerals': { positive: '二〇二四年三月五日', fixed: '2024年3月5日', negative: '2024年3月5日，五四运动' },
  'consistent-number-form': { positive: '增长12%，占比百分之三十', fixed: '增长12%，占比30%', negative: '增长12%，占比30%' },
  'doc-number-brackets': { positive: '国办发[2024]12号', fixed: '国办发〔2024〕12号', negative: '国办发〔2024〕12号' },
  'doc-number-short-year': { positive: '国办发〔24〕12号', negative: '国办发〔2024〕12号' },
  'doc-number-no-di': { positive: '京政发〔2024〕第3号', fixed: '京政发〔2024〕3号', negative: '京政发〔2024〕3号，第3号公告' },
  'doc-number-leading-zero': { positive: '京政发〔2024〕003号', fixed: '京政发〔2024〕3号', negative: '京政发〔2024〕30号' },
  'classification-marking-format': { positive: '机密*一年', fixed: '机密★1年', negative: '机密★1年' },
  'common-typos': { positive: '按步就班', fixed: '按部就班', negative: '按部就班' },
  'variant-forms': { positive: '主要成份', fixed: '主要成分', negative: '主要成分' },
  'consistent-qita': { positive: '其他单位和其它部门', fixed: '其他单位和其他部门', negative: '其它单位和其它部门' },
  'covid-name': { positive: '新冠肺炎', fixed: '新冠病毒感染', negative: '新型冠状病毒感染' },
  'xinhua-disability-terms': { positive: '残废人', fixed: '残疾人', negative: '残疾人' },
  'xinhua-presumption-of-innocence': { positive: '罪犯已被抓获', fixed: '犯罪嫌疑人已被抓获', negative: '罪犯改造，犯罪嫌疑人' },
  'xinhua-civil-parties': { positive: '将对方推上被告席', negative: '被告提出反诉' },
  'xinhua-hk-macao-taiwan': { positive: '中港合作', fixed: '内地与香港合作', negative: '内地与香港合作' },
  'relative-dates': { positive: '今天召开', negative: '今日头条；2024年5月1日召开' },
};

const idsOf = (text: string) => checkCaliber(text, zhGovRules, { now: NOW }).map((f) => f.ruleId);

describe('zhGovRules', () => {
  it('has at least 30 rules, each with a source, and a test case for every one', () => {
    expect(zhGovRules.rules.length).toBeGreaterThanOrEqual(30);
    for (const rule of zhGovRules.rules) expect(rule.source, rule.id).toMatch(/\S/);
    expect(Object.keys(CASES).sort()).toEqual(zhGovRules.rules.map((r) => r.id).sort());
  });

  it('is valid JSON that defineRuleSet accepts, specs included', () => {
    const copy = JSON.parse(JSON.stringify(zhGovRules));
    expect(defineRuleSet(copy)).toEqual(copy);
  });

  for (const [id, c] of Object.entries(CASES)) {
    describe(id, () => {
      it('flags the positive example', () => {
        expect(idsOf(c.positive)).toContain(`zh-gov/${id}`);
        if (c.fixed !== undefined) {
          const own = checkCaliber(c.positive, zhGovRules, { now: NOW }).filter((f) => f.ruleId === `zh-gov/${id}`);
          expect(applyFixes(c.positive, own, { unsafe: true })).toBe(c.fixed);
        }
      });
      it('leaves the negative example alone', () => {
        expect(idsOf(c.negative)).not.toContain(`zh-gov/${id}`);
      });
    });
  }

  it('retires and introduces wording on schedule (covid-name applies from 2022-12-26)', () => {
    const before = checkCaliber('新冠肺炎', zhGovRules, { now: new Date('2022-12-25T00:00:00Z') });
    const after = checkCaliber('新冠肺炎', zhGovRules, { now: new Date('2022-12-26T00:00:00Z') });
    expect(before.map((f) => f.ruleId)).not.toContain('zh-gov/covid-name');
    expect(after.map((f) => f.ruleId)).toContain('zh-gov/covid-name');
  });

  it('gives typos error severity, guidance terms warnings and relative dates info', () => {
    const severity = (text: string, id: string) => checkCaliber(text, zhGovRules, { now: NOW }).find((f) => f.ruleId === `zh-gov/${id}`)?.severity;
    expect(severity('按步就班', 'common-typos')).toBe('error');
    expect(severity('残废人', 'xinhua-disability-terms')).toBe('warning');
    expect(severity('今天', 'relative-dates')).toBe('info');
  });

  it('suggests the four-digit years a two-digit year can mean, the past first', () => {
    const suggestions = (text: string) =>
      checkCaliber(text, zhGovRules, { now: NOW }).find((x) => x.ruleId === 'zh-gov/shortened-year')?.suggestions;
    expect(suggestions('98年7月')).toEqual(['1998年']);
    expect(suggestions('08年7月')).toEqual(['2008年', '1908年']);
    expect(suggestions('〇八年')).toEqual(['2008年', '1908年']);
  });
});
