import type { ChannelOutput } from '../../channels/index';
import { planDeliveries, planRemovals, type RemovalCause } from '../../delivery/index';
import type { GovDocument } from '../../document/index';
import type { Delivery, LedgerWrite } from '../../storage/index';
import type { CommandContext } from './context';

/** The ledger part of a publishing commit, and what the `published` event says about it. */
export interface PublicationLedger {
  write: LedgerWrite;
  /** For the `published` event's data: one line per delivery written. */
  summary: { deliveryId: string; accountId: string; idempotencyKey: string; payloadHash: string }[];
}

/**
 * The deliveries a publication writes in its own commit (issue 14): one `pending` row per
 * target account, with the payload formatted for that account, its hash and its idempotency
 * key (document, revision, account). `null` when the publisher has no accounts or its storage
 * no ledger (the host then delivers the returned outputs itself, as before). Targets without
 * an account (a channel no account is configured for) are left to the host the same way.
 */
export function publicationLedger(ctx: CommandContext, doc: GovDocument, outputs: readonly ChannelOutput[], at: Date): PublicationLedger | null {
  const accounts = ctx.accounts;
  if (!accounts || !ctx.storage.deliveries) return null;
  const targets = doc.channels.filter((t) => accounts.get(t) ?? accounts.defaultFor(t));
  if (targets.length === 0) return null;
  const payloads = Object.fromEntries(outputs.map((o) => [o.channel, o.payload as Record<string, unknown>]));
  const enqueue = planDeliveries({ documentId: doc.id, revision: doc.revision, level: doc.level, targets, payloads, now: at, idGenerator: () => ctx.newId() }, accounts);
  return {
    write: { enqueue },
    summary: enqueue.map((d) => ({ deliveryId: d.id, accountId: d.accountId, idempotencyKey: d.idempotencyKey, payloadHash: d.payloadHash })),
  };
}

/**
 * The ledger part of publishing a new revision while an earlier one is live (revise, then
 * publish the correction): the earlier revisions' publications are taken down the way a
 * withdrawal takes them down, so the wrong version does not stay up beside the corrected one.
 * Platforms that cannot remove (SMS, Weibo's share API) get a task for a person, as on
 * withdrawal. `null` when nothing earlier went out through the ledger.
 */
export async function supersededLedger(ctx: CommandContext, doc: GovDocument, at: Date): Promise<RemovalLedger | null> {
  const live = doc.published;
  if (!live || live.withdrawn || live.revision >= doc.revision) return null;
  const part = await removalLedger(ctx, doc, at, 'superseded', (d) => d.revision < doc.revision);
  return part && (part.write.enqueue.length || part.write.updates?.length) ? part : null;
}

/** What a `withdrawn` or `published` event says about the removals its commit enqueued. */
export function removalSummary(removals: readonly Delivery[]): { deliveryId: string; accountId: string; removes: string | undefined }[] {
  return removals.map((d) => ({ deliveryId: d.id, accountId: d.accountId, removes: d.removes }));
}

/** One ledger write from two parts of the same commit. */
export function mergeLedgerWrites(a: LedgerWrite | undefined, b: LedgerWrite | undefined): LedgerWrite | undefined {
  if (!a) return b;
  if (!b) return a;
  return { enqueue: [...a.enqueue, ...b.enqueue], updates: [...(a.updates ?? []), ...(b.updates ?? [])] };
}

/**
 * The ledger part of a withdrawal's commit: one removal per publication that is (or may be)
 * out, and the cancellation of publications not yet sent (skipped, not refused, if a worker
 * claimed one meanwhile: its removal then waits for the outcome and takes it down).
 */
export async function withdrawalLedger(ctx: CommandContext, doc: GovDocument, at: Date): Promise<RemovalLedger | null> {
  return removalLedger(ctx, doc, at, 'withdrawn');
}

/** A removal part of a commit: the ledger write and the removals it enqueues. */
export interface RemovalLedger {
  write: LedgerWrite;
  removals: Delivery[];
}

/** `planRemovals` over the document's ledger rows that `keep` selects; `null` without a ledger, accounts or rows. */
async function removalLedger(ctx: CommandContext, doc: GovDocument, at: Date, because: RemovalCause, keep: (d: Delivery) => boolean = () => true): Promise<RemovalLedger | null> {
  const ledger = ctx.storage.deliveries;
  if (!ledger || !ctx.accounts) return null;
  const rows = (await ledger.forDocument(doc.id)).filter(keep);
  if (rows.length === 0) return null;
  const write = planRemovals(rows, { now: at, idGenerator: () => ctx.newId(), because });
  return { write, removals: write.enqueue };
}
