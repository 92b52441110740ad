import { describe, expect, it } from 'vitest';
import { detectSensitive } from '../../src/confidentiality/index';

const NOW = { now: new Date('2026-01-01T00:00:00Z') };
const table = (header: string, rows: number) => `| 序号 | ${header} |\n|---|---|\n` + Array.from({ length: rows }, (_, i) => `| ${i + 1} | 1381234${String(5678 + i).padStart(4, '0').slice(-4)} |`).join('\n');
const phones = (text: string) => detectSensitive(text, NOW).filter((f) => f.ruleId === 'confidentiality/mobile').length;

describe('table columns decide what an 11-digit cell is', () => {
  it('reads the column header however deep the row is, for each of several tables in one text', () => {
    const text = [table('订单号', 3000), '以上为订单明细。下表为联系人。', table('联系电话', 3000)].join('\n\n');
    // Every number under 联系电话 is a mobile; none under 订单号 is, down to the last row.
    expect(phones(text)).toBe(3000);
    expect(phones(table('订单号', 3000))).toBe(0);
  });

  it('does not read a line longer than any table row as a row', () => {
    const long = `说明：${'该项目按计划推进，'.repeat(600)}| 联系电话 | 13812345678 |`;
    // The cell-like tail of a 5,000-character line of prose is judged by its nearest words.
    expect(phones(long)).toBe(1);
  });
});
