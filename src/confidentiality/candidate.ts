import type { Severity } from '../findings/index';
import { nearestContext, tableCellContext, type ContextCategory } from './context';
import type { SensitiveKind } from './kinds';
import type { Level } from './levels';

/** @internal A detector's proposal, before overlaps are resolved and findings are built. */
export interface Candidate {
  kind: SensitiveKind;
  start: number;
  end: number;
  confidence: number;
  /** Why it was judged so, shown after the kind's name in the message. */
  reason: string;
  details?: Record<string, unknown>;
  /** Overrides {@link KIND_INFO}'s level (markings carry their own). */
  level?: Level;
  /** Overrides {@link KIND_INFO}'s severity (an over-long protection period is an error). */
  severity?: Severity;
}

/** @internal What every detector reads. */
export interface ScanInput {
  /** The text as given: offsets and excerpts refer to it. */
  readonly text: string;
  /** {@link foldForScan} of `text`: same length, half-width, simplified. Detectors match on it. */
  readonly folded: string;
  readonly now: Date;
  /** How many characters before a value a context word may stand. */
  readonly window: number;
  /** The organisation's own mail domains: addresses there are its public contacts. */
  readonly organizationDomains: readonly string[];
}

/**
 * @internal The categories that describe the value at `start…end`: a table column header
 * wins (it labels the whole column), a row of figures without such a header reads as
 * statistics (`ordinary`), otherwise the nearest context word. Empty when nothing is known.
 */
export function contextOf(input: ScanInput, start: number, end: number): readonly ContextCategory[] {
  const cell = tableCellContext(input.folded, start, end);
  if (cell) {
    if (cell.headerCategories.length) return cell.headerCategories;
    if (cell.figuresRow) return ['ordinary'];
  }
  return nearestContext(input.folded, start, end, input.window)?.categories ?? [];
}
