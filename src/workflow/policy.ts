import { sameIdentity, type Actor, type GovDocument, type ReviewStep, type Role } from '../document/index';
import { stepsFor } from './machine-bridge';

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
  'reopen',
  'dispute',
] as const;
/**
 * One of {@link ACTIONS}. `review` asks whether the actor may decide the current step at all
 * (approve or reject); `approve` and `reject` ask about one decision.
 */
export type Action = (typeof ACTIONS)[number];

import { reason, type Locale, type Reason, type ReasonCode } from './reasons';
export type { Reason } from './reasons';

/**
 * The roles each action needs: the actor must hold every role listed. Review decisions are
 * not listed here: each review step names the roles that may sign it (any one of them).
 */
export type Permissions = Readonly<Record<Exclude<Action, SpeciallyRuledAction>, readonly Role[]>>;

/**
 * Actions whose rule is not a list of roles: review decisions (the step names the roles),
 * `reopen` (the author's side or an approver) and `dispute` (a retrospective reviewer).
 */
export type SpeciallyRuledAction = 'review' | 'approve' | 'reject' | 'reopen' | 'dispute';
/** The {@link SpeciallyRuledAction}s, for validating `permissions`. */
export const SPECIALLY_RULED_ACTIONS: readonly SpeciallyRuledAction[] = ['review', 'approve', 'reject', 'reopen', 'dispute'];

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
  /** The language of the reasons' messages; default Chinese. */
  locale?: Locale;
}

const isAdmin = (actor: Actor) => actor.roles.includes('admin');

/** The review step an approve/reject decides, or `null` when no review is open. */
export function stepUnderReview(document: GovDocument, steps: readonly ReviewStep[]): ReviewStep | null {
  const id = document.state === 'in_review' ? document.currentStep : (document.retrospectiveReview?.pendingSteps[0] ?? null);
  return stepsFor(document, steps).find((s) => s.id === id) ?? null;
}

/** Whether a review decision now concerns the live revision (owed after an urgent publication), not a revision in review. */
export function isRetrospective(document: GovDocument): boolean {
  return document.state !== 'in_review' && document.retrospectiveReview !== null && (document.retrospectiveReview.pendingSteps.length ?? 0) > 0;
}

/** Whether the actor wrote the current revision: its author, or anyone who edited it. */
export function wroteRevision(document: GovDocument, actor: Actor): boolean {
  return sameIdentity(actor.id, document.authorId) || (document.editors ?? []).some((id) => sameIdentity(id, actor.id));
}

/**
 * Every reason the policy refuses `action` (roles, department, separation of duties);
 * empty when it allows it. Whether the document's state allows the action is the
 * machine's question, not this function's.
 */
export function policyReasons({ document, actor, action, steps, permissions, locale = 'zh' }: PolicyInput): Reason[] {
  const reasons: Reason[] = [];
  const forbid = (code: ReasonCode, params: Record<string, unknown> = {}) => reasons.push(reason(code, 'FORBIDDEN', params, locale));

  if (action === 'create' || document === null) {
    const missing = permissions.update.filter((r) => !actor.roles.includes(r));
    if (missing.length) forbid('MISSING_ROLE', { action: 'create', roles: permissions.update, missing });
    return reasons;
  }

  if (action === 'review' || action === 'approve' || action === 'reject' || action === 'dispute') {
    const retrospective = isRetrospective(document);
    const step = stepUnderReview(document, steps);
    if (step && !step.roles.some((r) => actor.roles.includes(r))) {
      forbid('MISSING_ROLE', { action, step: step.id, stepLabel: step.label ?? step.id, roles: step.roles });
    }
    // With no review open there is no step to name, but an actor who could sign none of
    // them is still refused for that reason too.
    const reviewing = [...new Set(stepsFor(document, steps).flatMap((s) => s.roles))];
    if (!step && !reviewing.some((r) => actor.roles.includes(r))) {
      forbid('MISSING_ROLE', { action, roles: reviewing, missing: reviewing });
    }
    if (sameIdentity(actor.id, document.authorId)) forbid('SELF_REVIEW', { action });
    else if (!retrospective && wroteRevision(document, actor)) forbid('EDITED_THIS_REVISION', { action });
    const signatures = retrospective ? (document.retrospectiveReview?.signatures ?? []) : document.signatures;
    const signed = signatures.find((s) => sameIdentity(s.actorId, actor.id));
    if (signed) {
      const label = stepsFor(document, steps).find((st) => st.id === signed.step)?.label;
      forbid('SIGNED_OTHER_STEP', { actorId: actor.id, step: signed.step, stepLabel: label ?? signed.step });
    }
    if (retrospective && sameIdentity(document.retrospectiveReview?.actorId, actor.id)) {
      forbid('URGENT_PUBLISHER_REVIEW', { action });
    }
    // Scoping never falls open: a document without a department is reviewed only by actors
    // without one (or admins), as a document with one is reviewed only inside it.
    if (!sameIdentity(actor.department, document.department) && !isAdmin(actor)) {
      forbid('WRONG_DEPARTMENT', { action, department: document.department ?? null, actorDepartment: actor.department ?? null });
    }
    return reasons;
  }

  if (action === 'reopen') {
    // The author's side (who wrote the revision, holding author) or an approver of the department.
    const authorSide = actor.roles.includes('author') && wroteRevision(document, actor);
    const approverSide = actor.roles.includes('approver') && (sameIdentity(actor.department, document.department) || isAdmin(actor));
    if (!authorSide && !approverSide) forbid('NOT_AUTHOR_SIDE_OR_APPROVER', { action });
    return reasons;
  }

  const needed = permissions[action];
  const missing = needed.filter((r) => !actor.roles.includes(r));
  if (missing.length) forbid('MISSING_ROLE', { action, roles: needed, missing });

  if (action === 'update' || action === 'submit' || action === 'revise') {
    const colleague = document.department !== undefined && sameIdentity(actor.department, document.department);
    if (!sameIdentity(actor.id, document.authorId) && !colleague && !isAdmin(actor)) {
      forbid('NOT_AUTHOR_OR_COLLEAGUE', { action });
    }
  }
  if (action === 'waive') {
    if (sameIdentity(actor.id, document.authorId)) forbid('SELF_WAIVE', { action });
    else if (wroteRevision(document, actor)) forbid('EDITED_THIS_REVISION', { action });
  }
  if (action === 'publishUrgent' && wroteRevision(document, actor)) {
    forbid('SELF_URGENT', { action });
  }
  return reasons;
}

/** True when the actor holds every role in `roles`. */
export function hasRoles(actor: Actor, roles: readonly Role[]): boolean {
  return roles.every((r) => actor.roles.includes(r));
}
