// zod/mini rather than the classic API: this module loads with checkCaliber on a browser page
// that only checks wording, where the classic API alone weighed about 20 KB gzip (scripts/
// size.ts). Each check is written in the order the classic chain had it, so the issues and
// their messages are the same (test/caliber/validation-messages.test.ts pins them).
import * as z from 'zod/mini';
import { BUILTIN_CHECK_IDS } from './builtin/registry';
import { regexHazards } from './regex-safety';
import { parseWhen } from './when';

const ID = z.string().check(z.regex(/^[^\s/]+$/, 'an id needs at least one character and no "/" or white space'));
const TERM = z.string().check(z.minLength(1, 'a term cannot be empty'));
const WHEN = z
  .string()
  .check(z.refine((s) => parseWhen(s) !== undefined, 'expected an ISO date (2024-01-31) or date-time (2024-01-31T08:00:00+08:00)'));
const NON_EMPTY = z.string().check(z.minLength(1));

const SPEC = z.strictObject({ from: z.string(), to: z.string() });

const BASE = {
  id: ID,
  severity: z.optional(z.enum(['error', 'warning', 'info'])),
  message: z.optional(NON_EMPTY),
  source: z.optional(NON_EMPTY),
  since: z.optional(WHEN),
  until: z.optional(WHEN),
  specs: z.optional(z.array(SPEC)),
  safe: z.optional(z.boolean()),
  exemptQuoted: z.optional(z.boolean()),
  unlessSentenceHas: z.optional(z.array(TERM)),
  historical: z.optional(z.boolean()),
};

const BANNED = z.strictObject({
  ...BASE,
  type: z.literal('banned'),
  terms: z.array(TERM).check(z.minLength(1)),
  exceptions: z.optional(z.array(TERM)),
  suggestions: z.optional(z.array(z.string())),
});

const REPLACE = z.strictObject({
  ...BASE,
  type: z.literal('replace'),
  patterns: z.array(TERM).check(z.minLength(1)),
  expected: z.string(),
  exceptions: z.optional(z.array(TERM)),
});

const DICTIONARY = z.strictObject({
  ...BASE,
  type: z.literal('dictionary'),
  entries: z.array(z.strictObject({ patterns: z.array(TERM).check(z.minLength(1)), expected: z.string() })).check(z.minLength(1)),
});

const REGEX = z
  .strictObject({
    ...BASE,
    type: z.literal('regex'),
    pattern: NON_EMPTY,
    flags: z.optional(z.string().check(z.regex(/^[imsuv]*$/, 'flags may be any of "imsuv" ("g" is implied, "y" is not allowed)'))),
    replacement: z.optional(z.string()),
    normalize: z.optional(z.boolean()),
    checkMarkup: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((rule, ctx) => {
      try {
        new RegExp(rule.pattern, `${rule.flags ?? ''}g`);
      } catch (e) {
        ctx.addIssue({ code: 'custom', path: ['pattern'], message: `does not compile: ${(e as Error).message}` });
        return;
      }
      for (const problem of regexHazards(rule.pattern, rule.flags ?? '')) ctx.addIssue({ code: 'custom', path: ['pattern'], message: problem });
    }),
  );

const TITLE = z.strictObject({ ...BASE, type: z.literal('title'), name: TERM, title: TERM });

const CONSISTENCY = z.strictObject({ ...BASE, type: z.literal('consistency'), variants: z.array(TERM).check(z.minLength(2)) }).check(
  z.superRefine((rule, ctx) => {
    if (new Set(rule.variants).size !== rule.variants.length) {
      ctx.addIssue({ code: 'custom', path: ['variants'], message: 'variants must be distinct' });
    }
  }),
);

const BUILTIN = z.strictObject({ ...BASE, type: z.literal('builtin'), check: z.enum(BUILTIN_CHECK_IDS as [string, ...string[]]) });

const RULE = z.discriminatedUnion('type', [BANNED, REPLACE, DICTIONARY, REGEX, TITLE, CONSISTENCY, BUILTIN]).check(
  z.superRefine((rule, ctx) => {
    if (rule.historical && !rule.since) {
      ctx.addIssue({ code: 'custom', path: ['historical'], message: '"historical" needs "since" (the date the wording changed)' });
    }
    if (rule.since && rule.until && parseWhen(rule.since)! >= parseWhen(rule.until)!) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: '"until" must be later than "since"' });
    }
  }),
);

/**
 * The zod schema (zod/mini) of a rule set, without the checks `defineRuleSet` adds (unique
 * rule ids, spec self-tests).
 */
export const RULE_SET_SCHEMA = z.strictObject({
  id: ID,
  name: z.optional(z.string()),
  description: z.optional(z.string()),
  rules: z.array(RULE),
});

/** The zod schema (zod/mini) of `checkCaliber`'s options. */
export const OPTIONS_SCHEMA = z.strictObject({
  facts: z.optional(
    z.array(
      z.strictObject({
        label: NON_EMPTY,
        // Classic zod's `.finite()` adds no check (zod 4's numbers reject ±Infinity already).
        value: z.union([z.number(), NON_EMPTY]),
        source: z.optional(z.string()),
      }),
    ),
  ),
  now: z.optional(z.date()),
  asOf: z.optional(z.date()),
  markdown: z.optional(z.boolean()),
  disable: z.optional(z.array(z.string())),
  // Checked by defineRoster, which reports each problem with its path.
  roster: z.optional(z.union([z.looseObject({}), z.array(z.looseObject({}))])),
});
