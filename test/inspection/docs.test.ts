import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspect } from '../../src/inspection/index';
import type { InspectionReasonCode } from '../../src/inspection/index';

const guide = readFileSync(new URL('../../docs/inspection.md', import.meta.url), 'utf8');

// Every code the type allows, listed here so that adding one without documenting it fails.
const CODES: Record<InspectionReasonCode, true> = {
  'never-published': true,
  'silent-too-long': true,
  'gap-exceeded': true,
  'fails-soon': true,
  'below-weekly-target': true,
  'interaction-unanswered': true,
  'messages-overdue': true,
  'urgent-awaiting-review': true,
  'deliveries-failed': true,
  'unreasonable-hours': true,
  'low-originality': true,
  withdrawals: true,
};

describe('docs/inspection.md', () => {
  it('documents every reason code', () => {
    for (const code of Object.keys(CODES)) expect(guide).toContain(`| \`${code}\` |`);
  });

  it('states the fail-date rule the code applies (D + limit + 1)', () => {
    expect(guide).toContain('D + limit + 1');
    const a = inspect({
      records: [{ documentId: 'd', revision: 1, accountId: 'a', channel: 'wechat', publishedAt: '2024-06-01T10:00:00+08:00', urgent: false, retrospectivePending: false, original: true, findingsByCategory: {} }],
      accounts: [{ id: 'a', name: 'A', channel: 'wechat' }],
      from: '2024-06-01T00:00:00+08:00',
      to: '2024-06-30T00:00:00+08:00',
      now: '2024-06-02T00:00:00+08:00',
    }).accounts[0]!;
    expect(a.failsOn).toBe('2024-06-16');
  });
});
