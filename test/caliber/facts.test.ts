import { describe, expect, it } from 'vitest';
import { checkCaliber, defineRuleSet, FACT_RULE_ID } from '../../src/caliber/index';

const none = defineRuleSet({ id: 'none', rules: [] });
const check = (text: string, value: number | string, label = '参与人数') =>
  checkCaliber(text, none, { facts: [{ label, value, source: '市政府新闻办通稿' }] });

describe('facts', () => {
  it('accepts the same figure in any form: 1.2万人 = 12000人 = 一万二千人 = 12,000人', () => {
    for (const text of ['参与人数1.2万人', '参与人数为12000人', '参与人数达一万二千人', '参与人数：12,000人', '参与人数１．２万']) {
      for (const value of ['1.2万人', '12000', 12000, '一万二千']) expect(check(text, value), `${text} / ${value}`).toEqual([]);
    }
  });

  it('reports a different figure as an error on the figure, fixed in the draft’s own style', () => {
    const [f] = check('本次活动参与人数达1.3万人。', '12000人');
    expect(f).toMatchObject({
      ruleId: FACT_RULE_ID,
      severity: 'error',
      excerpt: '1.3万',
      start: 9,
      end: 13,
      fix: { text: '1.2万' },
      source: '市政府新闻办通稿',
      details: { label: '参与人数', expected: '12000人', found: '1.3万' },
    });
    expect(check('参与人数一万三千人', 12000)[0]?.fix?.text).toBe('一万二千');
    expect(check('参与人数13000人', '1.2万')[0]?.fix?.text).toBe('12000');
  });

  it('compares percentages, in either numeral form', () => {
    expect(check('增长率为百分之三点五', '3.5%', '增长率')).toEqual([]);
    expect(check('增长率为3.6%', '3.5%', '增长率')[0]?.fix?.text).toBe('3.5%');
    expect(check('增长率为3.5', '3.5%', '增长率')).toHaveLength(1);
  });

  it('checks every mention, and only a figure in the label’s own clause', () => {
    expect(check('参与人数1.2万人；另据统计参与人数1.5万人', '1.2万').map((f) => f.excerpt)).toEqual(['1.5万']);
    expect(check('参与人数较多，共有5万人', '1.2万')).toEqual([]);
    expect(check('参与人数千万不要夸大', '1.2万')).toEqual([]);
  });

  it('ignores mentions in code', () => {
    expect(check('`参与人数5万`', '1.2万')).toEqual([]);
  });
});
