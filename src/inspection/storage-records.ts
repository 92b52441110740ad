import * as z from 'zod';
import type { AuditEvent, GovDocument } from '../document/index';
import { parseOrThrow } from '../errors/index';
import type { Finding } from '../findings/index';
import type { StorageAdapter } from '../storage/index';
import { cadenceSchema, inspectionAccountSchema } from './schemas';
import type { Cadence, InspectionAccount, PublicationRecord } from './types';

/** Chinese names of the built-in channels, for the default one-account-per-channel list (until named accounts land). */
export const CHANNEL_ACCOUNT_NAMES: Readonly<Record<string, string>> = Object.freeze({
  wechat: '微信公众号',
  weibo: '微博',
  website: '门户网站',
  push: '客户端推送',
  sms: '短信',
  rss: 'RSS/Atom 订阅',
});

/** Options of {@link publicationRecords}. */
export interface PublicationRecordsOptions {
  /**
   * Only publications at or after this instant (ISO with offset). Leave it out for
   * inspection: the silence running into a window starts at the last update before it.
   */
  from?: string;
  /** Only publications at or before this instant (ISO with offset). */
  to: string;
  /**
   * The accounts publications are attributed to, by channel: one record per account whose
   * `channel` a publication went to. Default: one account per channel, its id the channel id.
   */
  accounts?: readonly InspectionAccount[];
  /** Documents per `listDocuments` page, 1–500; default 500 (fewer round trips). */
  pageSize?: number;
}

/** A `StorageAdapter` as far as reading goes. */
export const storageSchema = z.custom<StorageAdapter>(
  (s) =>
    typeof s === 'object' &&
    s !== null &&
    ['listDocuments', 'getEvents', 'getDocument'].every((m) => typeof (s as Record<string, unknown>)[m] === 'function'),
  'expected a storage adapter (listDocuments, getEvents, getDocument)',
);

const instant = z.iso.datetime({ offset: true });

export const publicationRecordsOptionsSchema = z.strictObject({
  from: instant.optional(),
  to: instant,
  accounts: z.array(inspectionAccountSchema).optional(),
  pageSize: z.number().int().min(1).max(500).optional(),
});

/** How many documents' events are read at once: enough to hide a database round trip, few enough for a small pool. */
const EVENT_READS_IN_FLIGHT = 8;

/**
 * The {@link PublicationRecord}s `inspect` takes, computed from what storage holds: pages
 * through `listDocuments` and reads the audit events of the published documents whose
 * stored version does not say it all ({@link recordsFromDocumentAlone}), yielding one record
 * per published revision and account.
 *
 * Where each field comes from:
 * - `revision`, `publishedAt`, `urgent`, the channels: each `published` event (`data.urgent`,
 *   `data.outputs`), so revisions since superseded are counted too;
 * - `withdrawnAt`: the `withdrawn` event naming that revision;
 * - `retrospectivePending`: the document's open `retrospectiveReview` (the live revision only);
 * - `original`: `false` when the document declares `repostOf` or the duplicate gate's findings
 *   on that revision include `duplicates/near-duplicate`;
 * - `findingsByCategory`: the findings kept from the publish-time gate run (live revision;
 *   waived ones carry `details.waived`), or the `waived` events for revisions since replaced
 *   (their other findings are not kept by storage);
 * - `correctionOf`: the document's own id for every revision published after its first.
 *
 * `deliveryState` is left out until the delivery ledger exists.
 *
 * @example
 * ```ts
 * for await (const r of publicationRecords(storage, { to: new Date().toISOString() })) rows.push(r);
 * ```
 */
export async function* publicationRecords(storage: StorageAdapter, options: PublicationRecordsOptions): AsyncGenerator<PublicationRecord> {
  parseOrThrow(storageSchema, storage, 'storage');
  const opts = parseOrThrow(publicationRecordsOptionsSchema, options, 'publicationRecords options') as PublicationRecordsOptions;
  yield* scanRecords(storage, opts);
}

