import * as z from 'zod';
import { parseOrThrow, validationError } from '../errors/index';
import type { Account, AccountRegistry } from './account';
import { backoffDelay, type BackoffOptions } from './backoff';
import type { Delivery, DeliveryHistoryEntry } from './delivery';
import { MANUAL_TASKS } from './messages';
import { outcomeEvent, type DeliveryEventType, type DeliveryOutcomeEvent } from './outcome-event';
import type { ClaimedDelivery, DeliveryStore, DeliveryUpdate, RecordGuard } from './store';
import { applyUpdate } from '../storage/index';
import type { Transport, TransportContext, TransportResult } from './transport';

/** What {@link deliverPending} takes. */
export interface DeliverPendingOptions {
  store: DeliveryStore;
  accounts: AccountRegistry;
  /** This worker instance's id; unique per process (e.g. host name + pid + random). */
  owner: string;
  /** The time of this run; default `clock()`. */
  now?: Date;
  /** Reads the time for outcomes recorded after the network calls; default `() => new Date()`. */
  clock?: () => Date;
  /** Most deliveries claimed (and sent concurrently) in this run. Default 10. */
  limit?: number;
  /** How long a claim holds. Default 120 s; must exceed `timeoutMs` + 1 s (the cut-off for a transport that ignores the abort). */
  leaseMs?: number;
  /** Per-attempt timeout; on expiry the request may have gone out, so the delivery becomes `unknown`. Default 30 s. */
  timeoutMs?: number;
  /** Attempts before a delivery that keeps failing retryably is `dead`. Default 8. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** How long before an `unknown` delivery (or a removal waiting on one) is looked at again. Default 60 s. */
  reconcileIntervalMs?: number;
  /** After this long `unknown`, the delivery becomes a task for a person. Default 24 h. */
  unknownTimeoutMs?: number;
  /** Called with each outcome's audit-event description, in the order recorded (the workflow appends it to the document's chain). */
  onOutcome?: (event: DeliveryOutcomeEvent) => void | Promise<void>;
  /**
   * Records an outcome and its audit event together, instead of `store.record` followed by
   * `onOutcome`. The publisher passes one that writes both in one document commit, so the
   * ledger and the document's audit chain never disagree. Resolves to the stored delivery, or
   * `null` when the guard no longer holds (the lease was taken over: nothing was written).
   */
  recordOutcome?: OutcomeRecorder;
}

/** Writes a delivery's outcome and its audit event atomically; see {@link DeliverPendingOptions.recordOutcome}. */
export type OutcomeRecorder = (update: DeliveryUpdate, guard: RecordGuard, event: DeliveryOutcomeEvent) => Promise<Delivery | null>;

/** What one {@link deliverPending} run did. */
export interface DeliverPendingResult {
  /** Deliveries this run claimed. */
  claimed: number;
  /** The outcomes recorded, as audit-event descriptions. */
  events: DeliveryOutcomeEvent[];
  /** Claims whose outcome could not be recorded because another worker took the lease over. */
  lostLeases: number;
}

/**
 * @internal The worker's tuning options, one schema for `deliverPending` and the publisher's
 * `publisher.deliverPending` (which supplies the store, accounts and outcome recorder itself).
 */
export const WORKER_TUNING_SHAPE = {
  now: z.date().optional(),
  limit: z.number().int().positive().optional(),
  leaseMs: z.number().int().positive().optional(),
  timeoutMs: z.number().int().positive().optional(),
  maxAttempts: z.number().int().positive().optional(),
  backoff: z.object({ baseMs: z.number().nonnegative().optional(), maxMs: z.number().nonnegative().optional(), random: z.function().optional() }).strict().optional(),
  reconcileIntervalMs: z.number().int().nonnegative().optional(),
  unknownTimeoutMs: z.number().int().positive().optional(),
  onOutcome: z.function().optional(),
};

