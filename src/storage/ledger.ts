// The delivery ledger as part of the storage contract (issue 14). The row shape lives here,
// not in delivery/, because every adapter stores it and storage may not import delivery
// (delivery builds on storage). delivery/ re-exports these names unchanged.

/** What a delivery does on its account: put the approved payload out, or take it back down. */
export type DeliveryKind = 'publish' | 'remove';

/**
 * Where one delivery stands.
 *
 * - `pending`: waiting to be claimed (also after a retryable failure, with `nextAttemptAt`).
 * - `sending`: claimed by a worker under a lease; a crash leaves it here until the lease ends.
 * - `sent`: the platform accepted it; `receipt` holds its ids.
 * - `failed`: the platform refused it and retrying will not help (a content check, bad config).
 * - `unknown`: the request may have reached the platform (timeout, connection lost after
 *   sending); it is reconciled with the platform, never blindly re-sent.
 * - `dead`: retryable failures until `maxAttempts`; a person must look.
 * - `removed`: a removal that the platform carried out.
 * - `manual`: something only a person can finish (an SMS cannot be recalled, a Weibo post
 *   must be deleted by hand, a transport that cannot tell whether it sent).
 */
export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'dead' | 'removed' | 'manual';

/** Every {@link DeliveryState}, in the order a UI lists them. */
export const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'sending', 'sent', 'failed', 'unknown', 'dead', 'removed', 'manual'];

/** States a worker can still act on (claim and send, or reconcile). */
export const OPEN_STATES: readonly DeliveryState[] = ['pending', 'sending', 'unknown'];

/** A worker's hold on a delivery: only `owner` may record its outcome, and only until `until`. */
export interface Lease {
  owner: string;
  /** ISO 8601; after it another worker may claim the delivery. */
  until: string;
}

/** Why an attempt did not succeed, as the platform said it. */
export interface DeliveryError {
  /** Stable code: the platform's (e.g. `wechat/45009`) or govpub's (e.g. `network/timeout`). */
  code: string;
  /** The platform's own words (secrets redacted). */
  message: string;
  /** True when the same request may succeed later (rate limits, 5xx, network before sending). */
  retryable: boolean;
}

/** What the platform returned for an accepted delivery: its ids, a URL, per-recipient results. */
export interface DeliveryReceipt {
  /** The platform's main id (WeChat `publish_id`, Weibo status id, SMS request id, …). */
  id?: string;
  /** Where the item can be seen, when the platform says. */
  url?: string;
  /** Everything else the platform returned that identifies the item (`article_id`, `msg_data_id`, per-number results, …). */
  [field: string]: unknown;
}

/** A task only a person can finish: stable `code`, Chinese `message` shown in the UI. */
export interface ManualTask {
  code: string;
  message: string;
}

/** One line of a delivery's own history: each attempt, claim and outcome, oldest first. */
export interface DeliveryHistoryEntry {
  at: string;
  /** `enqueued`, `claimed`, `sent`, `failed`, `unknown`, `dead`, `removed`, `manual`, `progress`, `reconciled`, `retry`, `cancelled`, `waiting`. */
  event: string;
  attempt: number;
  owner?: string;
  error?: DeliveryError;
  receipt?: DeliveryReceipt;
}

/**
 * One payload to one account, or its removal: a row of the delivery ledger.
 *
 * `idempotencyKey` is unique in the ledger (`documentId:revision:accountId`, plus `:remove`
 * for a removal), so enqueuing the same publication twice cannot send twice.
 */
export interface Delivery {
  id: string;
  documentId: string;
  revision: number;
  accountId: string;
  channel: string;
  kind: DeliveryKind;
  /** SHA-256 (hex) of the payload's canonical JSON: which approved text this is. */
  payloadHash: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  state: DeliveryState;
  /** Send attempts so far (claims that reached the transport). */
  attempts: number;
  /** ISO 8601: not to be claimed before this. */
  nextAttemptAt: string;
  lease?: Lease;
  receipt?: DeliveryReceipt;
  error?: DeliveryError;
  /**
   * What a transport saved part-way (e.g. the WeChat draft's `media_id`, a `publish_id`
   * whose answer was lost), so a retry or a reconciliation resumes instead of starting over.
   */
  progress?: Record<string, unknown>;
  /** ISO 8601: when the delivery became `unknown` (cleared when it leaves); reconciliation gives the platform a grace period from here. */
  unknownSince?: string;
  /** For a removal: the publication delivery it takes down. */
  removes?: string;
  /** A person's task when `state` is `manual`: stable code and Chinese text. */
  task?: ManualTask;
  createdAt: string;
  updatedAt: string;
  history: DeliveryHistoryEntry[];
}

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

/** What {@link DeliveryLedger.claim} takes. */
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

/** The condition under which {@link DeliveryLedger.record} writes: the caller's view must still be true. */
export interface RecordGuard {
  /** The lease must still be this worker's (a worker whose lease was taken over cannot overwrite the new owner's outcome). */
  expectedLeaseOwner?: string;
  /** The delivery must be in one of these states (used without a lease, e.g. by a platform event). */
  expectedStates?: readonly DeliveryState[];
}

