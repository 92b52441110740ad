import type { Level } from '../document/index';
import type { AuditEvent, DocumentState, GovDocument } from '../document/index';
import type { DeliveryLedger, LedgerWrite } from './ledger';
import type { PublicationFacts, PublicationFactsPage, PublicationFactsQuery } from './publication-facts';

/** Filters and paging for {@link StorageAdapter.listDocuments}. All filters combine with AND. */
export interface ListQuery {
  state?: DocumentState | readonly DocumentState[];
  department?: string;
  /** Documents that target this channel. */
  channel?: string;
  authorId?: string;
  level?: Level;
  /** Only documents published urgently whose review is not yet complete. */
  needsRetrospectiveReview?: boolean;
  /** Page size, 1–500; default 50. */
  limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

/** One page of documents, oldest first by (`createdAt`, `id`). */
export interface ListPage<T = GovDocument> {
  items: T[];
  /** Present when more items may follow; pass it back as `cursor`. */
  nextCursor?: string;
}

/** One atomic write: the document's new version and the audit events that explain it. */
export interface CommitRequest {
  document: GovDocument;
  /**
   * The version the caller read, or `null` to create a new document. The adapter must
   * refuse with `GovpubError('CONFLICT')` when the stored version differs (or, for `null`,
   * when the id exists), and write nothing.
   */
  expectedVersion: number | null;
  /** Appended to the document's audit trail in order; never empty. */
  events: AuditEvent[];
  /**
   * Ledger rows written in the same transaction (publish: one pending delivery per account;
   * withdraw: removals and cancellations; a worker's outcome with its audit event). Only for
   * adapters with `deliveries`; an adapter without it refuses a commit that carries one
   * (`VALIDATION`) rather than drop it. A required update whose guard fails refuses the whole
   * commit with `CONFLICT` (`details.deliveryId`).
   */
  deliveries?: LedgerWrite;
  /**
   * The document's duplicate fingerprints after this commit, for adapters with a
   * {@link StorageAdapter.fingerprints} index: written in the same transaction as the
   * document, so no instance can see the document without its fingerprints. Absent: leave
   * them as they are. Adapters without the capability ignore it.
   */
  fingerprints?: FingerprintWrite;
}

/** A document's fingerprints as a commit (or a backfill) writes them. */
export interface FingerprintWrite {
  /**
   * How the hashes were made (e.g. `5/16`, k-gram length and winnowing window): candidates
   * are only drawn from documents fingerprinted under the same scheme.
   */
  scheme: string;
  /**
   * Distinct unsigned 32-bit hashes of the document's indexed text, or `null` when the
   * document is not compared with new drafts (a draft never published, a withdrawn one).
   */
  hashes: readonly number[] | null;
}

/** One document sharing fingerprints with a query, from {@link FingerprintIndex.candidates}. */
export interface FingerprintCandidate {
  documentId: string;
  /** How many of the query's hashes the document has. */
  shared: number;
  /** How many hashes the document has in all. */
  total: number;
  /** The stored document, when asked for with `withDocuments` (saves a read per candidate). */
  document?: GovDocument;
}

/** Options of {@link FingerprintIndex.candidates}. */
export interface FingerprintCandidateOptions {
  /** Most candidates returned, best first. */
  limit: number;
  /** Document ids never returned (the draft's own id). */
  exclude?: readonly string[];
  /**
   * A hash held by more than this many documents (a letterhead, a slogan) proposes no
   * candidates; default 64.
   */
  maxDocumentFrequency?: number;
  /** Return each candidate's stored `document` as well (an adapter may ignore this). */
  withDocuments?: boolean;
}

/**
 * Optional capability: the duplicate fingerprints of every document, kept by the storage
 * itself so that every host instance queries one shared index and no host holds the corpus
 * in memory. Adapters that have it write {@link CommitRequest.fingerprints} in the commit's
 * transaction; the duplicates gate then asks `candidates` instead of an in-memory index.
 */
export interface FingerprintIndex {
  /**
   * Documents fingerprinted under `scheme` that share at least two of `hashes` (one, when
   * the query has only one), ranked by the larger of `shared / hashes.length` and
   * `shared / total`, best first; ties by id.
   */
  candidates(scheme: string, hashes: readonly number[], options: FingerprintCandidateOptions): Promise<FingerprintCandidate[]>;
  /**
   * Up to `limit` documents that have no fingerprints under `scheme` yet (stored before the
   * index existed, or by a host without the gate), oldest commit first, for a backfill.
   */
  unindexed(scheme: string, limit: number): Promise<GovDocument[]>;
  /**
   * Writes a document's fingerprints outside a commit (the backfill), only while the stored
   * document is still at `version`; resolves `false` (writing nothing) otherwise.
   */
  put(documentId: string, version: number, write: FingerprintWrite): Promise<boolean>;
}

/**
 * Derived data a gate wants to keep between runs (e.g. duplicate fingerprints), stored by
 * kind and document id. Optional: without it gates recompute on start.
 */
export interface ArtifactStore {
  put(kind: string, documentId: string, data: unknown): Promise<void>;
  get(kind: string, documentId: string): Promise<unknown | undefined>;
  delete(kind: string, documentId: string): Promise<void>;
  list(kind: string): Promise<{ documentId: string; data: unknown }[]>;
}

/** One page of {@link StorageAdapter.changes}: documents in commit order, and where to go on. */
export interface ChangePage {
  /** Each document's latest committed version, in the order of its last commit. */
  items: GovDocument[];
  /** Pass back to read what was committed after these; unchanged when nothing was. */
  cursor: string;
}

/**
 * What govpub needs from the host's database. Implement it for yours and prove it with
 * `runAdapterConformance` from `govpub/testing`.
 *
 * Rules every adapter keeps:
 * - Values go in and come out as copies: mutating a returned object never changes storage.
 * - `commit` is atomic: the document and all its events are written together, or nothing is.
 * - `commit` checks `expectedVersion` inside the same transaction as the write, so of two
 *   concurrent commits with the same expected version exactly one succeeds.
 * - Errors the adapter means (conflicts) are `GovpubError`s; anything else may propagate.
 * - Ids and `createdAt` compare by UTF-16 code unit (binary collation): `"Doc-2"` sorts
 *   before `"doc-1"`. Use a binary collation on databases whose default ignores case.
 * - Documents, events and artifact values are JSON data; a member set to `undefined` counts
 *   as absent.
 * - Every event's `documentId` equals the committed document's `id`.
 * - An empty or foreign `cursor` is `GovpubError('VALIDATION')` (see `normalizeListQuery`
 *   and `decodeCursor`, which adapters should use).
 */
export interface StorageAdapter {
  /** The document with this id, or `null`. */
  getDocument(id: string): Promise<GovDocument | null>;
  /**
   * Documents matching `query`, ordered by (`createdAt`, `id`) ascending, paged by a keyset
   * cursor: a document inserted while a client pages must not cause gaps or repeats among
   * the documents that existed before.
   */
  listDocuments(query: ListQuery): Promise<ListPage>;
  /** The document's audit events, `seq` ascending (empty for an unknown id). */
  getEvents(documentId: string): Promise<AuditEvent[]>;
  /** Writes a new document version and its events atomically; see {@link CommitRequest}. */
  commit(request: CommitRequest): Promise<void>;
  /** Optional store for derived data; see {@link ArtifactStore}. */
  readonly artifacts?: ArtifactStore;
  /**
   * Optional change feed: documents whose latest commit came after `cursor` (`null`: from the
   * beginning), at most `limit` of them, in commit order. Several host instances over one
   * database use it to learn what the others committed (the duplicate index catches up before
   * every check). The order must be the order in which commits became visible: a commit that
   * becomes visible later must never sort before a cursor already handed out.
   * Any order with that property will do, if the feed holds back what could still be
   * overtaken: the PostgreSQL adapter orders by transaction id and hands out only rows below
   * the oldest transaction still able to write to its feed (so a visible commit can wait a
   * moment behind a slower one). Cursors are opaque strings; an adapter that changes their
   * form keeps accepting the old one.
   */
  changes?(cursor: string | null, limit: number): Promise<ChangePage>;
  /**
   * Optional lock shared by every instance over the same store: runs `work` while no other
   * `exclusive(key, …)` call on this store runs, across processes where the database allows.
   * The publisher holds `govpub/duplicates` from the duplicate check of a submission to its
   * commit, so of two near-copies submitted at once the second sees the first.
   */
  exclusive?<T>(key: string, work: () => Promise<T>): Promise<T>;
  /**
   * Optional delivery ledger (issue 14): claim with a lease, record outcomes, list by state or
   * document. With it, `commit` accepts `deliveries`; the publisher then writes one delivery
   * per target account in the publishing commit and runs `deliverPending` over it.
   */
  readonly deliveries?: DeliveryLedger;
  /**
   * Optional, for inspection at scale: every document that has been published, reduced to
   * {@link PublicationFacts} (a few columns and its `published`/`withdrawn`/`waived` events),
   * ordered by (`createdAt`, `id`) and paged like {@link StorageAdapter.listDocuments}. An
   * adapter that can read these from an index (PostgreSQL: generated columns) offers it;
   * inspection otherwise derives the same facts from `listDocuments` and `getEvents`, and the
   * two must agree exactly.
   */
  publicationFacts?(query: PublicationFactsQuery): Promise<PublicationFactsPage>;
  /** Optional, with `publicationFacts`: every channel any stored document targets (published or not), sorted. */
  documentChannels?(): Promise<string[]>;
  /**
   * Optional fingerprint index shared by every instance over this store; see
   * {@link FingerprintIndex}. Without it the duplicates gate keeps an in-memory index fed by
   * the change feed.
   */
  readonly fingerprints?: FingerprintIndex;
}
