/**
 * A static screen for regular expressions that can take exponential time in a backtracking
 * engine (V8's included), applied to every `regex` rule at `defineRuleSet`. An office's rule
 * set runs on every submission: one `(a+)+$` makes a 32-character draft take 20 seconds and
 * blocks every submit behind it.
 *
 * Rejected shapes (the classic sources of catastrophic backtracking, see OWASP "Regular
 * expression Denial of Service"):
 * - a repeated group containing an unbounded quantifier: `(a+)+`, `(\w*\s?)*`, `(a+){2,9}`;
 * - a repeated group containing alternatives that can match the same text: `(a|ab)*`,
 *   `(\d|\w)+` (alternatives are accepted only when each is a plain literal and no two start
 *   with the same character);
 * - backreferences `\1`, `\k<name>` (matching with them is NP-hard in general).
 *
 * A screen, not a proof: polynomial shapes such as `\d*\d*x` pass it, which is why the engine
 * also runs rules on bounded slices of the text (see `regex-slices.ts`).
 */

interface Group {
  /** Any unbounded quantifier (`*`, `+`, `{n,}`) directly or in a nested group. */
  unbounded: boolean;
  /** The group's own top-level alternatives, as written. */
  alternatives: string[];
  start: number;
}

/** The problems of `pattern`, each a sentence for a developer; empty when none was found. */
export function regexHazards(pattern: string): string[] {
  const problems: string[] = [];
  const stack: Group[] = [{ unbounded: false, alternatives: [], start: 0 }];
  let altStart = 0;
  const altStarts: number[] = [0];
  let i = 0;
  // The node just closed or read, for the quantifier that may follow it.
  let last: { group?: Group; text: string } | null = null;

  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<')) {
        problems.push(`backreference "${pattern.slice(i, i + 2)}" at ${i}: not allowed (matching time can explode)`);
      }
      // \u{...}, \p{...}, \x.., \u.... read as one atom.
      const m = /^\\(?:[pPu]\{[^}]*\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|c[A-Za-z]|.)/su.exec(pattern.slice(i));
      const atom = m ? m[0] : c;
      last = { text: atom };
      i += atom.length;
      continue;
    }
    if (c === '[') {
      const end = classEnd(pattern, i);
      last = { text: pattern.slice(i, end) };
      i = end;
      continue;
    }
    if (c === '(') {
      let j = i + 1;
      if (pattern[j] === '?') {
        const m = /^\?(?:<[=!]|[:=!]|<[A-Za-z_$][\w$]*>|[imsx-]+:)/.exec(pattern.slice(j));
        j += m ? m[0].length : 1;
      }
      stack.push({ unbounded: false, alternatives: [], start: i });
      altStarts.push(j);
      altStart = j;
      last = null;
      i = j;
      continue;
    }
    if (c === '|') {
      const group = stack[stack.length - 1]!;
      group.alternatives.push(pattern.slice(altStart, i));
      altStart = i + 1;
      altStarts[altStarts.length - 1] = altStart;
      last = null;
      i++;
      continue;
    }
    if (c === ')' && stack.length > 1) {
      const group = stack.pop()!;
      altStarts.pop();
      group.alternatives.push(pattern.slice(altStart, i));
      altStart = altStarts[altStarts.length - 1]!;
      const parent = stack[stack.length - 1]!;
      if (group.unbounded) parent.unbounded = true;
      last = { group, text: pattern.slice(group.start, i + 1) };
      i++;
      continue;
    }
    const quantifier = /^(?:[*+?]|\{(\d+)(,(\d*))?\})\??/.exec(pattern.slice(i));
    if (quantifier && last) {
      const q = quantifier[0];
      const max = q[0] === '*' || q[0] === '+' ? Infinity : q[0] === '?' ? 1 : quantifier[2] === undefined ? Number(quantifier[1]) : quantifier[3] ? Number(quantifier[3]) : Infinity;
      const repeats = max > 1;
      if (max === Infinity) stack[stack.length - 1]!.unbounded = true;
      const group = last.group;
      if (group && repeats) {
        if (group.unbounded) {
          problems.push(`nested quantifiers in "${last.text}${q}" at ${group.start}: a repeated group contains an unbounded quantifier (catastrophic backtracking)`);
        } else if (group.alternatives.length > 1 && !distinctLiteralAlternatives(group.alternatives)) {
          problems.push(`alternatives that can overlap in the repeated group "${last.text}${q}" at ${group.start} (catastrophic backtracking)`);
        }
      }
      last = null;
      i += q.length;
      continue;
    }
    last = { text: c };
    i++;
  }
  return problems;
}

// Literal alternatives with distinct first characters can never both match at one position.
function distinctLiteralAlternatives(alternatives: string[]): boolean {
  const firsts = new Set<string>();
  for (const a of alternatives) {
    if (!a || /[\\[\](){}.*+?^$|]/.test(a)) return false;
    const first = String.fromCodePoint(a.codePointAt(0)!);
    if (firsts.has(first)) return false;
    firsts.add(first);
  }
  return true;
}

// The index just after the character class opening at `start` (nested classes of the `v` flag
// included).
function classEnd(pattern: string, start: number): number {
  let depth = 0;
  for (let i = start; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i + 1;
  }
  return pattern.length;
}
