// zod/mini: see schema.ts (the page that checks wording stays small).
import * as z from 'zod/mini';
import { parseOrThrow } from '../errors/index';
import type { Finding, Fix } from '../findings/index';

/** The parts of a finding {@link applyFixes} reads. */
export type FixableFinding = Pick<Finding, 'start' | 'end' | 'fix'> & { excerpt?: string };

const TEXT = z.string();
const INT = z.number().check(z.int(), z.gte(0));
const FINDINGS = z.array(
  z.looseObject({
    start: INT,
    end: INT,
    excerpt: z.optional(z.string()),
    fix: z.optional(z.object({ start: INT, end: INT, text: z.string(), safe: z.optional(z.boolean()) })),
  }),
);

/** Options of {@link applyFixes}. */
export interface ApplyFixesOptions {
  /**
   * Also apply fixes marked `safe: false` (a leader's title, a political wording, text in a
   * cited title or quotation). Only after a person has read them. Default `false`.
   */
  unsafe?: boolean;
}

const OPTIONS = z.strictObject({ unsafe: z.optional(z.boolean()) });

/**
 * Applies the findings' fixes to `text` in one pass and returns the new text.
 *
 * Only fixes safe without a human are applied (`fix.safe !== false`) unless `options.unsafe`
 * is set. Fixes are taken in order of position; one that overlaps a fix already taken is left for a
 * second pass (check again, fix again). A finding whose `excerpt` no longer matches the text at
 * its offsets is stale and skipped, so passing the same findings twice changes nothing more,
 * and the same fix reported by two rules is applied once.
 *
 * @example
 * ```ts
 * let text = draft;
 * for (let pass = 0; pass < 3; pass++) {
 *   const next = applyFixes(text, checkCaliber(text, zhGovRules));
 *   if (next === text) break;
 *   text = next;
 * }
 * ```
 */
export function applyFixes(text: string, findings: readonly FixableFinding[], options: ApplyFixesOptions = {}): string {
  parseOrThrow(TEXT, text, 'text to fix');
  parseOrThrow(FINDINGS, findings, 'findings');
  const unsafe = parseOrThrow(OPTIONS, options, 'applyFixes options').unsafe ?? false;
  const fixes: Fix[] = [];
  for (const f of findings) {
    const fix = f.fix;
    if (!fix || fix.start > fix.end || fix.end > text.length) continue;
    if (fix.safe === false && !unsafe) continue;
    if (f.excerpt !== undefined && text.slice(f.start, f.end) !== f.excerpt) continue;
    if (text.slice(fix.start, fix.end) === fix.text) continue;
    fixes.push(fix);
  }
  fixes.sort((a, b) => a.start - b.start || a.end - b.end);

  let out = '';
  let at = 0;
  let lastInsertAt = -1;
  for (const fix of fixes) {
    if (fix.start < at) continue;
    // Two insertions at one point conflict (their order would be a guess): keep the first.
    if (fix.start === fix.end) {
      if (fix.start === lastInsertAt) continue;
      lastInsertAt = fix.start;
    }
    out += text.slice(at, fix.start) + fix.text;
    at = fix.end;
  }
  return out + text.slice(at);
}