/** Filters of {@link DeliveryLedger.list}; all given ones must match. Rows come in insertion order. */
export interface DeliveryQuery {
  state?: DeliveryState | readonly DeliveryState[];
  accountId?: string;
  documentId?: string;
  kind?: DeliveryKind;
  limit?: number;
}

/** What {@link DeliveryLedger.enqueue} did: idempotency keys already in the ledger are left as they are. */
export interface EnqueueResult {
  inserted: Delivery[];
  /** The stored deliveries whose idempotency key was already present (not replaced). */
  existing: Delivery[];
}

/** One guarded update carried by a commit (see {@link LedgerWrite}). */
export interface LedgerUpdate {
  update: DeliveryUpdate;
  guard: RecordGuard;
  /**
   * When true, a guard that does not hold refuses the whole commit with
   * `GovpubError('CONFLICT')` (`details.deliveryId`): the worker's outcome and its audit event
   * are written together or not at all. When false (default) the update is skipped, e.g. a
   * withdrawal's cancellation of a publication a worker claimed meanwhile.
   */
  required?: boolean;
}

/**
 * What a document commit carries for the ledger, written in the same transaction as the new
 * document version: publish → one pending delivery per target account; withdraw → the
 * removals, and the still-pending publications to cancel; a worker's outcome → its update.
 */
export interface LedgerWrite {
  /** Inserted unless their `idempotencyKey` is already in the ledger (then left as stored). */
  enqueue: Delivery[];
  /** Applied in order, each under its guard. */
  updates?: LedgerUpdate[];
}

/**
 * The delivery ledger: an optional capability of a {@link StorageAdapter} (`deliveries`).
 * The memory adapter and the PostgreSQL adapter implement it; `runAdapterConformance` checks it.
 *
 * Contract an implementation must keep:
 * - `enqueue` is idempotent on `idempotencyKey`; inside the publisher, rows arrive through
 *   `CommitRequest.deliveries` instead, in the same transaction as the document version.
 * - `claim` never hands the same delivery to two owners whose leases overlap, across
 *   processes: only rows that are `pending`/`unknown` and due, or `sending` with a lease that
 *   has run out, are claimable; claiming sets `state: 'sending'` and the lease atomically.
 *   Oldest due first.
 * - `record` is a compare-and-set: it writes only if the guard holds, else returns `null`.
 * - Values go in and come out as copies.
 */
export interface DeliveryLedger {
  enqueue(deliveries: readonly Delivery[]): Promise<EnqueueResult>;
  claim(request: ClaimRequest): Promise<ClaimedDelivery[]>;
  record(update: DeliveryUpdate, guard: RecordGuard): Promise<Delivery | null>;
  get(id: string): Promise<Delivery | undefined>;
  list(query?: DeliveryQuery): Promise<Delivery[]>;
  /** Every delivery of one document, in insertion order (what a UI shows per account). */
  forDocument(documentId: string): Promise<Delivery[]>;
}

/**
 * Applies a {@link DeliveryUpdate} to a stored delivery (shared so every adapter keeps the
 * same field semantics: `null` clears, `progress` merges, the lease ends unless still sending).
 */
export function applyUpdate(d: Delivery, u: DeliveryUpdate): void {
  d.state = u.state;
  if (u.attempts !== undefined) d.attempts = u.attempts;
  if (u.nextAttemptAt !== undefined) d.nextAttemptAt = u.nextAttemptAt;
  if (u.receipt !== undefined) d.receipt = u.receipt;
  if (u.error === null) delete d.error;
  else if (u.error !== undefined) d.error = u.error;
  if (u.progress !== undefined) d.progress = { ...d.progress, ...u.progress };
  if (u.task !== undefined) d.task = u.task;
  if (u.unknownSince === null) delete d.unknownSince;
  else if (u.unknownSince !== undefined) d.unknownSince = u.unknownSince;
  if (u.state !== 'sending') delete d.lease;
  d.updatedAt = u.updatedAt;
  d.history.push(u.history);
}

/** Whether `guard` holds for the stored delivery `d` (shared by every adapter). */
export function guardHolds(d: Delivery, guard: RecordGuard): boolean {
  if (guard.expectedLeaseOwner !== undefined && d.lease?.owner !== guard.expectedLeaseOwner) return false;
  if (guard.expectedStates && !guard.expectedStates.includes(d.state)) return false;
  return true;
}

/**
 * The state a claim takes a delivery from, or `null` when it is not claimable at `now`:
 * `pending`/`unknown` once due, `sending` once its lease has run out.
 */
export function claimableFrom(d: Delivery, now: number): ClaimedDelivery['claimedFrom'] | null {
  if ((d.state === 'pending' || d.state === 'unknown') && Date.parse(d.nextAttemptAt) <= now) return d.state;
  if (d.state === 'sending' && d.lease && Date.parse(d.lease.until) <= now) return 'sending';
  return null;
}
