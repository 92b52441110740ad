import type { Actor, GovDocument } from '../../document/index';
import { actorSchema } from '../../document/index';
import { GovpubError, parseOrThrow } from '../../errors/index';
import type { MachineEvent } from '../machine';
import { isRetrospective, stepUnderReview } from '../policy';
import { reason } from '../reasons';
import { reviewDecisionSchema, type ReviewDecision } from '../schemas';
import type { CommandContext } from './context';
import { loadDocument, runCommand, withoutUndefined } from './template';

/**
 * `review`: signs or rejects the current step. Outside `in_review`, on a document whose live
 * revision was published urgently, it signs (or disputes) a step owed after the fact.
 */
export async function review(ctx: CommandContext, id: string, rawActor: Actor, rawDecision: ReviewDecision): Promise<GovDocument> {
  const decision = parseOrThrow(reviewDecisionSchema, rawDecision, 'review decision');
  parseOrThrow(actorSchema, rawActor, 'actor');
  // Whether this signs a retrospective step depends on the state; the template re-reads the
  // document and the machine re-checks, so a change in between is refused, not misapplied.
  const probe = await loadDocument(ctx, id);
  const retrospective = isRetrospective(probe);
  if (retrospective && decision.decision === 'reject') {
    // Same reason as can(id, actor, 'reject') gives: the machine has no REJECT outside in_review.
    const why = reason('WRONG_STATE', 'INVALID_TRANSITION', { id, state: probe.state, action: 'reject' }, ctx.locale);
    throw new GovpubError('INVALID_TRANSITION', `${why.message} (a publication is disputed or withdrawn, not rejected)`, { details: { state: probe.state, reasons: [why] } });
  }
  const event: MachineEvent =
    decision.decision === 'dispute'
      ? { type: 'DISPUTE' }
      : retrospective
        ? { type: 'SIGN_RETROSPECTIVE' }
        : decision.decision === 'approve'
          ? { type: 'APPROVE_STEP' }
          : { type: 'REJECT' };
  return runCommand<GovDocument>(ctx, {
    id,
    actor: rawActor,
    action: decision.decision,
    event,
    compute: ({ document: doc, moved, actor, at }) => {
      const step = stepUnderReview(doc, ctx.steps)!;
      const comment = decision.comment;
      if (decision.decision === 'dispute') {
        const live = doc.published!;
        return {
          document: { ...doc, dispute: { actorId: actor.id, at: at.toISOString(), reason: comment!, revision: live.revision } },
          events: [{ type: 'disputed', data: { step: step.id, reason: comment, revision: live.revision } }],
        };
      }
      if (decision.decision === 'reject') {
        return {
          document: { ...moved, signatures: [] },
          events: [{ type: 'rejected', data: withoutUndefined({ step: step.id, comment }) }],
        };
      }
      const signature = withoutUndefined({ step: step.id, actorId: actor.id, at: at.toISOString(), comment });
      if (retrospective) {
        const owed = doc.retrospectiveReview!;
        const pendingSteps = owed.pendingSteps.slice(1);
        const signatures = [...(owed.signatures ?? []), signature];
        return {
          document: {
            ...doc,
            // While the live revision is also the current one, its signatures are the document's.
            signatures: doc.state === 'published' && doc.revision === doc.published?.revision ? [...doc.signatures, signature] : doc.signatures,
            retrospectiveReview: pendingSteps.length ? { ...owed, pendingSteps, signatures } : null,
          },
          events: [{ type: 'approved', data: withoutUndefined({ step: step.id, comment, retrospective: true, revision: doc.published?.revision }) }],
        };
      }
      return {
        document: { ...moved, signatures: [...doc.signatures, signature] },
        events: [{ type: 'approved', data: withoutUndefined({ step: step.id, comment }) }],
      };
    },
  });
}
