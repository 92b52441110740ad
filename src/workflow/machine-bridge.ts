import { transition } from 'xstate';
import { documentMachine, type MachineEvent } from './machine';
import type { GovDocument, ReviewStep } from '../document/index';

/**
 * The review steps that govern a document: those stored with it when it was submitted, else
 * the instance's. A document submitted under 三审 stays under 三审 whichever instance reviews it.
 */
export function stepsFor(document: GovDocument, steps: readonly ReviewStep[]): readonly ReviewStep[] {
  return document.reviewSteps && document.reviewSteps.length > 0 ? document.reviewSteps : steps;
}

/** The machine snapshot that corresponds to a stored document. */
export function snapshotOf(document: GovDocument, steps: readonly ReviewStep[]) {
  const index = steps.findIndex((s) => s.id === document.currentStep);
  return documentMachine.resolveState({
    value: document.state,
    context: {
      stepCount: steps.length,
      stepIndex: index < 0 ? 0 : index,
      live: document.published !== null && document.published.withdrawn === null,
      retrospectivePending: document.retrospectiveReview?.pendingSteps.length ?? 0,
    },
  });
}

/** The machine's answer for one event: the next state and step, or `null` if not allowed. */
export function decide(
  document: GovDocument,
  steps: readonly ReviewStep[],
  event: MachineEvent,
): { state: GovDocument['state']; currentStep: string | null } | null {
  steps = event.type === 'SUBMIT' ? steps : stepsFor(document, steps);
  const snapshot = snapshotOf(document, steps);
  if (!snapshot.can(event)) return null;
  const [next] = transition(documentMachine, snapshot, event);
  const state = next.value as GovDocument['state'];
  return { state, currentStep: state === 'in_review' ? (steps[next.context.stepIndex]?.id ?? null) : null };
}
