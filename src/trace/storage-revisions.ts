import * as z from 'zod';
import type { GovDocument } from '../document/index';
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
  (s) => typeof s === 'object' && s !== null && ['listDocuments', 'getDocument'].every((m) => typeof (s as Record<string, unknown>)[m] === 'function'),
  'expected a storage adapter (listDocuments, getDocument)',
);

const optionsSchema = z
  .strictObject({
    index: z.custom<DuplicateIndex<unknown>>((v) => typeof v === 'object' && v !== null && typeof (v as DuplicateIndex).query === 'function', 'expected a duplicate index (createDuplicateIndex)').optional(),
    revisions: z.custom<RevisionLookup>((v) => v instanceof Map || typeof v === 'function', 'expected a Map or a function from id to revision').optional(),
    candidates: z.number().int().min(1).max(50).optional(),
    locale: z.enum(['zh-CN', 'en']).optional(),
    pageSize: z.number().int().min(1).max(500).optional(),
  })
  .refine((o) => o.revisions === undefined || o.index !== undefined, { message: 'revisions is only used with a prebuilt index', path: ['revisions'] });

/** The id a stored revision is indexed under: `<documentId>@<revision>`. */
export function storedRevisionId(documentId: string, revision: number): string {
  return `${documentId}@${revision}`;
}

/**
 * The published revision a stored document still holds, as trace takes it: its `published`
 * snapshot, live or withdrawn (`withdrawn: true`). `null` for a document never published.
 *
 * Storage keeps one snapshot per document: once a revised document is published again, the
 * text of the revision it replaced is gone (its `published` event keeps only each channel's
 * content hash), so superseded revisions cannot be traced from storage alone.
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
 * Every published revision storage holds (see {@link storedRevision} for what it cannot),
 * paging through `listDocuments`: for hosts that build and keep their own index.
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
    for (const doc of page.items) {
      const r = storedRevision(doc);
      if (r) yield r;
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}

/**
 * A lookup for {@link trace} that reads `<documentId>@<revision>` ids back from storage: the
 * document's snapshot if it is still that revision, else nothing.
 */
export function revisionFromStorage(storage: StorageAdapter): (id: string) => Promise<PublishedRevision | null> {
  parseOrThrow(storageSchema, storage, 'storage');
  return async (id) => {
    const at = id.lastIndexOf('@');
    if (at <= 0) return null;
    const doc = await storage.getDocument(id.slice(0, at));
    const r = doc ? storedRevision(doc) : null;
    return r !== null && r.id === id ? r : null;
  };
}

/**
 * {@link trace} against what storage holds: which published revision (live or withdrawn) a
 * circulating text derives from, and how it differs. Without `index` it reads every stored
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
