import * as z from 'zod';
import type { PublicationRecord } from './types';

// The very pattern zod's `z.iso.datetime({ offset: true })` tests with.
const INSTANT = z.regexes.datetime({ offset: true });
const DELIVERY = new Set(['pending', 'sending', 'delivered', 'failed', 'dead']);

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const count = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const plainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * True only if `r` passes `publicationRecordSchema` — checked by hand, several times faster
 * than zod and without copying. `inspect` and `cadenceAlerts` run it over the records first
 * and fall back to the zod schema (for its issues and paths) only when a record fails it, so
 * the boundary still reports every problem with its path. test/inspection/record-precheck.test.ts
 * checks it never accepts what the schema refuses.
 */
export function precheckRecord(r: unknown): r is PublicationRecord {
  if (!plainObject(r)) return false;
  if (!nonEmpty(r.documentId) || !count(r.revision) || !nonEmpty(r.accountId) || !nonEmpty(r.channel)) return false;
  if (typeof r.publishedAt !== 'string' || !INSTANT.test(r.publishedAt)) return false;
  if (r.withdrawnAt !== undefined && (typeof r.withdrawnAt !== 'string' || !INSTANT.test(r.withdrawnAt))) return false;
  if (typeof r.urgent !== 'boolean' || typeof r.retrospectivePending !== 'boolean') return false;
  const o = r.original;
  if (typeof o !== 'boolean' && !(typeof o === 'number' && o >= 0 && o <= 1)) return false;
  const f = r.findingsByCategory;
  if (!plainObject(f)) return false;
  for (const key of Object.keys(f)) {
    const c = f[key];
    if (!plainObject(c) || !count(c.caught) || !count(c.waived)) return false;
  }
  if (r.correctionOf !== undefined && !nonEmpty(r.correctionOf)) return false;
  if (r.deliveryState !== undefined && !(typeof r.deliveryState === 'string' && DELIVERY.has(r.deliveryState))) return false;
  return true;
}

/** True when every element of `records` passes {@link precheckRecord} (and it is an array). */
export function precheckRecords(records: unknown): records is readonly PublicationRecord[] {
  if (!Array.isArray(records)) return false;
  for (const r of records) if (!precheckRecord(r)) return false;
  return true;
}
