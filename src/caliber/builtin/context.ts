import type { Fix } from '../../findings/index';
import { isSkipped, type SkipRanges } from '../skip-ranges';

/** What a built-in check reads: the original text and the ranges it must ignore. */
export interface BuiltinContext {
  readonly text: string;
  readonly skip: SkipRanges;
  /** The time of the check in milliseconds, or `NaN` when it does not matter (rule specs). */
  readonly now: number;
  /**
   * Computes `compute()` once per check run and shares it between built-in checks, so that
   * e.g. the four bracket rules pair the brackets once.
   */
  memo<T>(key: string, compute: () => T): T;
}

/** One problem a built-in check found; the engine adds the rule's id, severity and source. */
export interface BuiltinHit {
  start: number;
  end: number;
  message: string;
  fix?: Fix;
  suggestions?: string[];
  details?: Record<string, unknown>;
}

/** A check that needs logic beyond the JSON rule types. */
export interface BuiltinCheck {
  /** What the check looks for, for docs and tooling. */
  readonly description: string;
  run(context: BuiltinContext): BuiltinHit[];
}

/** Makes a context for one text; `memo` lives as long as the context. */
export function builtinContext(text: string, skip: SkipRanges, now: number): BuiltinContext {
  const cache = new Map<string, unknown>();
  return {
    text,
    skip,
    now,
    memo<T>(key: string, compute: () => T): T {
      if (!cache.has(key)) cache.set(key, compute());
      return cache.get(key) as T;
    },
  };
}

/** Runs a global regular expression over the checked parts of the text. */
export function* matchesOutsideSkip(context: BuiltinContext, re: RegExp): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(context.text); m; m = re.exec(context.text)) {
    if (m[0].length === 0) re.lastIndex++;
    if (!isSkipped(context.skip, m.index, m.index + m[0].length)) yield m;
  }
}

/**
 * The matches a global search with `sticky`'s pattern would find outside skipped ranges, when
 * every match must start at one of `starts` (sorted): the sticky pattern is tried only there,
 * from where the previous match ended. For patterns that begin with a class or a look-behind,
 * which V8 otherwise tries at every position of the text.
 */
export function* matchesAt(context: BuiltinContext, sticky: RegExp, starts: readonly number[]): Generator<RegExpExecArray> {
  let cursor = 0;
  for (const q of starts) {
    if (q < cursor) continue;
    sticky.lastIndex = q;
    const m = sticky.exec(context.text);
    if (!m) continue;
    cursor = q + (m[0].length || 1);
    if (!isSkipped(context.skip, m.index, m.index + m[0].length)) yield m;
  }
}

/** A hit replacing the whole match `m` with `text`. */
export function replaceMatch(m: RegExpExecArray, text: string, message: string): BuiltinHit {
  const start = m.index;
  const end = start + m[0].length;
  return { start, end, message, fix: { start, end, text }, suggestions: [text] };
}
