import { describe, expect, it } from 'vitest';
import { createFinding, lineColumn, LineIndex, sortFindings } from '../../src/findings/index';

describe('line and column', () => {
  it('are 1-based across \\n, \\r\\n and \\r', () => {
    const text = '第一行\r\n第二行\n第三行\r第四行';
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(text, text.indexOf('第二行') + 1)).toEqual({ line: 2, column: 2 });
    expect(lineColumn(text, text.indexOf('第三行'))).toEqual({ line: 3, column: 1 });
    expect(lineColumn(text, text.indexOf('第四行') + 2)).toEqual({ line: 4, column: 3 });
    expect(new LineIndex(text).locate(999)).toEqual({ line: 4, column: 4 });
  });
});

describe('createFinding', () => {
  it('fills line, column and the exact excerpt', () => {
    const text = '标题\n请于三月五日前报送。';
    const f = createFinding(text, { ruleId: 'demo/x', severity: 'warning', message: 'm', start: 3, end: 5 });
    expect(f).toMatchObject({ line: 2, column: 1, excerpt: '请于' });
    expect(f.excerpt).toBe(text.slice(f.start, f.end));
  });

  it('sorts by start, end, then severity', () => {
    const text = 'abcdef';
    const mk = (start: number, end: number, severity: 'error' | 'warning' | 'info') =>
      createFinding(text, { ruleId: `r/${start}${end}${severity}`, severity, message: '', start, end });
    const sorted = sortFindings([mk(3, 4, 'info'), mk(1, 3, 'warning'), mk(1, 3, 'error'), mk(1, 2, 'info')]);
    expect(sorted.map((f) => f.ruleId)).toEqual(['r/12info', 'r/13error', 'r/13warning', 'r/34info']);
  });
});
