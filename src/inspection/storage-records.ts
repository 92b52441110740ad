import * as z from 'zod';
import type { AuditEvent, GovDocument } from '../document/index';
import { parseOrThrow } from '../errors/index';
import type { PublicationFacts, StorageAdapter } from '../storage/index';
import { deliveryStates } from './delivery-states';
import { factsFromDocumentAlone, factsOfDocument } from '../storage/index';
import { recordsFromFacts, type DeliveryStateOf } from './records-from-facts';
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
 * The {@link PublicationRecord}s `inspect` takes, computed from what storage holds, one per
 * published revision and account. Each published document is read as `PublicationFacts`:
 * from the adapter's `publicationFacts` when it offers it (PostgreSQL: SQL over generated
 * columns, no document or event JSON read), else by paging through `listDocuments` and
 * reading the audit events of the documents whose stored version does not say it all
 * ({@link recordsFromDocumentAlone}). The two give the same records.
 *
 * Where each field comes from:
 * - `revision`, `publishedAt`, `urgent`, the channels: each `published` event (`data.urgent`,
 *   `data.outputs`), so revisions since superseded are counted too;
 * - `withdrawnAt`: the `withdrawn` event naming that revision;
 * - `retrospectivePending`: the document's open `retrospectiveReview` (the live revision only);
 * - `original`: the duplicate gate's judgement kept in the `published` event
 *   (`data.originality`); for events from before it was kept, `false` when the document
 *   declares `repostOf` or its findings on that revision include `duplicates/near-duplicate`;
 * - `findingsByCategory`: the findings kept from the publish-time gate run (live revision;
 *   waived ones carry `details.waived`), or the `waived` events for revisions since replaced
 *   (their other findings are not kept by storage);
 * - `correctionOf`: the document's own id for every revision published after its first;
 * - `deliveryState`: the storage's delivery ledger (`storage.deliveries`), when it has one.
 *
 * @example
 * ```ts
 * for await (const r of publicationRecords(storage, { to: new Date().toISOString() })) rows.push(r);
 * ```
 */
export async function* publicationRecords(storage: StorageAdapter, options: PublicationRecordsOptions): AsyncGenerator<PublicationRecord> {
  parseOrThrow(storageSchema, storage, 'storage');
  const opts = parseOrThrow(publicationRecordsOptionsSchema, options, 'publicationRecords options') as PublicationRecordsOptions;
  for await (const page of scanRecords(storage, opts)) yield* page;
}

/**
 * {@link publicationRecords} without validation, a page at a time (one await per page, not
 * per record); `targets` hears every channel a stored document targets.
 */
async function* scanRecords(storage: StorageAdapter, opts: PublicationRecordsOptions, targets?: Set<string>): AsyncGenerator<PublicationRecord[]> {
  const fromMs = opts.from === undefined ? -Infinity : Date.parse(opts.from);
  const toMs = Date.parse(opts.to);
  const byChannel = accountsByChannel(opts.accounts);
  const delivery = await deliveryStates(storage);
  const inWindow = (r: PublicationRecord) => {
    const at = Date.parse(r.publishedAt);
    return at >= fromMs && at <= toMs;
  };
  const facts = storage.publicationFacts && storage.documentChannels ? factsFromAdapter(storage, targets) : factsFromDocuments(storage, opts.pageSize ?? 500, targets);
  for await (const page of facts) {
    const records: PublicationRecord[] = [];
    for (const f of page) for (const r of recordsFromFacts(f, byChannel, delivery)) if (inWindow(r)) records.push(r);
    yield records;
  }
}

/**
 * The facts of every published document from an adapter that computes them itself
 * (`publicationFacts`, e.g. PostgreSQL from generated columns): a few pages, no events read.
 */