const optionsSchema = z
  .object({
    ...WORKER_TUNING_SHAPE,
    store: z.custom<DeliveryStore>((s) => typeof s === 'object' && s !== null && typeof (s as DeliveryStore).claim === 'function', { message: 'must be a DeliveryStore' }),
    accounts: z.custom<AccountRegistry>((a) => typeof a === 'object' && a !== null && typeof (a as AccountRegistry).get === 'function', { message: 'must come from defineAccounts()' }),
    owner: z.string().min(1),
    clock: z.function().optional(),
    recordOutcome: z.function().optional(),
  })
  .strict();

class LeaseLost extends Error {}

/**
 * One pass of the delivery worker: claims due deliveries under a lease, sends each through
 * its account's transport (or reconciles it when it may already have gone out), and records
 * the outcome. Safe to run on every instance at once: the store's claim never hands one
 * delivery to two workers, and an outcome is written only while the lease is still ours.
 *
 * @example
 * ```ts
 * // on every instance, e.g. every 5 seconds:
 * await deliverPending({ store, accounts, owner: `${hostname()}-${process.pid}`,
 *   onOutcome: (e) => auditLog.append(e) });
 * ```
 */
export async function deliverPending(options: DeliverPendingOptions): Promise<DeliverPendingResult> {
  parseOrThrow(optionsSchema, options, 'deliverPending options');
  // The per-attempt timeout aborts every request of an attempt, so an attempt cannot outlive
  // its lease; otherwise a second worker could reconcile while the first is still sending.
  if ((options.leaseMs ?? 120_000) <= (options.timeoutMs ?? 30_000) + 1000) {
    throw validationError('deliverPending options', [{ path: ['leaseMs'], message: 'must be longer than timeoutMs + 1000' }]);
  }
  const clock = options.clock ?? (() => new Date());
  const now = options.now ?? clock();
  const cfg = {
    leaseMs: options.leaseMs ?? 120_000,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxAttempts: options.maxAttempts ?? 8,
    reconcileIntervalMs: options.reconcileIntervalMs ?? 60_000,
    unknownTimeoutMs: options.unknownTimeoutMs ?? 86_400_000,
  };
  const claims = await options.store.claim({ now, limit: options.limit ?? 10, owner: options.owner, leaseMs: cfg.leaseMs });
  const result: DeliverPendingResult = { claimed: claims.length, events: [], lostLeases: 0 };
  const run = new Run(options, cfg, clock, result);
  await Promise.all(claims.map((c) => run.process(c)));
  return result;
}

class Run {
  constructor(
    private readonly options: DeliverPendingOptions,
    private readonly cfg: { leaseMs: number; timeoutMs: number; maxAttempts: number; reconcileIntervalMs: number; unknownTimeoutMs: number },
    private readonly clock: () => Date,
    private readonly result: DeliverPendingResult,
  ) {}

  async process({ delivery, claimedFrom }: ClaimedDelivery): Promise<void> {
    const account = this.options.accounts.get(delivery.accountId);
    try {
      if (!account) {
        await this.finish(delivery, { status: 'failed', error: { code: 'account/unknown', message: `账号 ${delivery.accountId} 未配置`, retryable: false } }, delivery.accountId, false);
        return;
      }
      if (delivery.kind === 'remove') await this.remove(delivery, account);
      else await this.publish(delivery, claimedFrom, account);
    } catch (e) {
      if (e instanceof LeaseLost) this.result.lostLeases++;
      else throw e;
    }
  }

  private async publish(d: Delivery, claimedFrom: ClaimedDelivery['claimedFrom'], account: Account): Promise<void> {
    const transport = account.transport;
    // A delivery that may already be out is reconciled, never re-sent, unless re-sending is harmless.
    const reconcile = claimedFrom !== 'pending' && !transport.idempotent;
    if (reconcile) {
      const since = new Date(d.unknownSince ?? d.updatedAt);
      if (!transport.reconcile || this.clock().getTime() - since.getTime() > this.cfg.unknownTimeoutMs) {
        await this.finish(d, { status: 'manual', task: MANUAL_TASKS.check_unknown }, account.name, false);
        return;
      }
      const r = await this.attempt(d, account, (ctx) => transport.reconcile!({ ...ctx, unknownSince: since }));
      await this.finish(d, r, account.name, false);
      return;
    }
    const r = await this.attempt(d, account, (ctx) => transport.send(ctx));
    await this.finish(d, r, account.name, true);
  }

