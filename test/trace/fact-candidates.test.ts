import { describe, expect, it } from 'vitest';
import { createDuplicateIndex } from '../../src/index';
import { factCandidates } from '../../src/trace/fact-candidates';

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
