import type { Actor, GovDocument } from '../../document/index';
import { parseOrThrow } from '../../errors/index';
import type { PublishResult } from '../publisher-types';
import { stepsFor } from '../machine-bridge';
import { reasonSchema } from '../schemas';
import type { CommandContext } from './context';
import { publishRevision, type PublishedRevisionChange } from './publish-revision';
import { assertTrailIntact } from './history-check';
import { runCommand } from './template';
import { mergeLedgerWrites, publicationLedger, removalSummary, supersededLedger } from './publish-deliveries';

/** `publishUrgent`: publishes before review completes; the steps not yet signed are owed afterwards. */
export async function publishUrgent(ctx: CommandContext, id: string, actor: Actor, rawReason: string): Promise<PublishResult> {
  const reason = parseOrThrow(reasonSchema, rawReason, 'urgent publishing reason');
  let published: PublishedRevisionChange | undefined;
  const document = await runCommand<GovDocument>(ctx, {
    id,
    actor,
    action: 'publishUrgent',
    event: { type: 'PUBLISH_URGENT' },
    compute: async ({ document: doc, moved, actor: a, at }) => {
      // Only what review signed goes out: not a document edited behind its trail's back.
      await assertTrailIntact(ctx, doc);
      const reviewing = doc.state === 'in_review';
      const signedSteps = new Set(reviewing ? doc.signatures.map((s) => s.step) : []);
      const steps = reviewing ? stepsFor(doc, ctx.steps) : ctx.steps;
      const pendingSteps = steps.map((s) => s.id).filter((s) => !signedSteps.has(s));
      published = await publishRevision(ctx, moved, a, at);
      // One pending delivery per target account, in this same commit; nothing is sent here.
      const ledger = publicationLedger(ctx, published.document, published.outputs, at);
      const superseded = await supersededLedger(ctx, doc, at);
      const deliveries = mergeLedgerWrites(ledger?.write, superseded?.write);
      return {
        document: {
          ...published.document,
          signatures: reviewing ? doc.signatures : [],
          reviewSteps: steps.map((s) => ({ ...s, roles: [...s.roles] })),
          retrospectiveReview: { reason, actorId: a.id, at: at.toISOString(), pendingSteps, signatures: reviewing ? doc.signatures : [] },
        },
        events: [{ type: 'published', data: { urgent: true, reason, pendingSteps, outputs: published.eventOutputs, ...published.eventRecord, ...(ledger ? { deliveries: ledger.summary } : {}), ...(superseded ? { removals: removalSummary(superseded.removals) } : {}) } }],
        ...(deliveries ? { deliveries } : {}),
      };
    },
  });
  return { document, outputs: published!.outputs };
}