  private async remove(d: Delivery, account: Account): Promise<void> {
    const published = d.removes ? await this.options.store.get(d.removes) : undefined;
    if (!published) {
      await this.finish(d, { status: 'failed', error: { code: 'removal/no_publication', message: '找不到要删除的发布记录', retryable: false } }, account.name, false);
      return;
    }
    if (published.state === 'pending' || published.state === 'sending' || published.state === 'unknown') {
      // Still being sent or confirmed: remove once we know what is out there.
      const at = this.clock().toISOString();
      await this.write(d, { id: d.id, state: 'pending', nextAttemptAt: new Date(this.clock().getTime() + this.cfg.reconcileIntervalMs).toISOString(), updatedAt: at, history: { at, event: 'waiting', attempt: d.attempts } });
      return;
    }
    if (published.state === 'failed' || published.state === 'dead' || published.state === 'removed') {
      await this.finish(d, { status: 'removed', receipt: { nothingPublished: true } }, account.name, false);
      return;
    }
    if (published.state === 'manual') {
      await this.finish(d, { status: 'manual', task: published.task ?? MANUAL_TASKS.check_unknown }, account.name, false);
      return;
    }
    const transport: Transport = account.transport;
    if (!transport.remove) {
      await this.finish(d, { status: 'manual', task: transport.manualRemoval ?? MANUAL_TASKS.remove_by_hand, receipt: published.receipt }, account.name, false);
      return;
    }
    // Removing twice is harmless (the second finds nothing), so a removal is simply retried.
    const r = await this.attempt(d, account, (ctx) => transport.remove!({ ...ctx, published }));
    await this.finish(d, r, account.name, true);
  }

