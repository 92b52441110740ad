import { BRACKET_CHECKS } from './brackets';
import type { BuiltinCheck } from './context';
import { DOCUMENT_CHECKS } from './documents';
import { NUMBER_CHECKS } from './numbers';

const CHECKS = { ...BRACKET_CHECKS, ...NUMBER_CHECKS, ...DOCUMENT_CHECKS } satisfies Record<string, BuiltinCheck>;

/** The name of a built-in check, usable as `check` of a `builtin` rule. */
export type BuiltinCheckId = keyof typeof CHECKS;

/** Every built-in check's id, for validation and docs. */
export const BUILTIN_CHECK_IDS = Object.freeze(Object.keys(CHECKS)) as readonly BuiltinCheckId[];

/** The check behind an id. */
export function builtinCheck(id: BuiltinCheckId): BuiltinCheck {
  return CHECKS[id];
}

/** What a built-in check looks for, in one sentence. */
export function describeBuiltinCheck(id: BuiltinCheckId): string {
  return CHECKS[id].description;
}
