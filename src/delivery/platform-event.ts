import * as z from 'zod';
import { parseOrThrow, validationError } from '../errors/index';
import type { AccountRegistry } from './account';
import { outcomeEvent, type DeliveryOutcomeEvent } from './outcome-event';
import type { DeliveryStore, DeliveryUpdate, RecordGuard } from './store';
import type { Delivery } from './delivery';
import type { OutcomeRecorder } from './worker';
import { applyUpdate } from '../storage/index';

const optionsSchema = z
  .object({
    store: z.custom<DeliveryStore>((s) => typeof s === 'object' && s !== null, { message: 'must be a DeliveryStore' }),
    accounts: z.custom<AccountRegistry>((a) => typeof a === 'object' && a !== null && typeof (a as AccountRegistry).get === 'function', { message: 'must come from defineAccounts()' }),
    accountId: z.string().min(1),
    event: z.unknown(),
    now: z.date().optional(),
    onOutcome: z.function().optional(),
    recordOutcome: z.function().optional(),
  })
  .strict();

/** What {@link handlePlatformEvent} takes. */
export interface HandlePlatformEventOptions {
  store: DeliveryStore;
  accounts: AccountRegistry;
  /** The account whose platform sent the event (the host knows it from the callback URL it registered). */
  accountId: string;
  /** The event as received (WeChat: the XML body, or the parsed message object). */
  event: unknown;
  now?: Date;
  onOutcome?: (event: DeliveryOutcomeEvent) => void | Promise<void>;
  /** Records the outcome and its audit event together (the publisher's); see `DeliverPendingOptions.recordOutcome`. */
  recordOutcome?: OutcomeRecorder;
}

/**
 * Applies an event a platform pushed to the host, e.g. WeChat's `PUBLISHJOBFINISH`: finds
 * the delivery it is about (by the ids the transport saved while sending) and records the
 * outcome, only if the delivery is still `unknown` (a worker that got there first wins).
 * Returns the recorded outcome's event, or `null` when the event matched nothing open.
 *
 * @example
 * ```ts
 * app.post('/wechat/callback/wx-main', async (req, res) => {
 *   await handlePlatformEvent({ store, accounts, accountId: 'wx-main', event: req.rawBody });
 *   res.send('success');
 * });
 * ```
 */
export async function handlePlatformEvent(options: HandlePlatformEventOptions): Promise<DeliveryOutcomeEvent | null> {
  parseOrThrow(optionsSchema, options, 'handlePlatformEvent options');
  const account = options.accounts.get(options.accountId);
  if (!account) throw validationError('handlePlatformEvent options', [{ path: ['accountId'], message: `no account "${options.accountId}"` }]);
  const interpreted = account.transport.handleEvent?.(options.event, account) ?? null;
  if (!interpreted) return null;
  const open = await options.store.list({ state: 'unknown', accountId: account.id, kind: 'publish' });
  const target = open.find((d) => Object.entries(interpreted.match).every(([k, v]) => String(d.progress?.[k] ?? '') === v));
  if (!target) return null;
  const at = (options.now ?? new Date()).toISOString();
  const r = interpreted.result;
  let update: DeliveryUpdate;
  let type: 'delivered' | 'delivery_retry' | 'delivery_failed';
  let extra: Parameters<typeof outcomeEvent>[4];
  if (r.status === 'sent') {
    // The ids saved while sending (e.g. WeChat's msg_data_id) belong in the receipt too.
    const known = Object.fromEntries(Object.entries(target.progress ?? {}).filter(([, v]) => typeof v === 'string'));
    const receipt = { ...known, ...r.receipt };
    update = { id: target.id, state: 'sent', receipt, error: null, unknownSince: null, updatedAt: at, history: { at, event: 'sent', attempt: target.attempts, receipt } };
    type = 'delivered';
    extra = { receipt };
  } else if (r.status === 'failed') {
    // The platform says it did not go out; a retryable refusal goes back to the queue.
    const state = r.error.retryable ? 'pending' : 'failed';
    update = { id: target.id, state, error: r.error, nextAttemptAt: at, unknownSince: null, updatedAt: at, history: { at, event: state === 'pending' ? 'retry' : 'failed', attempt: target.attempts, error: r.error } };
    type = state === 'pending' ? 'delivery_retry' : 'delivery_failed';
    extra = { error: r.error };
  } else {
    return null;
  }
  const guard: RecordGuard = { expectedStates: ['unknown'] };
  const after: Delivery = structuredClone(target);
  applyUpdate(after, structuredClone(update));
  const described = outcomeEvent(type, after, account.name, at, extra);
  const saved = options.recordOutcome ? await options.recordOutcome(update, guard, described) : await options.store.record(update, guard);
  const event = saved ? described : null;
  if (event) await options.onOutcome?.(event);
  return event;
}
