/**
 * A static screen for regular expressions that can take exponential time in a backtracking
 * engine (V8's included), applied to every `regex` rule at `defineRuleSet`. An office's rule
 * set runs on every submission: one `(a+)+$` makes a 32-character draft take 20 seconds and
 * blocks every submit behind it.
 *
 * Rejected shapes (the classic sources of catastrophic backtracking, see OWASP "Regular
 * expression Denial of Service"):
 * - a repeated group containing an unbounded quantifier: `(a+)+`, `(\w*\s?)*`, `(a+){2,9}`;
 * - a repeated group containing alternatives that can start with the same character:
 *   `(a|ab)*`, `(\d|\w)+` (`(ab|cd)+` and `(\d|a)+` are fine);
 * - backreferences `\1`, `\k<name>` (matching with them is NP-hard in general).
 *
 * - unbounded quantifiers in sequence whose characters overlap (`\d*\d*x`, `\s*.*,`): not
 *   exponential, but polynomial — `\d*\d*x` on 100,000 digits took 90 s in slices of 1,024.
 *
 * A screen, not a proof (character overlap is judged on a set of probe characters), which is
 * why the engine also runs rules on bounded slices of the text and stops a rule that spends
 * too long (see `regex-slices.ts`).
 */

interface Group {
  /** Any unbounded quantifier (`*`, `+`, `{n,}`) directly or in a nested group. */
  unbounded: boolean;
  /** The group's own top-level alternatives, as written. */
  alternatives: string[];
  start: number;
  /** Unbounded runs in the current alternative that the next atoms could still extend. */
  pending: { text: string; last: CharSet }[];
  /** Characters the group can start and end with (over-approximated, on probe characters). */
  first: CharSet;
  last: CharSet;
  /** First and last atom sets of the current alternative. */
  altFirst: CharSet | null;
  /** The first-character set of each finished alternative (null: it can be empty). */
  altFirsts: (CharSet | null)[];
  altLast: CharSet | null;
}

/** A set of probe characters, as a bit per probe. */
type CharSet = boolean[];

// Characters the overlap of two atoms is judged on: ASCII, white space, CJK and full-width
// punctuation. Two atoms that share none of these are treated as disjoint.
const PROBES = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  '\t', '\n', '\u3000', '中', '文', '的', '一', '，', '。', '、', '“', '”', '（', '）', '％', '１', 'Ａ', 'é',
];
const ALL: CharSet = PROBES.map(() => true);

function charSet(atom: string, flags: string): CharSet {
  try {
    const re = new RegExp(`^(?:${atom})$`, flags.replace(/[gy]/g, ''));
    return PROBES.map((c) => re.test(c));
  } catch {
    return ALL;
  }
}

const union = (a: CharSet, b: CharSet): CharSet => a.map((x, i) => x || b[i]!);
const overlaps = (a: CharSet, b: CharSet): boolean => a.some((x, i) => x && b[i]!);

/**
 * The problems of `pattern` (compiled with `flags`), each a sentence for a developer; empty
 * when none was found.
 */
