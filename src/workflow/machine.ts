import { setup, assign } from 'xstate';

/** What the machine needs to decide a transition; derived from the stored document. */
export interface MachineContext {
  /** Number of review steps in the policy. */
  stepCount: number;
  /** Index of the step awaiting a signature while `in_review`. */
  stepIndex: number;
  /** A published revision is live (published and not withdrawn). */
  live: boolean;
  /** Steps still owed after an urgent publication. */
  retrospectivePending: number;
}

/** Commands as the machine sees them. Policy (who may) is decided elsewhere: see `policy.ts`. */
export type MachineEvent =
  | { type: 'EDIT' }
  | { type: 'SUBMIT' }
  | { type: 'APPROVE_STEP' }
  | { type: 'REJECT' }
  | { type: 'SCHEDULE' }
  | { type: 'UNSCHEDULE' }
  | { type: 'PUBLISH' }
  | { type: 'PUBLISH_URGENT' }
  | { type: 'SIGN_RETROSPECTIVE' }
  | { type: 'WITHDRAW' }
  | { type: 'REVISE' }
  | { type: 'WAIVE' }
  | { type: 'REOPEN' }
  | { type: 'DISPUTE' };

/**
 * The document lifecycle as an xstate v5 machine. It holds no data and performs no I/O:
 * the publisher restores a snapshot from the stored document, asks `transition()` for the
 * next one, and commits. See `docs/workflow.md` for the diagram.
 */
export const documentMachine = setup({
  types: {
    context: {} as MachineContext,
    events: {} as MachineEvent,
    input: {} as { stepCount: number },
  },
  guards: {
    isLastStep: ({ context }) => context.stepIndex + 1 >= context.stepCount,
    isLive: ({ context }) => context.live,
    retrospectiveOwed: ({ context }) => context.retrospectivePending > 0 && context.live,
  },
  // Only the review step index is read back from a transition (the publisher stores the
  // rest on the document and rebuilds the context from it), so only it is assigned.
  actions: {
    startReview: assign({ stepIndex: 0 }),
    nextStep: assign({ stepIndex: ({ context }) => context.stepIndex + 1 }),
    // xstate's can() reports a transition with neither target nor action as not taken, so the
    // state-independent retrospective events name this no-op: the state stays what it is.
    stayPut: () => {},
  },
}).createMachine({
  id: 'document',
  initial: 'draft',
  context: ({ input }) => ({ stepCount: input.stepCount, stepIndex: 0, live: false, retrospectivePending: 0 }),
  // A live revision can be withdrawn whatever its successor revision is doing: taking
  // wrong content down must never wait for a review to finish.
  // Likewise the review owed after an urgent publication concerns the live revision, so it can
  // be signed (or disputed) whatever the next revision is doing; the publisher sends these
  // events only outside `in_review`, where a signature belongs to the revision under review.
  on: {
    WITHDRAW: { guard: 'isLive', target: '.withdrawn' },
    SIGN_RETROSPECTIVE: { guard: 'retrospectiveOwed', actions: 'stayPut' },
    DISPUTE: { guard: 'retrospectiveOwed', actions: 'stayPut' },
  },
  states: {
    draft: {
      on: {
        EDIT: { target: 'draft' },
        WAIVE: { target: 'draft' },
        SUBMIT: { target: 'in_review', actions: 'startReview' },
        PUBLISH_URGENT: { target: 'published' },
      },
    },
    in_review: {
      on: {
        APPROVE_STEP: [
          { guard: 'isLastStep', target: 'approved', actions: 'nextStep' },
          { target: 'in_review', actions: 'nextStep' },
        ],
        REJECT: { target: 'rejected' },
        WAIVE: { target: 'in_review' },
        PUBLISH_URGENT: { target: 'published' },
      },
    },
    rejected: {
      on: {
        EDIT: { target: 'draft' },
        WAIVE: { target: 'rejected' },
        SUBMIT: { target: 'in_review', actions: 'startReview' },
      },
    },
    // REOPEN is the way back when something is found after the last signature (a channel
    // refuses the text, the facts changed): without it an approved document was a dead end.
    approved: {
      on: {
        SCHEDULE: { target: 'scheduled' },
        PUBLISH: { target: 'published' },
        WAIVE: { target: 'approved' },
        REOPEN: { target: 'draft' },
      },
    },
    scheduled: {
      on: {
        SCHEDULE: { target: 'scheduled' },
        UNSCHEDULE: { target: 'approved' },
        PUBLISH: { target: 'published' },
        REOPEN: { target: 'draft' },
      },
    },
    published: {
      on: {
        REVISE: { target: 'draft' },
      },
    },
    withdrawn: {
      on: {
        REVISE: { target: 'draft' },
      },
    },
  },
});
