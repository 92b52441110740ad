import type { GovpubErrorCode } from '../errors/index';
import type { Actor, GovDocument, ReviewStep, Role } from '../document/index';

/** The actions `can()` answers for. `approve` and `reject` are the two review decisions. */
export const ACTIONS = [
  'update',
  'submit',
  'review',
  'approve',
  'reject',
  'schedule',
  'unschedule',
  'publish',
  'publishUrgent',
  'withdraw',
  'revise',
  'waive',
] as const;
/**
 * One of {@link ACTIONS}. `review` asks whether the actor may decide the current step at all
 * (approve or reject); `approve` and `reject` ask about one decision.
 */
export type Action = (typeof ACTIONS)[number];

/** Why an action is refused; `code` is the error the command would throw. */
export interface Reason {
  code: GovpubErrorCode;
  message: string;
}

/**
 * The roles each action needs: the actor must hold every role listed. Review decisions are
 * not listed here: each review step names the roles that may sign it (any one of them).
 */
export type Permissions = Readonly<Record<Exclude<Action, 'review' | 'approve' | 'reject'>, readonly Role[]>>;

/** Default permissions: authors write, publishers publish, urgent publishing needs both approver and publisher. */
export const DEFAULT_PERMISSIONS: Permissions = {
  update: ['author'],
  submit: ['author'],
  revise: ['author'],
  schedule: ['publisher'],
  unschedule: ['publisher'],
  publish: ['publisher'],
  withdraw: ['publisher'],
  publishUrgent: ['approver', 'publisher'],
  waive: ['approver'],
};

/** Default review steps: 三审, initial and secondary by a reviewer or approver, final by an approver. */
export const DEFAULT_REVIEW_STEPS: readonly ReviewStep[] = [
  { id: 'initial', roles: ['reviewer', 'approver'], label: '初审' },
  { id: 'secondary', roles: ['reviewer', 'approver'], label: '复审' },
  { id: 'final', roles: ['approver'], label: '终审' },
];

/**
 * What the policy decides: the {@link ACTIONS} on a document, and `create`, which has no
 * document yet and needs the roles of editing one (`permissions.update`).
 */
export type PolicyAction = Action | 'create';

/** Everything the policy looks at. Pure data: no storage, no clock. */
export interface PolicyInput {
  /** `null` only for `create`. */
  document: GovDocument | null;
  actor: Actor;
  action: PolicyAction;
  steps: readonly ReviewStep[];
  permissions: Permissions;
}

const isAdmin = (actor: Actor) => actor.roles.includes('admin');

/** The review step an approve/reject decides, or `null` when no review is open. */
export function stepUnderReview(document: GovDocument, steps: readonly ReviewStep[]): ReviewStep | null {
  const id =
    document.state === 'in_review'
      ? document.currentStep
      : document.state === 'published'
        ? (document.retrospectiveReview?.pendingSteps[0] ?? null)
        : null;
  return steps.find((s) => s.id === id) ?? null;
}

/**
 * Every reason the policy refuses `action` (roles, department, separation of duties);
 * empty when it allows it. Whether the document's state allows the action is the
 * machine's question, not this function's.
 */
export function policyReasons({ document, actor, action, steps, permissions }: PolicyInput): Reason[] {
  const reasons: Reason[] = [];
  const forbid = (message: string) => reasons.push({ code: 'FORBIDDEN', message });

  if (action === 'create' || document === null) {
    const missing = permissions.update.filter((r) => !actor.roles.includes(r));
    if (missing.length) forbid(`Creating a draft needs the role ${permissions.update.join(' + ')}; missing ${missing.join(', ')}`);
    return reasons;
  }

  if (action === 'review' || action === 'approve' || action === 'reject') {
    const step = stepUnderReview(document, steps);
    if (step && !step.roles.some((r) => actor.roles.includes(r))) {
      forbid(`Step "${step.id}" must be signed by one of: ${step.roles.join(', ')}`);
    }
    // With no review open there is no step to name, but an actor who could sign none of
    // them is still refused for that reason too.
    const reviewing = [...new Set(steps.flatMap((s) => s.roles))];
    if (!step && !reviewing.some((r) => actor.roles.includes(r))) {
      forbid(`Reviewing needs one of: ${reviewing.join(', ')}`);
    }
    if (actor.id === document.authorId) forbid('The author may not review their own draft');
    const signed = document.signatures.find((s) => s.actorId === actor.id);
    if (signed) forbid(`${actor.id} already signed step "${signed.step}" of this revision; each step needs a different person`);
    if (document.state === 'published' && document.retrospectiveReview?.actorId === actor.id) {
      forbid('Whoever published urgently may not review that publication after the fact');
    }
    if (document.department !== undefined && actor.department !== document.department && !isAdmin(actor)) {
      forbid(`Reviewers act only on documents of their own department (${document.department})`);
    }
    return reasons;
  }

  const needed = permissions[action];
  const missing = needed.filter((r) => !actor.roles.includes(r));
  if (missing.length) forbid(`${action} needs the role${needed.length > 1 ? 's' : ''} ${needed.join(' + ')}; missing ${missing.join(', ')}`);

  if (action === 'update' || action === 'submit' || action === 'revise') {
    const colleague = document.department !== undefined && actor.department === document.department;
    if (actor.id !== document.authorId && !colleague && !isAdmin(actor)) {
      forbid('Only the author or a colleague of the same department may edit, submit or revise this document');
    }
  }
  if (action === 'waive' && actor.id === document.authorId) forbid('The author may not waive findings on their own draft');
  return reasons;
}

/** True when the actor holds every role in `roles`. */
export function hasRoles(actor: Actor, roles: readonly Role[]): boolean {
  return roles.every((r) => actor.roles.includes(r));
}
