// zod/mini: see ../schema.ts (the page that checks wording stays small).
import * as z from 'zod/mini';
import { safeParseWithMessages, validationError, toValidationIssues } from '../../errors/index';
import type { ValidationIssue } from '../../errors/index';
import { deepFreeze } from '../deep-freeze';
import { compileRoster } from './compile-roster';
import { compiledFormOf, provideRosterDefiner, rememberCompiledRoster } from './compiled-rosters';
import type { Roster } from './types';

const ID = z.string().check(z.regex(/^[^\s/]+$/, 'an id needs at least one character and no "/" or white space'));
const NAME = z.string().check(z.minLength(1, 'a name cannot be empty'), z.regex(/^[^\s]+$/u, 'a name has no white space'));
const TITLE = z.string().check(z.trim(), z.minLength(1, 'a title cannot be empty'));

const LEADER = z.strictObject({
  name: NAME,
  titles: z.array(TITLE).check(z.minLength(1, 'a leader needs at least one title')),
  aliases: z.optional(z.array(NAME)),
});

/** The zod schema (zod/mini) of a roster, without the cross-leader checks `defineRoster` adds. */
export const ROSTER_SCHEMA = z.strictObject({
  id: ID,
  name: z.optional(z.string()),
  leaders: z.array(LEADER).check(z.minLength(1, 'a roster needs at least one leader')),
});

/**
 * Validates an office's leader roster (plain JSON) and returns it deeply frozen, compiled for
 * {@link checkCaliber}'s `roster` option (names' readings are worked out here, once).
 *
 * Throws `GovpubError('VALIDATION')` whose `details.issues` lists every problem with its path:
 * a duplicate name or alias (`['leaders', 3, 'name']`), an empty title
 * (`['leaders', 1, 'titles', 0]`), a leader without titles, an unknown field.
 *
 * @example
 * ```ts
 * const roster = defineRoster(JSON.parse(await readFile('roster.json', 'utf8')));
 * checkCaliber(draft, zhGovRules, { roster });
 * ```
 */
export function defineRoster(json: unknown): Roster {
  if (compiledFormOf(json)) return json as Roster;
  const result = safeParseWithMessages(ROSTER_SCHEMA, json);
  const issues: ValidationIssue[] = [];
  if (!result.success) {
    issues.push(...toValidationIssues(result.error.issues));
  }
  issues.push(...duplicateNames(json));
  if (issues.length || !result.success) throw validationError('roster', issues);
  const roster = deepFreeze(result.data as Roster);
  rememberCompiledRoster(roster, compileRoster(roster));
  return roster;
}

// checkCaliber takes plain roster JSON too: it defines it through this (compiled-rosters.ts
// says why it does not import defineRoster).
provideRosterDefiner(defineRoster);

// Looked for on the raw input, so that they are reported with every other problem.
function duplicateNames(json: unknown): ValidationIssue[] {
  const leaders = (json as { leaders?: unknown } | null)?.leaders;
  if (!Array.isArray(leaders)) return [];
  const seen = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  leaders.forEach((leader: unknown, i) => {
    const l = leader as { name?: unknown; aliases?: unknown; titles?: unknown } | null;
    const names: [unknown, (string | number)[]][] = [[l?.name, ['leaders', i, 'name']]];
    if (Array.isArray(l?.aliases)) l.aliases.forEach((a: unknown, j: number) => names.push([a, ['leaders', i, 'aliases', j]]));
    for (const [name, path] of names) {
      if (typeof name !== 'string' || !name) continue;
      const other = seen.get(name);
      if (other !== undefined) issues.push({ path, message: `duplicate name "${name}" (also leader ${other})` });
      else seen.set(name, i);
    }
    if (Array.isArray(l?.titles)) {
      const titles = new Set<unknown>();
      l.titles.forEach((t: unknown, j: number) => {
        if (titles.has(t)) issues.push({ path: ['leaders', i, 'titles', j], message: `duplicate title "${String(t)}"` });
        titles.add(t);
      });
    }
  });
  return issues;
}
