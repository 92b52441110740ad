import type { DeliveryOutcomeEvent } from '../../delivery/index';
import type { Actor } from '../../document/index';
import { GovpubError, isGovpubError } from '../../errors/index';
import type { Delivery, DeliveryUpdate, KeyedMutex, RecordGuard } from '../../storage/index';
import { createKeyedMutex } from '../../storage/index';
import type { CommandContext } from './context';
import { commitChange } from './template';

/** Who the audit trail names for a delivery outcome: the worker, not a person (no roles). */
export function deliveryActor(owner: string): Actor {
  return { id: `delivery:${owner}`, roles: [] };
}

// A busy document (reviewers signing a new revision while its deliveries report back) may
// move between our read and our commit; each retry re-reads it. Far more than ever needed.
const MAX_TRIES = 25;

// Outcomes of one document recorded by this publisher queue behind each other: a worker's
// batch often holds several accounts of one document, and letting them race for the same
// document version only turned into CONFLICT retries (each a read and a failed commit).
const queues = new WeakMap<CommandContext, KeyedMutex>();

/**
 * Records a delivery outcome and appends its audit event (`delivered`, `delivery_failed`,
 * `removed`, …, with the receipt or error in `data`) in ONE commit of the document: the
 * ledger update travels as a required part of the commit, so either both are written or
 * neither (issue 14). The event goes through the normal commit path — chained, digested,
 * signed with the publisher's signer — so `verifyHistory` holds after deliveries.
 *
 * Resolves to the stored delivery, or `null` when the ledger guard no longer holds (another
 * worker took the lease over, or a platform event settled it first). A document that moved
 * meanwhile is re-read and the event appended to its new head.
 */
export async function recordDeliveryOutcome(ctx: CommandContext, owner: string, update: DeliveryUpdate, guard: RecordGuard, event: DeliveryOutcomeEvent): Promise<Delivery | null> {
  let queue = queues.get(ctx);
  if (!queue) queues.set(ctx, (queue = createKeyedMutex()));
  return queue.run(event.documentId, () => appendOutcome(ctx, owner, update, guard, event));
}

async function appendOutcome(ctx: CommandContext, owner: string, update: DeliveryUpdate, guard: RecordGuard, event: DeliveryOutcomeEvent): Promise<Delivery | null> {
  const ledger = ctx.storage.deliveries;
  if (!ledger) throw new GovpubError('VALIDATION', 'The storage adapter has no delivery ledger', { details: { issues: [{ path: ['storage', 'deliveries'], message: 'required to record delivery outcomes' }] } });
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const doc = await ctx.storage.getDocument(event.documentId);
    // A ledger row whose document is not in this storage (enqueued by hand): ledger only.
    if (!doc) return ledger.record(update, guard);
    try {
      const { documentId: _d, ...data } = event;
      await commitChange(
        ctx,
        doc,
        { document: structuredClone(doc), events: [{ type: event.type, data: data as unknown as Record<string, unknown> }], deliveries: { enqueue: [], updates: [{ update, guard, required: true }] } },
        deliveryActor(owner),
        new Date(event.at),
      );
      return (await ledger.get(update.id)) ?? null;
    } catch (e) {
      if (!isGovpubError(e) || e.code !== 'CONFLICT') throw e;
      // The ledger refused: the lease (or the expected state) is gone, nothing was written.
      if ((e.details as { deliveryId?: unknown } | undefined)?.deliveryId !== undefined) return null;
      // The document moved on: append to its new head.
    }
  }
  throw new GovpubError('CONFLICT', `Could not append the delivery outcome to document ${event.documentId}: it kept changing`, { details: { id: event.documentId, deliveryId: update.id } });
}
