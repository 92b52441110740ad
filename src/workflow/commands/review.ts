import type { Actor, GovDocument } from '../../document/index';
import { actorSchema } from '../../document/index';
import { GovpubError, parseOrThrow } from '../../errors/index';
import type { MachineEvent } from '../machine';
import { stepUnderReview } from '../policy';
import { reviewDecisionSchema, type ReviewDecision } from '../schemas';
import type { CommandContext } from './context';
import { loadDocument, runCommand, withoutUndefined } from './template';

/** `review`: signs or rejects the current step; on a published document, signs a step owed after urgent publishing. */
export async function review(ctx: CommandContext, id: string, rawActor: Actor, rawDecision: ReviewDecision): Promise<GovDocument> {
  const decision = parseOrThrow(reviewDecisionSchema, rawDecision, 'review decision');
  parseOrThrow(actorSchema, rawActor, 'actor');
  // Whether this signs a retrospective step depends on the state; the template re-reads the
  // document and the machine re-checks, so a change in between is refused, not misapplied.
  const probe = await loadDocument(ctx, id);
  const retrospective = probe.state === 'published';
  if (retrospective && decision.decision === 'reject') {
    throw new GovpubError('INVALID_TRANSITION', 'A published document cannot be rejected after the fact; withdraw it instead', { details: { state: probe.state } });
  }
  const event: MachineEvent = retrospective ? { type: 'SIGN_RETROSPECTIVE' } : decision.decision === 'approve' ? { type: 'APPROVE_STEP' } : { type: 'REJECT' };
  return runCommand<GovDocument>(ctx, {
    id,
    actor: rawActor,
    action: decision.decision,
    event,
    compute: ({ document: doc, moved, actor, at }) => {
      const step = stepUnderReview(doc, ctx.steps)!;
      const comment = decision.comment;
      if (decision.decision === 'reject') {
        return {
          document: { ...moved, signatures: [] },
          events: [{ type: 'rejected', data: withoutUndefined({ step: step.id, comment }) }],
        };
      }
      const signature = withoutUndefined({ step: step.id, actorId: actor.id, at: at.toISOString(), comment });
      if (retrospective) {
        const pendingSteps = doc.retrospectiveReview!.pendingSteps.slice(1);
        return {
          document: {
            ...doc,
            signatures: [...doc.signatures, signature],
            retrospectiveReview: pendingSteps.length ? { ...doc.retrospectiveReview!, pendingSteps } : null,
          },
          events: [{ type: 'approved', data: withoutUndefined({ step: step.id, comment, retrospective: true }) }],
        };
      }
      return {
        document: { ...moved, signatures: [...doc.signatures, signature] },
        events: [{ type: 'approved', data: withoutUndefined({ step: step.id, comment }) }],
      };
    },
  });
}
