import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publicationRecordSchema } from '../../src/inspection/index';
import { precheckRecord } from '../../src/inspection/record-precheck';

// Values that are valid for some field and invalid for others, to mutate records with.
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(0, 1, -1, 0.5, 1.5, 2 ** 53, Number.NaN, Infinity, 3),
  fc.constantFrom('', 'x', 'delivered', 'dead', 'lost', '2024-06-01T10:00:00+08:00', '2024-06-01T10:00+08:00', '2024-02-30T10:00:00Z', '2024-06-01T24:00:00Z', '2024-06-01'),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ caliber: { caught: 1, waived: 0 } }),
  fc.constant({ caliber: { caught: -1, waived: 0 } }),
  fc.constant({ caliber: [] }),
);
const FIELDS = ['documentId', 'revision', 'accountId', 'channel', 'publishedAt', 'withdrawnAt', 'urgent', 'retrospectivePending', 'original', 'findingsByCategory', 'correctionOf', 'deliveryState'] as const;

const base = {
  documentId: 'd',
  revision: 1,
  accountId: 'a',
  channel: 'wechat',
  publishedAt: '2024-06-01T10:00:00+08:00',
  urgent: false,
  retrospectivePending: false,
  original: true,
  findingsByCategory: {},
};

describe('precheckRecord', () => {
  it('accepts exactly what publicationRecordSchema accepts, on records with fields mutated at random', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...FIELDS), anyValue), { maxLength: 4 }), (mutations) => {
        const r: Record<string, unknown> = { ...base };
        for (const [k, v] of mutations) r[k] = v;
        expect(precheckRecord(r)).toBe(publicationRecordSchema.safeParse(r).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses non-objects', () => {
    for (const v of [null, undefined, 1, 'x', [base]]) expect(precheckRecord(v)).toBe(false);
  });
});
