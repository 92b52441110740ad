import * as z from 'zod';
import { BUILTIN_CHECK_IDS } from './builtin/registry';
import { regexHazards } from './regex-safety';
import { parseWhen } from './when';

const ID = z.string().regex(/^[^\s/]+$/, 'an id needs at least one character and no "/" or white space');
const TERM = z.string().min(1, 'a term cannot be empty');
const WHEN = z
  .string()
  .refine((s) => parseWhen(s) !== undefined, 'expected an ISO date (2024-01-31) or date-time (2024-01-31T08:00:00+08:00)');

const SPEC = z.object({ from: z.string(), to: z.string() }).strict();

const BASE = {
  id: ID,
  severity: z.enum(['error', 'warning', 'info']).optional(),
  message: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
  since: WHEN.optional(),
  until: WHEN.optional(),
  specs: z.array(SPEC).optional(),
  safe: z.boolean().optional(),
  exemptQuoted: z.boolean().optional(),
  unlessSentenceHas: z.array(TERM).optional(),
  historical: z.boolean().optional(),
};

const BANNED = z
  .object({
    ...BASE,
    type: z.literal('banned'),
    terms: z.array(TERM).min(1),
    exceptions: z.array(TERM).optional(),
    suggestions: z.array(z.string()).optional(),
  })
  .strict();

const REPLACE = z
  .object({
    ...BASE,
    type: z.literal('replace'),
    patterns: z.array(TERM).min(1),
    expected: z.string(),
    exceptions: z.array(TERM).optional(),
  })
  .strict();

const DICTIONARY = z
  .object({
    ...BASE,
    type: z.literal('dictionary'),
    entries: z.array(z.object({ patterns: z.array(TERM).min(1), expected: z.string() }).strict()).min(1),
  })
  .strict();

const REGEX = z
  .object({
    ...BASE,
    type: z.literal('regex'),
    pattern: z.string().min(1),
    flags: z.string().regex(/^[imsuv]*$/, 'flags may be any of "imsuv" ("g" is implied, "y" is not allowed)').optional(),
    replacement: z.string().optional(),
    normalize: z.boolean().optional(),
    checkMarkup: z.boolean().optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    try {
      new RegExp(rule.pattern, `${rule.flags ?? ''}g`);
    } catch (e) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: `does not compile: ${(e as Error).message}` });
      return;
    }
    for (const problem of regexHazards(rule.pattern, rule.flags ?? '')) ctx.addIssue({ code: 'custom', path: ['pattern'], message: problem });
  });

const TITLE = z.object({ ...BASE, type: z.literal('title'), name: TERM, title: TERM }).strict();

const CONSISTENCY = z
  .object({ ...BASE, type: z.literal('consistency'), variants: z.array(TERM).min(2) })
  .strict()
  .superRefine((rule, ctx) => {
    if (new Set(rule.variants).size !== rule.variants.length) {
      ctx.addIssue({ code: 'custom', path: ['variants'], message: 'variants must be distinct' });
    }
  });

const BUILTIN = z
  .object({ ...BASE, type: z.literal('builtin'), check: z.enum(BUILTIN_CHECK_IDS as [string, ...string[]]) })
  .strict();

const RULE = z
  .discriminatedUnion('type', [BANNED, REPLACE, DICTIONARY, REGEX, TITLE, CONSISTENCY, BUILTIN])
  .superRefine((rule, ctx) => {
    if (rule.historical && !rule.since) {
      ctx.addIssue({ code: 'custom', path: ['historical'], message: '"historical" needs "since" (the date the wording changed)' });
    }
    if (rule.since && rule.until && parseWhen(rule.since)! >= parseWhen(rule.until)!) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: '"until" must be later than "since"' });
    }
  });

/**
 * The zod schema of a rule set, without the checks `defineRuleSet` adds (unique rule ids, spec
 * self-tests).
 */
export const RULE_SET_SCHEMA = z
  .object({
    id: ID,
    name: z.string().optional(),
    description: z.string().optional(),
    rules: z.array(RULE),
  })
  .strict();

/** The zod schema of `checkCaliber`'s options. */
export const OPTIONS_SCHEMA = z
  .object({
    facts: z
      .array(
        z
          .object({
            label: z.string().min(1),
            value: z.union([z.number().finite(), z.string().min(1)]),
            source: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
    now: z.date().optional(),
    asOf: z.date().optional(),
    markdown: z.boolean().optional(),
    disable: z.array(z.string()).optional(),
    // Checked by defineRoster, which reports each problem with its path.
    roster: z.union([z.object({}).loose(), z.array(z.object({}).loose())]).optional(),
  })
  .strict();
