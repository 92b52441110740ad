import type { Actor, GovDocument } from '../../document/index';
import { parseOrThrow } from '../../errors/index';
import { waiverInputSchema, type WaiverInput } from '../schemas';
import type { CommandContext } from './context';
import { runCommand } from './template';

/** `waive`: an approver lets one error finding pass the gates, with a reason, for this revision. */
export async function waive(ctx: CommandContext, id: string, actor: Actor, rawWaiver: WaiverInput): Promise<GovDocument> {
  const waiver = parseOrThrow(waiverInputSchema, rawWaiver, 'waiver');
  return runCommand<GovDocument>(ctx, {
    id,
    actor,
    action: 'waive',
    event: { type: 'WAIVE' },
    compute: ({ document: doc, actor: a, at }) => ({
      document: { ...doc, waivers: [...doc.waivers, { ...waiver, actorId: a.id, at: at.toISOString(), revision: doc.revision }] },
      events: [{ type: 'waived', data: { ruleId: waiver.ruleId, excerpt: waiver.excerpt, reason: waiver.reason } }],
    }),
  });
}
