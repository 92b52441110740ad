import type { ManualTask } from '../storage/index';
import type { Delivery, DeliveryError, DeliveryReceipt } from './delivery';

/**
 * What a transport knows of the account it sends for (an `Account` without its transport,
 * so the two types do not depend on each other).
 */
export interface AccountProfile {
  /** Stable id, used in idempotency keys: letters, digits, `_`, `-`, `.` (no `:`). */
  id: string;
  /** The channel whose payload this account receives (`wechat`, `weibo`, `website`, `push`, `sms`, `rss`, or a custom one). */
  channel: string;
  /** Display name, e.g. `某某发布`. */
  name: string;
  /** The department that owns the account. */
  department?: string;
  /** The channel's format options for this account (SMS `signature`, WeChat `theme`, `limits`, …). */
  options?: Record<string, unknown>;
}

/** A task only a person can finish: stable `code`, Chinese `message` shown in the UI (defined with the ledger in storage). */
export type { ManualTask };

/**
 * What a transport reports for one attempt. The worker turns it into the ledger state:
 *
 * - `sent`: the platform accepted the item; `receipt` holds its ids.
 * - `failed`: the platform refused, or the request never left (`error.retryable` says
 *   whether the same request may succeed later).
 * - `unknown`: the request may have reached the platform, or the platform accepted it and
 *   has not finished (WeChat publishes asynchronously); the worker reconciles later.
 * - `removed`: a removal the platform carried out.
 * - `manual`: only a person can finish this (an SMS cannot be recalled, …).
 */
export type TransportResult =
  | { status: 'sent'; receipt: DeliveryReceipt; progress?: Record<string, unknown> }
  | { status: 'failed'; error: DeliveryError; progress?: Record<string, unknown> }
  | { status: 'unknown'; error: DeliveryError; progress?: Record<string, unknown> }
  | { status: 'removed'; receipt?: DeliveryReceipt }
  | { status: 'manual'; task: ManualTask; receipt?: DeliveryReceipt };

/** What a transport receives for one attempt. */
export interface TransportContext {
  /** The delivery being sent (for `remove`, the removal). */
  delivery: Delivery;
  account: AccountProfile;
  /** Aborted when the worker's per-attempt timeout passes. */
  signal: AbortSignal;
  now: Date;
  /**
   * Saves what the transport has done so far on the delivery (`delivery.progress`), under
   * the worker's lease, before the next irreversible step. Throws when the lease was lost.
   */
  saveProgress(progress: Record<string, unknown>): Promise<void>;
}

/** What `remove` receives: the context plus the publication it takes down. */
export interface RemoveContext extends TransportContext {
  /** The publish delivery (with its `receipt`) that this removal takes down. */
  published: Delivery;
}

/** What `reconcile` receives: the context plus since when the delivery has been `unknown`. */
export interface ReconcileContext extends TransportContext {
  /** When the delivery first became `unknown`: transports give the platform a grace period. */
  unknownSince: Date;
}

/** A platform event the host forwards, matched to a delivery by a field of its `progress`. */
export interface PlatformEventMatch {
  /** Progress fields that identify the delivery, e.g. `{ publish_id: '2247…' }`. */
  match: Record<string, string>;
  result: TransportResult;
}

/**
 * How a delivery reaches one platform. Only `send` is required.
 *
 * A transport never throws for a platform's answer; it returns a {@link TransportResult}.
 * (If it throws anyway, the worker records `unknown`: it cannot tell what went out.)
 *
 * @example
 * ```ts
 * const logOnly: Transport = {
 *   idempotent: true,
 *   async send({ delivery }) {
 *     console.log(delivery.payload);
 *     return { status: 'sent', receipt: { id: delivery.idempotencyKey } };
 *   },
 * };
 * ```
 */
export interface Transport {
  /** Sends a publish delivery. */
  send(ctx: TransportContext): Promise<TransportResult>;
  /**
   * Channel options the platform's own rules call for (Weibo's `safeDomain`), merged by the
   * publisher into the options its account's output is formatted with, so the submit gate
   * raises what the platform would refuse at send, before anyone signs.
   */
  readonly formatOptions?: Readonly<Record<string, unknown>>;
  /** Takes a delivered item down, where the platform allows it. Without it, removal is a {@link ManualTask}. */
  remove?(ctx: RemoveContext): Promise<TransportResult>;
  /**
   * Finds out what became of an `unknown` delivery (the platform's status query). Without
   * it an `unknown` delivery becomes a {@link ManualTask}, unless the transport is `idempotent`.
   */
  reconcile?(ctx: ReconcileContext): Promise<TransportResult>;
  /** Interprets an event the platform pushed to the host (WeChat `PUBLISHJOBFINISH`); `null` when not for this transport. */
  handleEvent?(event: unknown, account: AccountProfile): PlatformEventMatch | null;
  /**
   * True when re-sending the same delivery cannot publish twice (the receiver honours the
   * `Idempotency-Key`, or sending rewrites the same file): `unknown` is then simply re-sent.
   */
  idempotent?: boolean;
  /** What a person must do when this platform cannot remove an item (shown as the removal task). */
  manualRemoval?: ManualTask;
}
