/** How serious a finding is: `error` blocks a gate, `warning` is shown to reviewers, `info` is advice. */
export type Severity = 'error' | 'warning' | 'info';

/** A replacement for `text.slice(start, end)`, in the same offsets as the finding. */
export interface Fix {
  start: number;
  end: number;
  text: string;
  /**
   * `false` when the fix must not be applied without a human reading it: it rests on a
   * judgement the check cannot make (a leader's title, a political wording, text inside a
   * cited title or a quotation); `applyFixes` skips those unless asked. A fix without the flag
   * is safe (so fixes stay `{ start, end, text }` for hosts that compare them whole).
   */
  safe?: boolean;
}

/**
 * The one shape every check returns.
 *
 * Offsets are UTF-16 indices into the text that was checked, `end` exclusive;
 * `line` and `column` are 1-based (the column counts UTF-16 code units);
 * `excerpt === text.slice(start, end)`.
 */
export interface Finding {
  /** `<rule set id>/<rule id>`, `confidentiality/<kind>`, `duplicates/near-duplicate` or `channel/<code>`. */
  ruleId: string;
  severity: Severity;
  /** What is wrong, in words a reviewer understands. */
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  excerpt: string;
  /** Alternatives the author may choose from, best first. */
  suggestions?: string[];
  /** A mechanical correction; `applyFixes` applies it. */
  fix?: Fix;
  /** The standard, document or rule the finding rests on, e.g. `GB/T 15834-2011 4.1`. */
  source?: string;
  /** Area-specific structured context (the other document of a duplicate, a channel limit, …). */
  details?: Record<string, unknown>;
}

/** The fields a check supplies; {@link createFinding} derives `line`, `column` and `excerpt`. */
export type FindingInput = Omit<Finding, 'line' | 'column' | 'excerpt'>;
