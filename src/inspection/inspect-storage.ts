import * as z from 'zod';
import { parseOrThrow } from '../errors/index';
import type { StorageAdapter } from '../storage/index';
import { cadenceAlerts, type CadenceAlert } from './cadence-alerts';
import { inspect } from './inspect';
import type { InspectionLocale } from './messages';
import { cadenceSchema, inboundMessageSchema, inspectionAccountSchema, timeZoneSchema } from './schemas';
import { defaultAccounts, scanStorage, storageSchema } from './storage-records';
import type { Cadence, InboundMessage, InspectionAccount, InspectionResult } from './types';
import { localeSchema } from '../text/index';

/** Options of {@link inspectStorage}. */
export interface InspectStorageOptions {
  /** The inspection window, ISO 8601 with offset, both inclusive. */
  from: string;
  to: string;
  /** The moment of the inspection. */
  now: string;
  /** The accounts to inspect; default one per channel the stored documents were published to. */
  accounts?: readonly InspectionAccount[];
  /** Cadence of the default accounts (ignored when `accounts` is given). */
  cadence?: Cadence;
  messages?: readonly InboundMessage[];
  timeZone?: string;
  holidays?: readonly string[];
  warnWithinDays?: number;
  locale?: InspectionLocale;
}

/** Options of {@link cadenceAlertsFromStorage}. */
export interface CadenceAlertsFromStorageOptions {
  now: string;
  warnAfterDays: number;
  accounts?: readonly InspectionAccount[];
  cadence?: Cadence;
  timeZone?: string;
  locale?: InspectionLocale;
}

const instant = z.iso.datetime({ offset: true });

const inspectStorageOptionsSchema = z.strictObject({
  from: instant,
  to: instant,
  now: instant,
  accounts: z.array(inspectionAccountSchema).optional(),
  cadence: cadenceSchema.optional(),
  messages: z.array(inboundMessageSchema).optional(),
  timeZone: timeZoneSchema.optional(),
  holidays: z.array(z.iso.date()).optional(),
  warnWithinDays: z.number().int().min(0).max(366).optional(),
  locale: localeSchema.optional(),
});

const alertsOptionsSchema = z.strictObject({
  now: instant,
  warnAfterDays: z.number().int().min(0).max(366),
  accounts: z.array(inspectionAccountSchema).optional(),
  cadence: cadenceSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  locale: localeSchema.optional(),
});

/**
 * {@link inspect} over what storage holds: the publication records from
 * {@link publicationRecords} (every publication up to the later of `to` and `now`, since the
 * silence before the window and up to now both count), then `inspect`. Pass the same adapter
 * the host gives `createPublisher`; nothing is stored by this call.
 *
 * @example
 * ```ts
 * const storage = postgresAdapter({ client });
 * const publisher = createPublisher({ storage });
 * const result = await inspectStorage(storage, { from: '2025-01-01T00:00:00+08:00', to: '2025-12-31T23:59:59+08:00', now: new Date().toISOString() });
 * ```
 */
export async function inspectStorage(storage: StorageAdapter, options: InspectStorageOptions): Promise<InspectionResult> {
  parseOrThrow(storageSchema, storage, 'storage');
  const o = parseOrThrow(inspectStorageOptionsSchema, options, 'inspectStorage options') as InspectStorageOptions;
  const until = Date.parse(o.to) >= Date.parse(o.now) ? o.to : o.now;
  const { records, channels } = await scanStorage(storage, { to: until, ...(o.accounts ? { accounts: o.accounts } : {}) });
  return inspect({
    records,
    accounts: o.accounts ?? defaultAccounts(channels, o.cadence),
    from: o.from,
    to: o.to,
    now: o.now,
    ...(o.messages ? { messages: o.messages } : {}),
    ...(o.timeZone ? { timeZone: o.timeZone } : {}),
    ...(o.holidays ? { holidays: o.holidays } : {}),
    ...(o.warnWithinDays !== undefined ? { warnWithinDays: o.warnWithinDays } : {}),
    ...(o.locale ? { locale: o.locale } : {}),
  });
}

/**
 * {@link cadenceAlerts} over what storage holds, for the host's daily timer: accounts silent
 * for at least `warnAfterDays`, with the date they would fail.
 *
 * @example
 * ```ts
 * for (const a of await cadenceAlertsFromStorage(storage, { now: new Date().toISOString(), warnAfterDays: 10 })) notify(a.accountId, a.message);
 * ```
 */
export async function cadenceAlertsFromStorage(storage: StorageAdapter, options: CadenceAlertsFromStorageOptions): Promise<CadenceAlert[]> {
  parseOrThrow(storageSchema, storage, 'storage');
  const o = parseOrThrow(alertsOptionsSchema, options, 'cadenceAlertsFromStorage options') as CadenceAlertsFromStorageOptions;
  const { records, channels } = await scanStorage(storage, { to: o.now, ...(o.accounts ? { accounts: o.accounts } : {}) });
  return cadenceAlerts({
    records,
    accounts: o.accounts ?? defaultAccounts(channels, o.cadence),
    now: o.now,
    warnAfterDays: o.warnAfterDays,
    ...(o.timeZone ? { timeZone: o.timeZone } : {}),
    ...(o.locale ? { locale: o.locale } : {}),
  });
}
