import * as z from 'zod';
import { OfficeClock } from './office-clock';
import type { PublicationRecord } from './types';
import { localeSchema } from '../text/index';

const instant = z.iso.datetime({ offset: true });
const id = z.string().min(1);

/** Schema of {@link PublicationRecord}. */
export const publicationRecordSchema = z.object({
  documentId: id,
  revision: z.number().int().nonnegative(),
  accountId: id,
  channel: z.string().min(1),
  publishedAt: instant,
  withdrawnAt: instant.optional(),
  urgent: z.boolean(),
  retrospectivePending: z.boolean(),
  original: z.union([z.boolean(), z.number().min(0).max(1)]),
  // A catch-all object rather than z.record: same checks and paths, several times faster on
  // 100,000 records (measured in bench/inspection.bench.ts's run, zod 4).
  findingsByCategory: z.object({}).catchall(z.object({ caught: z.number().int().nonnegative(), waived: z.number().int().nonnegative() })),
  correctionOf: id.optional(),
  deliveryState: z.enum(['pending', 'sending', 'delivered', 'failed', 'dead']).optional(),
});

/** Schema of {@link Cadence}. */
export const cadenceSchema = z.strictObject({
  maxGapDays: z.number().int().min(1).max(366).optional(),
  perWeek: z.number().positive().max(1000).optional(),
  everyDays: z.number().int().min(1).max(366).optional(),
});

/** Schema of {@link InspectionAccount}. */
export const inspectionAccountSchema = z.object({
  id,
  name: z.string().min(1),
  channel: z.string().min(1),
  cadence: cadenceSchema.optional(),
});

/** Schema of {@link InboundMessage}. */
export const inboundMessageSchema = z.object({
  id,
  accountId: id,
  receivedAt: instant,
  repliedAt: instant.optional(),
  dueAt: instant,
});

/** An IANA time zone the runtime knows. */
export const timeZoneSchema = z.string().refine(OfficeClock.isValidZone, 'unknown time zone');

const uniqueAccounts = (accounts: { id: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  accounts.forEach((a, i) => {
    if (seen.has(a.id)) ctx.addIssue({ code: 'custom', message: `duplicate account id "${a.id}"`, path: [i, 'id'] });
    seen.add(a.id);
  });
};

/** `records` already checked by `precheckRecords`: passed through untouched. */
export const prechecked = z.custom<readonly PublicationRecord[]>(() => true);

function inspectInput<R extends z.ZodType>(records: R) {
  return z
    .strictObject({
      records,
      accounts: z.array(inspectionAccountSchema).superRefine(uniqueAccounts),
      messages: z.array(inboundMessageSchema).optional(),
      from: instant,
      to: instant,
      now: instant,
      timeZone: timeZoneSchema.optional(),
      holidays: z.array(z.iso.date()).optional(),
      warnWithinDays: z.number().int().min(0).max(366).optional(),
      locale: localeSchema.optional(),
    })
    .refine((o) => Date.parse(o.from) <= Date.parse(o.to), { message: 'from must not be after to', path: ['to'] });
}

/** The whole input of `inspect`, records included. */
export const inspectInputSchema = inspectInput(z.array(publicationRecordSchema));
/** The input of `inspect` when the records passed `precheckRecords`. */
export const inspectInputPrecheckedSchema = inspectInput(prechecked);

function cadenceAlertsInput<R extends z.ZodType>(records: R) {
  return z.strictObject({
    records,
    accounts: z.array(inspectionAccountSchema).superRefine(uniqueAccounts),
    now: instant,
    warnAfterDays: z.number().int().min(0).max(366),
    timeZone: timeZoneSchema.optional(),
    locale: localeSchema.optional(),
  });
}

/** The whole input of `cadenceAlerts`. */
export const cadenceAlertsInputSchema = cadenceAlertsInput(z.array(publicationRecordSchema));
/** The input of `cadenceAlerts` when the records passed `precheckRecords`. */
export const cadenceAlertsInputPrecheckedSchema = cadenceAlertsInput(prechecked);
