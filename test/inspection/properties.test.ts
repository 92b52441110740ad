import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { inspect, type PublicationRecord } from '../../src/inspection/index';
import { ACCOUNTS, rec, WINDOW } from './fixtures';

const JUNE = Date.parse('2024-05-20T00:00:00+08:00');
const SPAN = 45 * 86_400_000;

const recordArb = fc
  .record({
    account: fc.constantFrom(...ACCOUNTS.map((a) => a.id)),
    offset: fc.integer({ min: 0, max: SPAN }),
    withdrawn: fc.boolean(),
    delivery: fc.constantFrom('delivered', 'failed', 'dead', 'pending') as fc.Arbitrary<PublicationRecord['deliveryState']>,
    original: fc.oneof(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true })),
  })
  .map((r) => {
    const at = new Date(JUNE + r.offset).toISOString();
    return rec(r.account, at, { deliveryState: r.delivery, original: r.original, ...(r.withdrawn ? { withdrawnAt: at } : {}) });
  });

const savedTZ = process.env.TZ;
afterEach(() => {
  if (savedTZ === undefined) delete process.env.TZ;
  else process.env.TZ = savedTZ;
});

describe('inspect invariants', () => {
  it('the distributions add up to the publications, and the verdict follows the reasons', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 80 }), (records) => {
        const result = inspect({ records, accounts: ACCOUNTS, ...WINDOW });
        let total = 0;
        for (const a of result.accounts) {
          const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
          expect(sum(a.hours)).toBe(a.publications);
          expect(sum(a.weekdays)).toBe(a.publications);
          expect(sum(Object.values(a.days))).toBe(a.publications);
          expect(a.originality.original + a.originality.reposted).toBe(a.publications);
          expect(sum(a.months.map((m) => m.publications))).toBe(a.publications);
          const worst = a.reasons.some((r) => r.severity === 'fail') ? 'fail' : a.reasons.some((r) => r.severity === 'risk') ? 'at-risk' : 'pass';
          expect(a.verdict).toBe(worst);
          if (a.daysSinceLast !== null) expect(a.daysSinceLast > a.limitDays).toBe(a.reasons.some((r) => r.code === 'silent-too-long'));
          if (a.longestGap) expect(a.longestGap.days).toBeGreaterThanOrEqual(0);
          total += a.publications;
        }
        expect(result.totals.publications).toBe(total);
      }),
      { numRuns: 100 },
    );
  });

  it("does not depend on the host's TZ", () => {
    const records = fc.sample(fc.array(recordArb, { minLength: 30, maxLength: 30 }), { numRuns: 1, seed: 16 })[0]!;
    const results = ['UTC', 'America/Los_Angeles', 'Asia/Kathmandu', 'Pacific/Chatham'].map((tz) => {
      process.env.TZ = tz;
      return JSON.stringify(inspect({ records, accounts: ACCOUNTS, ...WINDOW }));
    });
    expect(new Set(results).size).toBe(1);
  });
});
