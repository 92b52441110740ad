import * as z from 'zod';
import { identityProblem } from './identity';
import { ROLES, type Role } from './roles';

/** The user acting on a command, as the host authenticated them. */
export interface Actor {
  id: string;
  roles: readonly Role[];
  /** Scopes review: a reviewer acts only on documents of their department unless `admin`. */
  department?: string;
}

/**
 * The acting user, validated at every command. The {@link Actor} interface stays written out
 * (not `z.infer`) because callers pass `readonly` role arrays, which the inferred type refuses.
 */
export const actorSchema = z.strictObject({
  id: z.string().min(1, 'actor.id is required').max(200).superRefine(visibleIdentity),
  roles: z.array(z.enum(ROLES)),
  department: z.string().min(1).max(200).superRefine(visibleIdentity).optional(),
});

// Ids are compared after NFKC, case folding and removal of invisible characters (see
// identity.ts); one that is empty in that form would match nobody or, worse, anybody blank.
function visibleIdentity(value: string, ctx: z.RefinementCtx): void {
  const problem = identityProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}
