import { describe, expect, it } from 'vitest';
import { createDuplicateIndex } from '../../src/index';
import { factCandidates } from '../../src/trace/fact-candidates';
import { factKeys } from '../../src/trace/fact-keys';

const REPORT = '前三季度，全县实现地区生产总值186.4亿元，同比增长5.8%；规模以上工业增加值增长7.3%；社会消费品零售总额58.9亿元，增长6.2%。';
const RETOLD = '今年前三季度全县GDP达到186.4亿元，比去年同期增长5.8%，规上工业增加值增长7.3%，社零总额58.9亿元，增长6.2%。';

describe('factCandidates', () => {
  it('proposes the text whose facts a rewrite keeps, and follows the index as it changes', () => {
    const index = createDuplicateIndex();
    index.add('report', REPORT);
    index.add('other', '全县森林覆盖率达到68%，新增造林面积1.2万亩。');
    expect(factCandidates(index, RETOLD, 5)).toEqual(['report']);
    // Replaced under the same id: the cached facts are read again.
    index.add('report', '上半年全县实现地区生产总值121.3亿元，同比增长5.5%。');
    expect(factCandidates(index, RETOLD, 5)).toEqual([]);
    index.add('copy', REPORT);
    expect(factCandidates(index, RETOLD, 5)).toEqual(['copy']);
    index.remove('copy');
    expect(factCandidates(index, RETOLD, 5)).toEqual([]);
  });

  it('needs at least four shared facts', () => {
    const index = createDuplicateIndex();
    index.add('report', REPORT);
    expect(factCandidates(index, '地区生产总值186.4亿元，增长5.8%。', 5)).toEqual([]);
  });
});

describe('factKeys: one fact written the usual other ways', () => {
  it('reads a date without its year and as its day, a clock time as its hour', () => {
    const keys = (t: string) => [...factKeys(t)].sort();
    expect(keys('2026年5月13日22时起停水')).toEqual(['date:5月13日', 'day:13', 'hour:22']);
    expect(keys('13日晚上10点起停水')).toEqual(['day:13', 'hour:22']);
    expect(keys('5月13日22:00起停水')).toEqual(['date:5月13日', 'day:13', 'hour:22']);
    expect(keys('上午9点开始，约2300户受影响')).toEqual(['figure:2300户', 'hour:9']);
  });

  it('does not propose a text that shares only days, hours and the year', () => {
    const index = createDuplicateIndex();
    index.add('fair', '2026年5月13日至15日，每天9时至17时，县体育馆举办春季招聘会。');
    expect(factCandidates(index, '2026年，13日、15日，9点到下午5点，图书馆开展读书活动。', 5)).toEqual([]);
  });
});
