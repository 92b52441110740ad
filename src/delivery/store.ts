import type { Delivery, DeliveryError, DeliveryHistoryEntry, DeliveryKind, DeliveryReceipt, DeliveryState } from './delivery';
import type { ManualTask } from './transport';

/** A delivery handed to one worker, with the state it was claimed from. */
export interface ClaimedDelivery {
  /** The delivery as stored after the claim (`state: 'sending'`, `lease` set). */
  delivery: Delivery;
  /**
   * Why it was claimable: `pending` (due to be sent), `unknown` (due to be reconciled) or
   * `sending` (a worker's lease ran out mid-attempt: it may have gone out, so it is
   * reconciled like `unknown`).
   */
  claimedFrom: 'pending' | 'unknown' | 'sending';
}

/** What {@link DeliveryStore.claim} takes. */
export interface ClaimRequest {
  now: Date;
  /** At most this many deliveries. */
  limit: number;
  /** The claiming worker's id (unique per worker instance). */
  owner: string;
  /** How long the claim holds; an attempt must finish (or save progress) within it. */
  leaseMs: number;
}

/**
 * A change to one delivery, written only if the guard holds. Fields left out keep their
 * value; `lease` is cleared unless `state` is `sending`.
 */
export interface DeliveryUpdate {
  id: string;
  state: DeliveryState;
  attempts?: number;
  nextAttemptAt?: string;
  receipt?: DeliveryReceipt;
  /** `null` clears the error. */
  error?: DeliveryError | null;
  /** Merged into the stored progress. */
  progress?: Record<string, unknown>;
  task?: ManualTask;
  /** `null` clears it. */
  unknownSince?: string | null;
  updatedAt: string;
  /** Appended to the delivery's history. */
  history: DeliveryHistoryEntry;
}

/** The condition under which {@link DeliveryStore.record} writes: the caller's view must still be true. */
export interface RecordGuard {
  /** The lease must still be this worker's (a worker whose lease was taken over cannot overwrite the new owner's outcome). */
  expectedLeaseOwner?: string;
  /** The delivery must be in one of these states (used without a lease, e.g. by a platform event). */
  expectedStates?: readonly DeliveryState[];
}

/** Filters of {@link DeliveryStore.list}; all given ones must match. */
export interface DeliveryQuery {
  state?: DeliveryState | readonly DeliveryState[];
  accountId?: string;
  documentId?: string;
  kind?: DeliveryKind;
  limit?: number;
}

/** What {@link DeliveryStore.enqueue} did: idempotency keys already in the ledger are left as they are. */
export interface EnqueueResult {
  inserted: Delivery[];
  /** The stored deliveries whose idempotency key was already present (not replaced). */
  existing: Delivery[];
}

/**
 * The delivery ledger. Storage adapters implement it (the memory adapter reuses
 * {@link memoryDeliveryStore}; PostgreSQL with `SELECT … FOR UPDATE SKIP LOCKED`).
 *
 * Contract an implementation must keep:
 * - `enqueue` is idempotent on `idempotencyKey` and runs inside the same transaction as the
 *   document version it belongs to (the publisher's commit carries a {@link LedgerWrite}).
 * - `claim` never hands the same delivery to two owners whose leases overlap, across
 *   processes: only rows that are `pending`/`unknown` and due, or `sending` with a lease that
 *   has run out, are claimable; claiming sets `state: 'sending'` and the lease atomically.
 * - `record` is a compare-and-set: it writes only if the guard holds, else returns `null`.
 */
export interface DeliveryStore {
  enqueue(deliveries: readonly Delivery[]): Promise<EnqueueResult>;
  claim(request: ClaimRequest): Promise<ClaimedDelivery[]>;
  record(update: DeliveryUpdate, guard: RecordGuard): Promise<Delivery | null>;
  get(id: string): Promise<Delivery | undefined>;
  list(query?: DeliveryQuery): Promise<Delivery[]>;
  forDocument(documentId: string): Promise<Delivery[]>;
}

/**
 * What a document commit carries for the ledger: the deliveries to insert in the same
 * transaction as the new document version (publish → one per target account; withdraw →
 * the removals, and the still-pending publications to cancel).
 */
export interface LedgerWrite {
  enqueue: Delivery[];
  /** Updates applied in the same transaction, each under its guard (cancelling pending publications on withdrawal). */
  updates?: { update: DeliveryUpdate; guard: RecordGuard }[];
}