/** {@link publicationRecords} without validation; `targets` hears every channel a stored document targets. */
async function* scanRecords(storage: StorageAdapter, opts: PublicationRecordsOptions, targets?: Set<string>): AsyncGenerator<PublicationRecord> {
  const fromMs = opts.from === undefined ? -Infinity : Date.parse(opts.from);
  const toMs = Date.parse(opts.to);
  const byChannel = accountsByChannel(opts.accounts);
  let cursor: string | undefined;
  do {
    const page = await storage.listDocuments({ limit: opts.pageSize ?? 500, ...(cursor === undefined ? {} : { cursor }) });
    if (targets) for (const d of page.items) for (const c of d.channels) targets.add(c);
    // A document never published has no `published` event (revise needs a publication first).
    const published = page.items.filter((d) => d.published !== null);
    const inWindow = (r: PublicationRecord) => {
      const at = Date.parse(r.publishedAt);
      return at >= fromMs && at <= toMs;
    };
    const fromDocument = published.map((d) => recordsFromDocumentAlone(d, byChannel));
    const needEvents = published.filter((_, i) => fromDocument[i] === null);
    const trails = new Map<string, AuditEvent[]>();
    for (let i = 0; i < needEvents.length; i += EVENT_READS_IN_FLIGHT) {
      const batch = needEvents.slice(i, i + EVENT_READS_IN_FLIGHT);
      const read = await Promise.all(batch.map((d) => storage.getEvents(d.id)));
      batch.forEach((d, j) => trails.set(d.id, read[j]!));
    }
    // In storage order (createdAt, id), whichever way each document's records were found.
    for (let i = 0; i < published.length; i++) {
      const doc = published[i]!;
      yield* (fromDocument[i] ?? recordsOfDocument(doc, trails.get(doc.id)!, byChannel)).filter(inWindow);
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}

/** All of {@link publicationRecords} in an array. */
export async function collectPublicationRecords(storage: StorageAdapter, options: PublicationRecordsOptions): Promise<PublicationRecord[]> {
  const out: PublicationRecord[] = [];
  for await (const r of publicationRecords(storage, options)) out.push(r);
  return out;
}

/**
 * The records and every channel a stored document targets (published or not), for the
 * default accounts: an account nothing was ever published to still gets inspected.
 */
export async function scanStorage(storage: StorageAdapter, options: PublicationRecordsOptions): Promise<{ records: PublicationRecord[]; channels: Set<string> }> {
  parseOrThrow(storageSchema, storage, 'storage');
  const opts = parseOrThrow(publicationRecordsOptionsSchema, options, 'publicationRecords options') as PublicationRecordsOptions;
  const channels = new Set<string>();
  const records: PublicationRecord[] = [];
  for await (const r of scanRecords(storage, opts, channels)) {
    records.push(r);
    channels.add(r.channel);
  }
  return { records, channels };
}

/**
 * One account per channel (`{ id: channel, name, channel }`), the stand-in until named
 * accounts exist: the name is the channel's Chinese name for built-in channels, else its id.
 */
export function defaultAccounts(channels: Iterable<string>, cadence?: Cadence): InspectionAccount[] {
  const checked = cadence === undefined ? undefined : parseOrThrow(cadenceSchema, cadence, 'cadence');
  return [...new Set(channels)].sort().map((channel) => ({
    id: channel,
    name: CHANNEL_ACCOUNT_NAMES[channel] ?? channel,
    channel,
    ...(checked === undefined ? {} : { cadence: checked as Cadence }),
  }));
}

function accountsByChannel(accounts: readonly InspectionAccount[] | undefined): ((channel: string) => readonly string[]) {
  if (accounts === undefined) return (channel) => [channel];
  const map = new Map<string, string[]>();
  for (const a of accounts) {
    const list = map.get(a.channel) ?? [];
    list.push(a.id);
    map.set(a.channel, list);
  }
  return (channel) => map.get(channel) ?? [];
}

/**
 * The records of a document whose stored version alone says everything its events would:
 * never revised (revision 1, so exactly one publication, at `published.publishedAt`, the
 * `published` event's own instant), still published, and either urgent with its review open
 * (`retrospectiveReview`) or plainly not urgent — every signature older than the publication,
 * since an urgent publication always owes at least one step and signing it after the fact
 * adds a later signature. Anything else (revised, withdrawn, a signature at or after the
 * publication) returns `null`: its events are read. This keeps the common case to one
 * `listDocuments` page read, where reading every trail costs a round trip per document.
 */
export function recordsFromDocumentAlone(doc: GovDocument, accountsOf: (channel: string) => readonly string[]): PublicationRecord[] | null {
  const p = doc.published;
  if (p === null || doc.revision !== 1 || p.revision !== 1 || doc.state !== 'published' || p.withdrawn !== null) return null;
  const publishedMs = Date.parse(p.publishedAt);
  const pending = doc.retrospectiveReview !== null;
  if (!pending && doc.signatures.some((s) => !(Date.parse(s.at) < publishedMs))) return null;
  const trail = [{ type: 'published', revision: 1, at: p.publishedAt, data: { urgent: pending, outputs: p.outputs } }] as unknown as AuditEvent[];
  return recordsOfDocument(doc, trail, accountsOf);
}

interface Publication {
  revision: number;
  at: string;
  urgent: boolean;
  channels: string[];
}

/** The records of one document, from its stored version and its audit trail. */
export function recordsOfDocument(doc: GovDocument, events: readonly AuditEvent[], accountsOf: (channel: string) => readonly string[]): PublicationRecord[] {
  const publications: Publication[] = [];
  const withdrawals: { revision: number; at: string }[] = [];
  const waivedByRevision = new Map<number, string[]>();
  for (const e of events) {
    if (e.type === 'published') {
      publications.push({ revision: e.revision, at: e.at, urgent: e.data.urgent === true, channels: outputChannels(e.data.outputs) });
    } else if (e.type === 'withdrawn') {
      const revision = typeof e.data.revision === 'number' ? e.data.revision : e.revision;
      withdrawals.push({ revision, at: e.at });
    } else if (e.type === 'waived' && typeof e.data.ruleId === 'string') {
      const list = waivedByRevision.get(e.revision) ?? [];
      list.push(e.data.ruleId);
      waivedByRevision.set(e.revision, list);
    }
  }
  // Storage written before events carried outputs, or by hand: fall back to the snapshot.
  const live = doc.published;
  const firstRevision = publications.reduce((m, p) => Math.min(m, p.revision), Infinity);
  const records: PublicationRecord[] = [];
  publications.forEach((p, i) => {
    const isLive = live !== null && p.revision === live.revision && !publications.slice(i + 1).some((q) => q.revision === p.revision);
    // The findings on the document belong to its current revision; they are the publish-time
    // ones only while that revision is the one published.
    const findings = isLive && doc.revision === live.revision ? doc.findings : null;
    const withdrawn = withdrawals.find((w) => w.revision === p.revision && w.at >= p.at);
    const channels = p.channels.length ? p.channels : isLive ? live.outputs.map((o) => o.channel) : doc.channels;
    const original = !(declaresRepost(doc) || (findings ?? []).some((f) => f.ruleId === 'duplicates/near-duplicate'));
    const findingsByCategory = findings ? countFindings(findings) : countWaived(waivedByRevision.get(p.revision) ?? []);
    for (const channel of new Set(channels)) {
      for (const accountId of accountsOf(channel)) {
        const r: PublicationRecord = {
          documentId: doc.id,
          revision: p.revision,
          accountId,
          channel,
          publishedAt: p.at,
          urgent: p.urgent,
          retrospectivePending: p.urgent && isLive && doc.retrospectiveReview !== null,
          original,
          findingsByCategory,
        };
        if (withdrawn) r.withdrawnAt = withdrawn.at;
        if (p.revision > firstRevision) r.correctionOf = doc.id;
        records.push(r);
      }
    }
  });
  return records;
}

function declaresRepost(doc: GovDocument): boolean {
  return doc.repostOf !== undefined && doc.repostOf !== '';
}

function outputChannels(outputs: unknown): string[] {
  if (!Array.isArray(outputs)) return [];
  return outputs.flatMap((o) => (typeof o === 'object' && o !== null && typeof (o as { channel?: unknown }).channel === 'string' ? [(o as { channel: string }).channel] : []));
}

/**
 * The checker a finding comes from, by its rule id: `confidentiality/…`, `duplicates/…` and
 * `channel/…` name theirs; every other prefix is a caliber rule set's id.
 */
export function findingCategory(ruleId: string): string {
  const prefix = ruleId.split('/', 1)[0] ?? '';
  return prefix === 'confidentiality' || prefix === 'duplicates' || prefix === 'channel' ? prefix : 'caliber';
}

function countFindings(findings: readonly Finding[]): Record<string, { caught: number; waived: number }> {
  const out: Record<string, { caught: number; waived: number }> = {};
  for (const f of findings) {
    const c = (out[findingCategory(f.ruleId)] ??= { caught: 0, waived: 0 });
    c.caught++;
    if (f.details !== undefined && f.details.waived !== undefined) c.waived++;
  }
  return out;
}

function countWaived(ruleIds: readonly string[]): Record<string, { caught: number; waived: number }> {
  const out: Record<string, { caught: number; waived: number }> = {};
  for (const id of ruleIds) {
    const c = (out[findingCategory(id)] ??= { caught: 0, waived: 0 });
    c.caught++;
    c.waived++;
  }
  return out;
}
