import type { Role } from './roles';

/** One review step of the policy, e.g. `{ id: 'final', roles: ['approver'] }`. */
export interface ReviewStep {
  id: string;
  /** Any one of these roles may sign the step. */
  roles: readonly Role[];
  /** Shown in the demo and docs, e.g. `终审`. */
  label?: string;
}
