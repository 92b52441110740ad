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

/** One line of a delivery's own history: each attempt, claim and outcome, oldest first. */
export interface DeliveryHistoryEntry {
  at: string;
  /** `claimed`, `sent`, `failed`, `unknown`, `dead`, `removed`, `manual`, `progress`, `reconciled`, `retry`. */
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
  task?: { code: string; message: string };
  createdAt: string;
  updatedAt: string;
  history: DeliveryHistoryEntry[];
}

/**
 * The idempotency key of a delivery: `documentId:revision:accountId`, `:remove` appended for
 * a removal. Platforms that de-duplicate receive it (WeChat `clientmsgid`, the webhook's
 * `Idempotency-Key`, the SMS `OutId`/`SessionContext`).
 */
export function idempotencyKey(documentId: string, revision: number, accountId: string, kind: DeliveryKind = 'publish'): string {
  const key = `${documentId}:${revision}:${accountId}`;
  return kind === 'remove' ? `${key}:remove` : key;
}
