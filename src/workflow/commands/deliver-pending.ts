import * as z from 'zod';
import { deliverPending, handlePlatformEvent, WORKER_TUNING_SHAPE, type DeliverPendingResult, type DeliveryOutcomeEvent } from '../../delivery/index';
import { GovpubError, parseOrThrow } from '../../errors/index';
import type { CommandContext } from './context';
import { recordDeliveryOutcome } from './record-delivery';

/** What `publisher.deliverPending` takes; the publisher supplies the ledger, the accounts and the audit trail. */
export interface PublisherDeliverOptions {
  /** The time of this run; default the publisher's clock. */
  now?: Date;
  /** Most deliveries claimed in this run. Default 10. */
  limit?: number;
  /** This worker's id; default one made per publisher instance. Unique per process. */
  owner?: string;
  /** How long a claim holds (default 120 s; must exceed `timeoutMs` + 1 s). */
  leaseMs?: number;
  /** Per-attempt timeout (default 30 s). */
  timeoutMs?: number;
  /** Attempts before a retryable failure is `dead` (default 8). */
  maxAttempts?: number;
  /** Backoff between retries; `random` injectable for tests. */
  backoff?: { baseMs?: number; maxMs?: number; random?: () => number };
  /** How long before an `unknown` delivery is looked at again (default 60 s). */
  reconcileIntervalMs?: number;
  /** After this long `unknown`, a task for a person (default 24 h). */
  unknownTimeoutMs?: number;
  /** Called with each outcome after it is recorded (and in the audit trail). */
  onOutcome?: (event: DeliveryOutcomeEvent) => void | Promise<void>;
}

const optionsSchema = z
  .object({ ...WORKER_TUNING_SHAPE, owner: z.string().min(1).optional() })
  .strict();

/** The ledger and accounts, or the `VALIDATION` error saying which is missing. */
export function deliverySetup(ctx: CommandContext, method: string) {
  const store = ctx.storage.deliveries;
  const accounts = ctx.accounts;
  const issues = [
    ...(store ? [] : [{ path: ['storage', 'deliveries'], message: 'the storage adapter has no delivery ledger (memoryAdapter and postgresAdapter have one)' }]),
    ...(accounts ? [] : [{ path: ['accounts'], message: 'createPublisher({ accounts }) is needed to deliver' }]),
  ];
  if (!store || !accounts) throw new GovpubError('VALIDATION', `${method} needs accounts and a storage adapter with a delivery ledger`, { details: { issues } });
  return { store, accounts };
}

/**
 * `deliverPending`: one pass of the delivery worker over the publisher's ledger. Safe on every
 * instance at once. Each outcome is recorded together with its audit event in the document's
 * chain (one commit), so the ledger and the trail never disagree.
 */
export async function publisherDeliverPending(ctx: CommandContext, defaultOwner: string, raw: PublisherDeliverOptions = {}): Promise<DeliverPendingResult> {
  const options = parseOrThrow(optionsSchema, raw, 'deliverPending options') as PublisherDeliverOptions;
  const { store, accounts } = deliverySetup(ctx, 'deliverPending');
  const owner = options.owner ?? defaultOwner;
  return deliverPending({
    ...options,
    store,
    accounts,
    owner,
    now: options.now ?? ctx.now(),
    clock: () => ctx.now(),
    recordOutcome: (update, guard, event) => recordDeliveryOutcome(ctx, owner, update, guard, event),
  });
}

/** What `publisher.handlePlatformEvent` takes. */
export interface PublisherPlatformEvent {
  /** The account whose platform sent the event (from the callback URL the host registered). */
  accountId: string;
  /** The event as received (WeChat: the XML body, or the parsed message object). */
  event: unknown;
  now?: Date;
}

/** `handlePlatformEvent`: settles the `unknown` delivery a platform event is about, with its audit event. */
export async function publisherHandlePlatformEvent(ctx: CommandContext, input: PublisherPlatformEvent): Promise<DeliveryOutcomeEvent | null> {
  const { store, accounts } = deliverySetup(ctx, 'handlePlatformEvent');
  if (typeof input !== 'object' || input === null) throw new GovpubError('VALIDATION', 'handlePlatformEvent needs { accountId, event }', { details: { issues: [{ path: [], message: 'expected an object' }] } });
  return handlePlatformEvent({
    store,
    accounts,
    accountId: input.accountId,
    event: input.event,
    now: input.now ?? ctx.now(),
    recordOutcome: (update, guard, event) => recordDeliveryOutcome(ctx, `platform:${input.accountId}`, update, guard, event),
  });
}
