import type { Actor, GovDocument, Waiver } from '../../document/index';
import { parseOrThrow, validationError } from '../../errors/index';
import { collectFindings } from '../gates/run-gates';
import { waiverAnchor } from '../gates/waiver-anchor';
import { waiverInputSchema, type WaiverInput } from '../schemas';
import { resolveChannels } from './channels';
import type { CommandContext } from './context';
import { runCommand } from './template';

/**
 * `waive`: an approver lets one error finding pass the gates, with a reason, for this
 * revision. The finding must exist now (the gates are run to see it) and come from a gate
 * that honours waivers; the waiver is bound to the excerpt in its context, so an edit that
 * touches it voids the waiver. Each current occurrence of the excerpt gets its own binding.
 */
export async function waive(ctx: CommandContext, id: string, actor: Actor, rawWaiver: WaiverInput): Promise<GovDocument> {
  const waiver = parseOrThrow(waiverInputSchema, rawWaiver, 'waiver');
  return runCommand<GovDocument>(ctx, {
    id,
    actor,
    action: 'waive',
    event: { type: 'WAIVE' },
    compute: async ({ document: doc, actor: a, at }) => {
      const phase = doc.state === 'approved' ? 'publish' : 'submit';
      const found = await collectFindings(ctx.gates, { phase, document: doc, actor: a, now: at, channels: resolveChannels(ctx, doc.channels) });
      const errors = found.filter(({ finding }) => finding.severity === 'error' && finding.ruleId === waiver.ruleId);
      const matching = errors.filter(({ finding }) => finding.excerpt === waiver.excerpt);
      const honoured = matching.filter(({ gate }) => gate.waivable !== false);
      if (!honoured.length) {
        const message = matching.length
          ? `findings of the "${matching[0]!.gate.id}" gate cannot be waived: they are enforced again at publishing; fix the text or the channel options`
          : errors.length
            ? `no "${waiver.ruleId}" error with excerpt ${JSON.stringify(waiver.excerpt)} now; current excerpts: ${[...new Set(errors.map(({ finding }) => JSON.stringify(finding.excerpt)))].join(', ')}`
            : `no gate reports a "${waiver.ruleId}" error on this document now; a waiver names a finding that exists`;
        throw validationError('waiver', [{ path: [matching.length || !errors.length ? 'ruleId' : 'excerpt'], message }]);
      }
      const stamp = at.toISOString();
      const added: Waiver[] = honoured.map(({ finding }) => ({ ...waiver, actorId: a.id, at: stamp, revision: doc.revision, anchor: waiverAnchor(doc, finding) }));
      return {
        document: { ...doc, waivers: [...doc.waivers, ...added] },
        events: [{ type: 'waived', data: { ruleId: waiver.ruleId, excerpt: waiver.excerpt, reason: waiver.reason, anchors: added.map((w) => w.anchor) } }],
      };
    },
  });
}
