import { describe, expect, it } from 'vitest';
import { inspect, inspectionToCSV, inspectionToJSON } from '../../src/inspection/index';
import { ACCOUNTS, daily, WINDOW } from './fixtures';

describe('inspectionToJSON / inspectionToCSV', () => {
  const accounts = [...ACCOUNTS.slice(0, 2), { id: 'x', name: '=HYPERLINK("http://evil"),"引号"', channel: 'web' }];
  const result = inspect({ records: daily('wx-main', 6, [28, 29, 30]), accounts, ...WINDOW });

  it('JSON round-trips with a format tag', () => {
    const parsed = JSON.parse(inspectionToJSON(result));
    expect(parsed.format).toBe('govpub/inspection');
    expect(parsed.accounts).toEqual(JSON.parse(JSON.stringify(result.accounts)));
  });

  it('CSV has one row per account, quotes fields and defuses formulas', () => {
    const csv = inspectionToCSV(result);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + accounts.length);
    expect(lines[0]).toMatch(/^account_id,name,channel,verdict,/);
    const main = lines.find((l) => l.startsWith('wx-main,'))!;
    expect(main).toContain(',fail,gap-exceeded below-weekly-target,3,2024-06-30T10:00:00.000+08:00,');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil""),""引号"""`);
  });
});