async function* factsFromAdapter(storage: StorageAdapter, targets?: Set<string>): AsyncGenerator<PublicationFacts[]> {
  if (targets) for (const c of await storage.documentChannels!()) targets.add(c);
  let cursor: string | undefined;
  do {
    const page = await storage.publicationFacts!(cursor === undefined ? {} : { cursor });
    yield page.items;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}

/**
 * The same facts through the base contract: pages through `listDocuments` and reads the
 * audit events only of the published documents whose stored version does not say it all
 * ({@link factsFromDocumentAlone}), a few documents at a time.
 */
async function* factsFromDocuments(storage: StorageAdapter, pageSize: number, targets?: Set<string>): AsyncGenerator<PublicationFacts[]> {
  let cursor: string | undefined;
  do {
    const page = await storage.listDocuments({ limit: pageSize, ...(cursor === undefined ? {} : { cursor }) });
    if (targets) for (const d of page.items) for (const c of d.channels) targets.add(c);
    // A document never published has no `published` event (revise needs a publication first).
    const published = page.items.filter((d) => d.published !== null);
    const alone = published.map((d) => factsFromDocumentAlone(d));
    const needEvents = published.filter((_, i) => alone[i] === null);
    const trails = new Map<string, AuditEvent[]>();
    for (let i = 0; i < needEvents.length; i += EVENT_READS_IN_FLIGHT) {
      const batch = needEvents.slice(i, i + EVENT_READS_IN_FLIGHT);
      const read = await Promise.all(batch.map((d) => storage.getEvents(d.id)));
      batch.forEach((d, j) => trails.set(d.id, read[j]!));
    }
    // In storage order (createdAt, id), whichever way each document's facts were found.
    const facts: PublicationFacts[] = [];
    for (let i = 0; i < published.length; i++) {
      const f = alone[i] ?? factsOfDocument(published[i]!, trails.get(published[i]!.id)!);
      if (f) facts.push(f);
    }
    yield facts;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}

/**
 * The facts of every published document, in (`createdAt`, `id`) order, read the way
 * {@link publicationRecords} reads them: the adapter's `publicationFacts` when it has one,
 * else `listDocuments` and `getEvents`. Set `through: 'documents'` to force the second (the
 * two must agree; tests and benchmarks compare them).
 */
export async function* storedPublicationFacts(storage: StorageAdapter, options: { through?: 'adapter' | 'documents'; pageSize?: number } = {}): AsyncGenerator<PublicationFacts> {
  parseOrThrow(storageSchema, storage, 'storage');
  const o = parseOrThrow(storedFactsOptionsSchema, options, 'storedPublicationFacts options');
  const useAdapter = o.through !== 'documents' && storage.publicationFacts !== undefined && storage.documentChannels !== undefined;
  for await (const page of useAdapter ? factsFromAdapter(storage) : factsFromDocuments(storage, o.pageSize ?? 500)) yield* page;
}

const storedFactsOptionsSchema = z.strictObject({
  through: z.enum(['adapter', 'documents']).optional(),
  pageSize: z.number().int().min(1).max(500).optional(),
});

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
  for await (const page of scanRecords(storage, opts, channels)) {
    for (const r of page) {
      records.push(r);
      channels.add(r.channel);
    }
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
 * The records of a document whose stored version alone says everything its events would
 * (see {@link factsFromDocumentAlone}), or `null`: its events must be read.
 */
export function recordsFromDocumentAlone(doc: GovDocument, accountsOf: (channel: string) => readonly string[], deliveryStateOf?: DeliveryStateOf): PublicationRecord[] | null {
  const facts = factsFromDocumentAlone(doc);
  return facts === null ? null : recordsFromFacts(facts, accountsOf, deliveryStateOf);
}

/** The records of one document, from its stored version and its audit trail (none for a document never published). */
export function recordsOfDocument(doc: GovDocument, events: readonly AuditEvent[], accountsOf: (channel: string) => readonly string[], deliveryStateOf?: DeliveryStateOf): PublicationRecord[] {
  const facts = factsOfDocument(doc, events);
  return facts === null ? [] : recordsFromFacts(facts, accountsOf, deliveryStateOf);
}

export { findingCategory } from './records-from-facts';
