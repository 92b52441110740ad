import type { Actor, GovDocument } from '../../document/index';
import { parseOrThrow } from '../../errors/index';
import { reasonSchema } from '../schemas';
import type { CommandContext } from './context';
import { runCommand } from './template';
import { removalSummary, withdrawalLedger } from './publish-deliveries';

/** `withdraw`: takes the live revision down, whatever its successor revision is doing. */
export async function withdraw(ctx: CommandContext, id: string, actor: Actor, rawReason: string): Promise<GovDocument> {
  const reason = parseOrThrow(reasonSchema, rawReason, 'withdrawal reason');
  return runCommand<GovDocument>(ctx, {
    id,
    actor,
    action: 'withdraw',
    event: { type: 'WITHDRAW' },
    compute: async ({ document: doc, moved, actor: a, at }) => {
      // Withdrawal propagates (issue 14): a removal per account the document went out on,
      // and pending publications cancelled, in this same commit.
      const ledger = await withdrawalLedger(ctx, doc, at);
      const removals = ledger ? removalSummary(ledger.removals) : undefined;
      return {
        document: {
          // Taking the revision down settles a dispute and the review owed on it.
          ...withoutDispute(moved),
          scheduledAt: null,
          retrospectiveReview: null,
          published: { ...doc.published!, withdrawn: { at: at.toISOString(), by: a.id, reason } },
        },
        events: [{ type: 'withdrawn', data: { reason, revision: doc.published!.revision, ...(removals ? { removals } : {}) } }],
        ...(ledger ? { deliveries: ledger.write } : {}),
      };
    },
  });
}

function withoutDispute(doc: GovDocument): GovDocument {
  const { dispute: _dispute, ...rest } = doc;
  return rest;
}
