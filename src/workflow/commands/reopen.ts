import type { Actor, GovDocument } from '../../document/index';
import { parseOrThrow } from '../../errors/index';
import { reasonSchema } from '../schemas';
import type { CommandContext } from './context';
import { runCommand } from './template';

/**
 * `reopen`: takes an approved or scheduled document back to `draft`, with a reason, so what
 * was found after the last signature can be fixed. The signatures (and any schedule) are
 * cleared: the text may change, so it is reviewed again. Allowed for the author's side (who
 * wrote the revision) and for an approver of its department.
 */
export async function reopen(ctx: CommandContext, id: string, actor: Actor, rawReason: string): Promise<GovDocument> {
  const reason = parseOrThrow(reasonSchema, rawReason, 'reopening reason');
  return runCommand<GovDocument>(ctx, {
    id,
    actor,
    action: 'reopen',
    event: { type: 'REOPEN' },
    compute: ({ document: doc, moved }) => ({
      document: { ...moved, signatures: [], findings: [], scheduledAt: null, currentStep: null },
      events: [
        {
          type: 'reopened',
          data: { reason, from: doc.state, clearedSignatures: doc.signatures.map((s) => s.step), ...(doc.scheduledAt ? { unscheduled: doc.scheduledAt } : {}) },
        },
      ],
    }),
  });
}