export function regexHazards(pattern: string, flags = 'u'): string[] {
  const problems: string[] = [];
  const newGroup = (start: number): Group => ({ unbounded: false, alternatives: [], start, pending: [], first: PROBES.map(() => false), last: PROBES.map(() => false), altFirst: null, altLast: null, altFirsts: [] });
  const stack: Group[] = [newGroup(0)];
  let altStart = 0;
  const altStarts: number[] = [0];
  let i = 0;
  // The node just closed or read, for the quantifier that may follow it.
  let last: { group?: Group; text: string; first: CharSet; last: CharSet; start: number } | null = null;

  // An atom (with its quantifier) joins the current sequence.
  const place = (atom: { text: string; first: CharSet; last: CharSet; start: number }, min: number, max: number) => {
    const g = stack[stack.length - 1]!;
    g.altFirst ??= atom.first;
    g.altLast = atom.last;
    if (max === Infinity) {
      for (const p of g.pending) {
        if (overlaps(p.last, atom.first)) {
          problems.push(`unbounded quantifiers in sequence over overlapping characters ("${p.text}" then "${atom.text}") at ${atom.start}: polynomial backtracking`);
          break;
        }
      }
      g.pending.push({ text: atom.text, last: atom.last });
    } else if (min > 0) {
      // A required atom ends the runs it cannot be part of.
      g.pending = g.pending.filter((p) => overlaps(p.last, atom.first));
    }
  };
  const endAlternative = (g: Group) => {
    g.altFirsts.push(g.altFirst);
    if (g.altFirst) g.first = union(g.first, g.altFirst);
    if (g.altLast) g.last = union(g.last, g.altLast);
    g.altFirst = null;
    g.altLast = null;
    g.pending = [];
  };
  const flush = () => {
    if (last) place(last, 1, 1);
    last = null;
  };

  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      flush();
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<')) {
        problems.push(`backreference "${pattern.slice(i, i + 2)}" at ${i}: not allowed (matching time can explode)`);
      }
      // \u{...}, \p{...}, \x.., \u.... read as one atom.
      const m = /^\\(?:[pPu]\{[^}]*\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|c[A-Za-z]|.)/su.exec(pattern.slice(i));
      const atom = m ? m[0] : c;
      const set = /^\\[bBk1-9]/.test(atom) ? PROBES.map(() => false) : charSet(atom, flags);
      last = { text: atom, first: set, last: set, start: i };
      i += atom.length;
      continue;
    }
    if (c === '[') {
      flush();
      const end = classEnd(pattern, i);
      const atom = pattern.slice(i, end);
      const set = charSet(atom, flags);
      last = { text: atom, first: set, last: set, start: i };
      i = end;
      continue;
    }
    if (c === '(') {
      flush();
      let j = i + 1;
      let lookaround = false;
      if (pattern[j] === '?') {
        const m = /^\?(?:<[=!]|[:=!]|<[A-Za-z_$][\w$]*>|[imsx-]+:)/.exec(pattern.slice(j));
        lookaround = m !== null && /^\?(?:<[=!]|[=!])/.test(m[0]);
        j += m ? m[0].length : 1;
      }
      const g = newGroup(i);
      if (lookaround) g.start = -1 - i; // marks a zero-width group
      stack.push(g);
      altStarts.push(j);
      altStart = j;
      i = j;
      continue;
    }
    if (c === '|') {
      flush();
      const group = stack[stack.length - 1]!;
      group.alternatives.push(pattern.slice(altStart, i));
      endAlternative(group);
      altStart = i + 1;
      altStarts[altStarts.length - 1] = altStart;
      i++;
      continue;
    }
    if (c === ')' && stack.length > 1) {
      flush();
      const group = stack.pop()!;
      altStarts.pop();
      group.alternatives.push(pattern.slice(altStart, i));
      endAlternative(group);
      altStart = altStarts[altStarts.length - 1]!;
      const parent = stack[stack.length - 1]!;
      if (group.unbounded) parent.unbounded = true;
      const start = group.start < 0 ? -1 - group.start : group.start;
      // A look-around matches no characters: it neither extends nor ends a run.
      if (group.start < 0) {
        last = null;
        i++;
        continue;
      }
      group.start = start;
      last = { group, text: pattern.slice(start, i + 1), first: group.first, last: group.last, start };
      i++;
      continue;
    }
    const quantifier = /^(?:[*+?]|\{(\d+)(,(\d*))?\})\??/.exec(pattern.slice(i));
    if (quantifier && last) {
      const q = quantifier[0];
      const min = q[0] === '*' || q[0] === '?' ? 0 : q[0] === '+' ? 1 : Number(quantifier[1]);
      const max = q[0] === '*' || q[0] === '+' ? Infinity : q[0] === '?' ? 1 : quantifier[2] === undefined ? Number(quantifier[1]) : quantifier[3] ? Number(quantifier[3]) : Infinity;
      const repeats = max > 1;
      if (max === Infinity) stack[stack.length - 1]!.unbounded = true;
      const group = last.group;
      if (group && repeats) {
        if (group.unbounded) {
          problems.push(`nested quantifiers in "${last.text}${q}" at ${group.start}: a repeated group contains an unbounded quantifier (catastrophic backtracking)`);
        } else if (group.alternatives.length > 1 && !disjointAlternatives(group)) {
          problems.push(`alternatives that can overlap in the repeated group "${last.text}${q}" at ${group.start} (catastrophic backtracking)`);
        }
      }
      place({ ...last, text: last.text + q }, min, max);
      last = null;
      i += q.length;
      continue;
    }
    flush();
    if (c === '^' || c === '$') {
      i++;
      continue;
    }
    const set = c === '.' ? charSet('.', flags) : charSet(c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
    last = { text: c, first: set, last: set, start: i };
    i++;
  }
  flush();
  return problems;
}

// Alternatives that cannot start with the same character can never both match at one
// position, so repeating them cannot backtrack between them: (ab|cd)+, (\d|a)+.
function disjointAlternatives(group: Group): boolean {
  const firsts = group.altFirsts;
  if (firsts.some((f) => f === null)) return false;
  for (let i = 0; i < firsts.length; i++) for (let j = i + 1; j < firsts.length; j++) if (overlaps(firsts[i]!, firsts[j]!)) return false;
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
