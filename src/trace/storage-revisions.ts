import * as z from 'zod';
import { type AuditEvent, type GovDocument } from '../document/index';
import { localeSchema } from '../text/index';
import type { DuplicateIndex } from '../duplicates/index';
import { parseOrThrow } from '../errors/index';
import type { StorageAdapter } from '../storage/index';
import { indexRevisions } from './index-revisions';
import type { RevisionLookup } from './schemas';
import { trace } from './trace';
import type { TraceLocale } from './messages';
import type { PublishedRevision, TraceResult } from './types';

/** Options of {@link traceInStorage}. */
export interface TraceInStorageOptions {
  /**
   * A duplicate index the host keeps over published revisions (ids as
   * {@link storedRevisionId} makes them, unless `revisions` resolves its own). Default: one
   * built from storage for this call.
   */
  index?: DuplicateIndex<unknown>;
  /** Resolves the index's ids; default: read the document from storage ({@link revisionFromStorage}). */
  revisions?: RevisionLookup;
  /** Candidates to compare, 1–50; default 5. */
  candidates?: number;
  locale?: TraceLocale;
  /** Documents per `listDocuments` page when building the index, 1–500; default 500. */
  pageSize?: number;
}

const storageSchema = z.custom<StorageAdapter>(
  (s) => typeof s === 'object' && s !== null && ['listDocuments', 'getDocument', 'getEvents'].every((m) => typeof (s as Record<string, unknown>)[m] === 'function'),
  'expected a storage adapter (listDocuments, getDocument, getEvents)',
);

/** How many documents' events are read at once while listing revisions. */
const EVENT_READS_IN_FLIGHT = 8;

const optionsSchema = z
  .strictObject({
    index: z.custom<DuplicateIndex<unknown>>((v) => typeof v === 'object' && v !== null && typeof (v as DuplicateIndex).query === 'function', 'expected a duplicate index (createDuplicateIndex)').optional(),
    revisions: z.custom<RevisionLookup>((v) => v instanceof Map || typeof v === 'function', 'expected a Map or a function from id to revision').optional(),
    candidates: z.number().int().min(1).max(50).optional(),
    locale: localeSchema.optional(),
    pageSize: z.number().int().min(1).max(500).optional(),
  })
  .refine((o) => o.revisions === undefined || o.index !== undefined, { message: 'revisions is only used with a prebuilt index', path: ['revisions'] });

/** The id a stored revision is indexed under: `<documentId>@<revision>`. */
export function storedRevisionId(documentId: string, revision: number): string {
  return `${documentId}@${revision}`;
}

/**
 * The published revision a stored document's snapshot holds, as trace takes it: live or
 * withdrawn (`withdrawn: true`). `null` for a document never published. The revisions it
 * replaced are in the `published` events ({@link revisionsOfDocument}).
 */
export function storedRevision(doc: GovDocument): PublishedRevision | null {
  const p = doc.published;
  if (p === null) return null;
  return {
    id: storedRevisionId(doc.id, p.revision),
    documentId: doc.id,
    revision: p.revision,
    title: p.title,
    body: p.body,
    publishedAt: p.publishedAt,
    withdrawn: p.withdrawn !== null,
    superseded: false,
  };
}

/**
 * Every published revision of a document: the snapshot's ({@link storedRevision}) and each
 * earlier one whose text its `published` event keeps (the publisher writes `data.text` since
 * revisions are kept; older events hold only content hashes and are skipped), marked
 * `superseded`, and `withdrawn` when a `withdrawn` event names that revision. Oldest first.
 */
export function revisionsOfDocument(doc: GovDocument, events: readonly AuditEvent[]): PublishedRevision[] {
  const live = storedRevision(doc);
  if (live === null) return [];
  const withdrawnRevisions = new Set<number>();
  const earlier = new Map<number, PublishedRevision>();
  for (const e of events) {
    const data = (e.data ?? {}) as Record<string, unknown>;
    if (e.type === 'withdrawn') withdrawnRevisions.add(typeof data.revision === 'number' ? data.revision : e.revision);
    if (e.type !== 'published' || e.revision === live.revision) continue;
    const text = data.text as { title?: unknown; body?: unknown } | undefined;
    if (typeof text !== 'object' || text === null || typeof text.title !== 'string' || typeof text.body !== 'string') continue;
    // A revision published twice keeps its last publication.
    earlier.set(e.revision, {
      id: storedRevisionId(doc.id, e.revision),
      documentId: doc.id,
      revision: e.revision,
      title: text.title,
      body: text.body,
      publishedAt: e.at,
      withdrawn: false,
      superseded: true,
    });
  }
  const out = [...earlier.values()].sort((a, b) => a.revision - b.revision).map((r) => ({ ...r, withdrawn: withdrawnRevisions.has(r.revision) }));
  return [...out, live];
}

