import { validationError } from '../../errors/index';
import type { CompiledRoster } from './compiled-types';
import type { Roster } from './types';

// checkCaliber finds a roster's compiled form here rather than by importing defineRoster, so
// that a page which checks wording without a roster does not load the roster's reading table
// (16 KB gzip, see scripts/size.ts): defineRoster's module, which loads the table, hands its
// function over when it loads. Under Node and in the CommonJS build every module loads, so
// checkCaliber takes plain roster JSON as before; a browser bundle that never imports
// defineRoster leaves it out, and there a roster must be made with defineRoster (as the
// `roster` option documents) — anything else is refused, never checked without readings.

const compiled = new WeakMap<object, CompiledRoster>();
let define: ((json: unknown) => Roster) | undefined;

/** @internal Called once by define-roster.ts when it loads. */
export function provideRosterDefiner(definer: (json: unknown) => Roster): void {
  define = definer;
}

/** @internal Records the compiled form of a roster `defineRoster` returned. */
export function rememberCompiledRoster(roster: Roster, form: CompiledRoster): void {
  compiled.set(roster, form);
}

/** @internal The compiled form of a defined roster, or `undefined` for anything else. */
export function compiledFormOf(value: unknown): CompiledRoster | undefined {
  return typeof value === 'object' && value !== null ? compiled.get(value) : undefined;
}

/**
 * The compiled form of a roster: one `defineRoster` made, or plain roster JSON, defined now
 * (validated once, then cached by identity). Throws `VALIDATION` as `defineRoster` does.
 */
export function compiledRoster(value: unknown): CompiledRoster {
  const known = compiledFormOf(value);
  if (known) return known;
  if (!define) {
    throw validationError('roster', [{ path: [], message: 'expected a roster made with defineRoster (import defineRoster from govpub to pass plain roster JSON)' }]);
  }
  return compiledFormOf(define(value))!;
}
