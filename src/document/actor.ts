import * as z from 'zod';
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
  id: z.string().min(1, 'actor.id is required'),
  roles: z.array(z.enum(ROLES)),
  department: z.string().min(1).optional(),
});