  /** Runs one transport call under the per-attempt timeout; a throw means we cannot tell what went out. */
  private async attempt(d: Delivery, account: Account, call: (ctx: TransportContext) => Promise<TransportResult>): Promise<TransportResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('delivery attempt timed out')), this.cfg.timeoutMs);
    const ctx: TransportContext = {
      delivery: d,
      account,
      signal: controller.signal,
      now: this.clock(),
      saveProgress: async (progress) => {
        const at = this.clock().toISOString();
        const saved = await this.options.store.record({ id: d.id, state: 'sending', progress, updatedAt: at, history: { at, event: 'progress', attempt: d.attempts + 1 } }, { expectedLeaseOwner: this.options.owner });
        if (!saved) throw new LeaseLost();
        d.progress = { ...d.progress, ...progress };
      },
    };
    // A transport that ignores the signal still cannot hold the attempt much past the
    // timeout: one second after the abort its answer is no longer awaited (and the delivery is
    // `unknown`), so no attempt outlives its lease. Transports that honour the signal answer
    // first, with their own reading of the timeout.
    let cutOff: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<TransportResult>((resolve) => {
      controller.signal.addEventListener('abort', () => {
        cutOff = setTimeout(() => resolve({ status: 'unknown', error: { code: 'network/timeout', message: '请求超时，平台可能已收到', retryable: false } }), 1000);
      }, { once: true });
    });
    try {
      return await Promise.race([call(ctx), timedOut]);
    } catch (e) {
      if (e instanceof LeaseLost) throw e;
      const message = e instanceof Error ? e.message : String(e);
      return { status: 'unknown', error: { code: 'transport/threw', message, retryable: false } };
    } finally {
      clearTimeout(timer);
      clearTimeout(cutOff);
    }
  }

  /** Turns a transport result into the ledger update and the audit event. */
  private async finish(d: Delivery, r: TransportResult, name: string, counted: boolean): Promise<void> {
    const now = this.clock();
    const at = now.toISOString();
    const attempts = d.attempts + (counted ? 1 : 0);
    const entry = (event: string, extra: Partial<DeliveryHistoryEntry> = {}): DeliveryHistoryEntry => ({ at, event, attempt: attempts, owner: this.options.owner, ...extra });
    const removal = d.kind === 'remove';
    let update: DeliveryUpdate;
    let type: DeliveryEventType | null;
    let extra: Parameters<typeof outcomeEvent>[4] = {};
    switch (r.status) {
      case 'sent':
      case 'removed': {
        const receipt = r.receipt ?? {};
        update = { id: d.id, state: removal ? 'removed' : 'sent', attempts, receipt, error: null, unknownSince: null, updatedAt: at, history: entry(removal ? 'removed' : 'sent', { receipt }) };
        if (r.status === 'sent' && r.progress) update.progress = r.progress;
        type = removal ? 'removed' : 'delivered';
        extra = { receipt };
        break;
      }
      case 'failed': {
        const error = r.error;
        if (error.retryable && attempts < this.cfg.maxAttempts) {
          const nextAttemptAt = new Date(now.getTime() + backoffDelay(Math.max(1, attempts), this.options.backoff)).toISOString();
          update = { id: d.id, state: 'pending', attempts, nextAttemptAt, error, unknownSince: null, updatedAt: at, history: entry('retry', { error }) };
          type = 'delivery_retry';
          extra = { error, nextAttemptAt };
        } else {
          const state = error.retryable ? 'dead' : 'failed';
          update = { id: d.id, state, attempts, error, unknownSince: null, updatedAt: at, history: entry(state, { error }) };
          type = error.retryable ? 'delivery_dead' : removal ? 'removal_failed' : 'delivery_failed';
          extra = { error };
        }
        if (r.progress) update.progress = r.progress;
        break;
      }
      case 'unknown': {
        const wasUnknown = d.unknownSince !== undefined;
        update = {
          id: d.id,
          state: 'unknown',
          attempts,
          nextAttemptAt: new Date(now.getTime() + this.cfg.reconcileIntervalMs).toISOString(),
          error: r.error,
          unknownSince: d.unknownSince ?? at,
          updatedAt: at,
          history: entry(wasUnknown ? 'reconciled' : 'unknown', { error: r.error }),
        };
        if (r.progress) update.progress = r.progress;
        // Still unknown after a reconciliation is not news; the first time it is.
        type = wasUnknown ? null : 'delivery_unknown';
        extra = { error: r.error };
        break;
      }
      case 'manual': {
        update = { id: d.id, state: 'manual', attempts, task: r.task, unknownSince: null, updatedAt: at, history: entry('manual') };
        if (r.receipt) update.receipt = r.receipt;
        type = removal ? 'removal_manual' : 'delivery_manual';
        extra = { task: r.task, ...(r.receipt ? { receipt: r.receipt } : {}) };
        break;
      }
    }
    if (!type) {
      await this.write(d, update);
      return;
    }
    // The event describes the delivery as this update leaves it.
    const after = structuredClone(d);
    applyUpdate(after, structuredClone(update));
    const event = outcomeEvent(type, after, name, at, extra);
    if (this.options.recordOutcome) {
      const saved = await this.options.recordOutcome(update, { expectedLeaseOwner: this.options.owner }, event);
      if (!saved) throw new LeaseLost(`lease on ${d.id} lost`);
      this.result.events.push(event);
      await this.options.onOutcome?.(event);
      return;
    }
    await this.write(d, update);
    await this.emit(event);
  }

  private async write(d: Delivery, update: DeliveryUpdate): Promise<Delivery> {
    const saved = await this.options.store.record(update, { expectedLeaseOwner: this.options.owner });
    if (!saved) throw new LeaseLost(`lease on ${d.id} lost`);
    return saved;
  }

  private async emit(event: DeliveryOutcomeEvent): Promise<void> {
    this.result.events.push(event);
    await this.options.onOutcome?.(event);
  }
}