/**
 * Every published revision storage holds — live, withdrawn and superseded ones — paging
 * through `listDocuments`, for hosts that build and keep their own index. The events are read
 * only of documents revised since their first revision (the only ones with earlier texts).
 *
 * @example
 * ```ts
 * const index = createDuplicateIndex();
 * for await (const r of storedRevisions(storage)) index.add(r.id, `${r.title}\n\n${r.body}`);
 * ```
 */
export async function* storedRevisions(storage: StorageAdapter, options: { pageSize?: number } = {}): AsyncGenerator<PublishedRevision> {
  parseOrThrow(storageSchema, storage, 'storage');
  const { pageSize } = parseOrThrow(z.strictObject({ pageSize: z.number().int().min(1).max(500).optional() }), options, 'storedRevisions options');
  let cursor: string | undefined;
  do {
    const page = await storage.listDocuments({ limit: pageSize ?? 500, ...(cursor === undefined ? {} : { cursor }) });
    const published = page.items.filter((d) => d.published !== null);
    const revised = published.filter((d) => d.revision > 1);
    const trails = new Map<string, AuditEvent[]>();
    for (let i = 0; i < revised.length; i += EVENT_READS_IN_FLIGHT) {
      const batch = revised.slice(i, i + EVENT_READS_IN_FLIGHT);
      const read = await Promise.all(batch.map((d) => storage.getEvents(d.id)));
      batch.forEach((d, j) => trails.set(d.id, read[j]!));
    }
    for (const doc of published) yield* revisionsOfDocument(doc, trails.get(doc.id) ?? []);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}

/**
 * A lookup for {@link trace} that reads `<documentId>@<revision>` ids back from storage: the
 * document's snapshot if it is that revision, else the text its `published` event kept.
 */
export function revisionFromStorage(storage: StorageAdapter): (id: string) => Promise<PublishedRevision | null> {
  parseOrThrow(storageSchema, storage, 'storage');
  return async (id) => {
    const at = id.lastIndexOf('@');
    if (at <= 0) return null;
    const doc = await storage.getDocument(id.slice(0, at));
    const live = doc ? storedRevision(doc) : null;
    if (doc === null || live === null) return null;
    if (live.id === id) return live;
    return revisionsOfDocument(doc, await storage.getEvents(doc.id)).find((r) => r.id === id) ?? null;
  };
}

/**
 * {@link trace} against what storage holds: which published revision (live, withdrawn or
 * superseded) a circulating text derives from, and how it differs. Without `index` it reads every stored
 * revision and indexes it for this call (linear in the documents); hosts that trace often
 * keep an index (see {@link storedRevisions}) and pass it.
 *
 * @example
 * ```ts
 * const result = await traceInStorage(storage, pastedText);
 * if (result.revision?.withdrawn) console.log('此稿件已撤回');
 * ```
 */
export async function traceInStorage(storage: StorageAdapter, text: string, options: TraceInStorageOptions = {}): Promise<TraceResult> {
  parseOrThrow(storageSchema, storage, 'storage');
  const o = parseOrThrow(optionsSchema, options, 'traceInStorage options') as TraceInStorageOptions;
  const common = { ...(o.candidates !== undefined ? { candidates: o.candidates } : {}), ...(o.locale ? { locale: o.locale } : {}) };
  if (o.index) return trace(text, { index: o.index, revisions: o.revisions ?? revisionFromStorage(storage), ...common });
  const list: PublishedRevision[] = [];
  for await (const r of storedRevisions(storage, o.pageSize === undefined ? {} : { pageSize: o.pageSize })) list.push(r);
  return trace(text, { ...indexRevisions(list), ...common });
}
