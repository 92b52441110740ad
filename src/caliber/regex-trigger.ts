/**
 * The literal "trigger" of a regex rule: strings of which every match must contain one, each at
 * a bounded (or, with a walk back, findable) distance from the start of the match.
 *
 * Why: V8 tries a pattern that begins with a look-behind or a character class at every position
 * of the text (`(?<=[\p{sc=Han}”’）》])[ \t]*,` costs the same on a text without a single
 * comma), and a pack has dozens of such rules. With a trigger, the engine finds the trigger's
 * occurrences in one table-driven pass (see `regex-windows.ts`) and tries the rule, anchored
 * (sticky), only at the positions where a match could start. The result is exactly the same:
 * a position that starts a match always lies in the window of one of its trigger's occurrences.
 *
 * The analysis is conservative: a pattern it does not understand (back-references, the `i`
 * flag, modifiers) has no trigger and runs as before, on every slice.
 */

/** One literal of a trigger, with the offsets its start may have from the match's start. */
export interface TriggerLiteral {
  readonly text: string;
  readonly minOffset: number;
  /** `Infinity` when the pattern can consume any number of characters before the literal. */
  readonly maxOffset: number;
}

/** What {@link regexTrigger} found. */
export interface RegexTrigger {
  readonly literals: readonly TriggerLiteral[];
  /**
   * Whether the pattern begins with its trigger (`的(?<=…)`, `截止…`): V8 finds such a start
   * quickly by itself, so a global search from the first window beats a call per window.
   */
  readonly literalStart: boolean;
  /**
   * A sticky test for one character the pattern can consume outside look-arounds, for
   * literals with an unbounded `maxOffset`: the match starts after the last character before
   * the literal that no part of the pattern can consume. `null` when every offset is bounded.
   */
  readonly consumable: RegExp | null;
}

type Node =
  | { k: 'lit'; s: string }
  | { k: 'set'; chars: string[] | null; src: string }
  | { k: 'seq'; items: Node[] }
  | { k: 'alt'; alts: Node[] }
  | { k: 'rep'; node: Node; min: number; max: number }
  | { k: 'look'; ahead: boolean; negative: boolean; node: Node }
  | { k: 'assert' };

class Unsupported extends Error {}

/** Sets of at most this many literal characters are used as triggers (`[的得地]`, `[，,]`). */
const MAX_SET_TRIGGERS = 8;
/** A literal repeated `{n,}` becomes n copies, up to this length (`。{3,}` → `。。。`). */
const MAX_REPEATED_LITERAL = 8;

/** The trigger of `pattern` compiled with `flags`, or `null` when it has none this analysis can prove. */
export function regexTrigger(pattern: string, flags: string): RegexTrigger | null {
  if (flags.includes('i')) return null; // literals would need case folding
  const unicode = flags.includes('u') || flags.includes('v');
  let ast: Node;
  try {
    ast = new Parser(pattern, unicode, flags.includes('v')).parse();
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  const info = analyse(ast, { unicode, flags });
  if (!info.req || info.req.some((l) => l.text.length === 0)) return null;
  let consumable: RegExp | null = null;
  if (info.req.some((l) => l.maxOffset === Infinity)) {
    consumable = prefixTest(info.prefix, flags);
    if (!consumable) return null;
  }
  const head = ast.k === 'seq' ? ast.items[0]! : ast;
  const literalStart = (head.k === 'lit' || (head.k === 'set' && head.chars !== null)) && info.req.every((l) => l.maxOffset === 0);
  return { literals: info.req, consumable, literalStart };
}

/** A sticky test for one character matched by one of `sources`; never matches when empty. */
function prefixTest(sources: ReadonlySet<string>, flags: string): RegExp | null {
  try {
    return new RegExp(sources.size ? `(?:${[...sources].join('|')})` : '(?!)', `${flags.replace(/[gydm]/g, '')}y`);
  } catch {
    return null;
  }
}

// Characters of ordinary prose: a walk back over characters a pattern can consume stops at
// once in prose when the pattern can consume none of these (digits, `0`, spaces).
const PROSE_PROBE = '的一中国是，。、“”《》（）aAzZ';

/** Whether walking back over what `sources` match stays short in ordinary prose. */
function narrow(sources: ReadonlySet<string>, flags: string): boolean {
  const test = prefixTest(sources, flags);
  if (!test) return false;
  for (let i = 0; i < PROSE_PROBE.length; i++) {
    test.lastIndex = i;
    if (test.test(PROSE_PROBE)) return false;
  }
  return true;
}

interface Context {
  readonly unicode: boolean;
  readonly flags: string;
}

interface Info {
  min: number;
  max: number;
  req: TriggerLiteral[] | null;
  /**
   * Sources of the atoms that can read a character between the node's start and its trigger
   * literal: the consuming atoms before it, and what a look-ahead holding it reads.
   */
  prefix: Set<string>;
}

const NONE: Info = { min: 0, max: 0, req: null, prefix: new Set() };

const shift = (req: readonly TriggerLiteral[], min: number, max: number): TriggerLiteral[] =>
  req.map((l) => ({ text: l.text, minOffset: l.minOffset + min, maxOffset: l.maxOffset + max }));

// Characters so common in official prose that a trigger made of them is tried often.
const COMMON = /[\d，。、：的了是在和有与年月日个为一二三四五六七八九十]/u;

/** Lower is better: roughly how many windows per character of text, times how wide they are. */
function cost(req: readonly TriggerLiteral[], prefix: ReadonlySet<string>, ctx: Context): number {
  let total = 0;
  let isNarrow: boolean | undefined;
  for (const l of req) {
    let p = 1;
    for (const c of l.text) p *= /[\x20-\x7e]/.test(c) || COMMON.test(c) ? 0.05 : 0.005;
    // An unbounded window is found by walking back over the characters the pattern can consume
    // before the literal. Where that includes prose, it is most of a sentence
    // (`[^。！？]{0,60}?` in the spam pack); otherwise (`\d+号`) a few characters.
    if (l.maxOffset !== Infinity) total += p * (l.maxOffset - l.minOffset + 1);
    else total += (isNarrow ??= narrow(prefix, ctx.flags)) ? p * 4 : 1000;
  }
  return total;
}

function analyse(node: Node, ctx: Context): Info {
  const unicode = ctx.unicode;
  switch (node.k) {
    case 'lit':
      return { min: node.s.length, max: node.s.length, req: [{ text: node.s, minOffset: 0, maxOffset: 0 }], prefix: new Set() };
    case 'set': {
      const max = unicode ? 2 : 1;
      const req = node.chars && node.chars.length <= MAX_SET_TRIGGERS ? node.chars.map((c) => ({ text: c, minOffset: 0, maxOffset: 0 })) : null;
      return { min: 1, max, req, prefix: new Set() };
    }
    case 'assert':
      return NONE;
    case 'look': {
      // Look-ahead content lies after the position, inside the text the rule runs on; what a
      // look-behind reads may lie before the slice, so it gives no trigger.
      if (!node.ahead || node.negative) return NONE;
      const inner = analyse(node.node, ctx);
      return { min: 0, max: 0, req: inner.req, prefix: inner.prefix };
    }
    case 'rep': {
      const inner = analyse(node.node, ctx);
      const min = inner.min * node.min;
      const max = node.max === Infinity ? (inner.max === 0 ? 0 : Infinity) : inner.max * node.max;
      if (node.min === 0) return { min, max, req: null, prefix: new Set() };
      if (node.node.k === 'lit' && node.min > 1) {
        const copies = Math.min(node.min, Math.max(1, Math.floor(MAX_REPEATED_LITERAL / node.node.s.length)));
        return { min, max, req: [{ text: node.node.s.repeat(copies), minOffset: 0, maxOffset: 0 }], prefix: new Set() };
      }
      // The literal of the first repetition.
      return { min, max, req: inner.req, prefix: inner.prefix };
    }
    case 'alt': {
      let min = Infinity;
      let max = 0;
      let req: TriggerLiteral[] | null = [];
      const prefix = new Set<string>();
      for (const a of node.alts) {
        const i = analyse(a, ctx);
        min = Math.min(min, i.min);
        max = Math.max(max, i.max);
        req = req && i.req ? [...req, ...i.req] : null;
        for (const x of i.prefix) prefix.add(x);
      }
      return { min: min === Infinity ? 0 : min, max, req, prefix };
    }
    case 'seq': {
      let min = 0;
      let max = 0;
      let best: { req: TriggerLiteral[]; prefix: Set<string>; cost: number } | null = null;
      const before = new Set<string>();
      for (const item of node.items) {
        const i = analyse(item, ctx);
        if (i.req) {
          const req = shift(i.req, min, max);
          const prefix = new Set([...before, ...i.prefix]);
          const c = cost(req, prefix, ctx);
          if (!best || c < best.cost) best = { req, prefix, cost: c };
        }
        min += i.min;
        max += i.max;
        collectConsumed(item, before);
      }
      return { min, max, req: best?.req ?? null, prefix: best?.prefix ?? new Set() };
    }
  }
}

// Sources of every atom a node can consume (look-arounds consume nothing).
function collectConsumed(node: Node, out: Set<string>): void {
  switch (node.k) {
    case 'lit':
      for (const c of node.s) out.add(escapeLiteral(c));
      return;
    case 'set':
      out.add(node.src);
      return;
    case 'seq':
      for (const i of node.items) collectConsumed(i, out);
      return;
    case 'alt':
      for (const a of node.alts) collectConsumed(a, out);
      return;
    case 'rep':
      collectConsumed(node.node, out);
      return;
    default:
      return;
  }
}

const escapeLiteral = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', v: '\v', f: '\f', '0': '\0' };

/** A recursive-descent reader of the JavaScript pattern syntax, enough to find literals. */
class Parser {
  #i = 0;
  constructor(
    readonly pattern: string,
    readonly unicode: boolean,
    readonly sets: boolean,
  ) {}

  parse(): Node {
    const node = this.#alternation();
    if (this.#i !== this.pattern.length) throw new Unsupported();
    return node;
  }

  #alternation(): Node {
    const alts = [this.#sequence()];
    while (this.pattern[this.#i] === '|') {
      this.#i++;
      alts.push(this.#sequence());
    }
    return alts.length === 1 ? alts[0]! : { k: 'alt', alts };
  }

  #sequence(): Node {
    const items: Node[] = [];
    const p = this.pattern;
    while (this.#i < p.length && p[this.#i] !== '|' && p[this.#i] !== ')') {
      const atom = this.#atom();
      const q = this.#quantifier();
      const node: Node = q ? { k: 'rep', node: atom, min: q[0], max: q[1] } : atom;
      // Adjacent literals read as one string: 截止 is a better trigger than 截.
      const last = items[items.length - 1];
      if (node.k === 'lit' && last?.k === 'lit') items[items.length - 1] = { k: 'lit', s: last.s + node.s };
      else items.push(node);
    }
    return items.length === 1 ? items[0]! : { k: 'seq', items };
  }

  #quantifier(): [number, number] | null {
    const m = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(this.pattern.slice(this.#i, this.#i + 24));
    if (!m) return null;
    this.#i += m[0].length;
    if (m[1] === '*') return [0, Infinity];
    if (m[1] === '+') return [1, Infinity];
    if (m[1] === '?') return [0, 1];
    const min = Number(m[2]);
    return [min, m[3] === undefined ? min : m[4] ? Number(m[4]) : Infinity];
  }

  #atom(): Node {
    const p = this.pattern;
    const c = p[this.#i]!;
    if (c === '(') return this.#group();
    if (c === '[') return this.#class();
    if (c === '\\') return this.#escape();
    if (c === '^' || c === '$') {
      this.#i++;
      return { k: 'assert' };
    }
    if (c === '.') {
      this.#i++;
      return { k: 'set', chars: null, src: '.' };
    }
    if (c === '*' || c === '+' || c === '?') throw new Unsupported();
    const code = p.codePointAt(this.#i)!;
    const ch = this.unicode && code > 0xffff ? String.fromCodePoint(code) : c;
    this.#i += ch.length;
    return { k: 'lit', s: ch };
  }

  #group(): Node {
    const p = this.pattern;
    this.#i++;
    let look: { ahead: boolean; negative: boolean } | null = null;
    if (p[this.#i] === '?') {
      const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(p.slice(this.#i, this.#i + 64));
      if (!m) throw new Unsupported(); // modifiers such as (?i:…)
      this.#i += m[0].length;
      const kind = m[0].slice(1);
      if (kind === '=' || kind === '!') look = { ahead: true, negative: kind === '!' };
      else if (kind === '<=' || kind === '<!') look = { ahead: false, negative: kind === '<!' };
    }
    const inner = this.#alternation();
    if (p[this.#i] !== ')') throw new Unsupported();
    this.#i++;
    if (look) return { k: 'look', ...look, node: inner };
    // A group is a unit for quantifiers: keep it apart from neighbouring literals.
    return inner.k === 'lit' ? { k: 'seq', items: [inner] } : inner;
  }

  #escape(): Node {
    const p = this.pattern;
    const start = this.#i;
    const next = p[this.#i + 1];
    if (next === undefined) throw new Unsupported();
    if (/[1-9]/.test(next) || next === 'k') throw new Unsupported(); // back-references
    if (next === 'b' || next === 'B') {
      this.#i += 2;
      return { k: 'assert' };
    }
    if (/[dDwWsS]/.test(next)) {
      this.#i += 2;
      return { k: 'set', chars: null, src: p.slice(start, this.#i) };
    }
    if ((next === 'p' || next === 'P') && this.unicode) {
      const end = p.indexOf('}', this.#i);
      if (end < 0) throw new Unsupported();
      this.#i = end + 1;
      return { k: 'set', chars: null, src: p.slice(start, this.#i) };
    }
    const ch = this.#escapedChar();
    return { k: 'lit', s: ch };
  }

  // One escaped character (at `\`), as the string it stands for.
  #escapedChar(): string {
    const p = this.pattern;
    const next = p[this.#i + 1]!;
    let m: RegExpExecArray | null;
    const rest = p.slice(this.#i, this.#i + 12);
    if ((m = /^\\u\{([0-9a-fA-F]+)\}/.exec(rest)) && this.unicode) {
      this.#i += m[0].length;
      return String.fromCodePoint(parseInt(m[1]!, 16));
    }
    if ((m = /^\\u([0-9a-fA-F]{4})/.exec(rest))) {
      this.#i += m[0].length;
      return String.fromCharCode(parseInt(m[1]!, 16));
    }
    if ((m = /^\\x([0-9a-fA-F]{2})/.exec(rest))) {
      this.#i += m[0].length;
      return String.fromCharCode(parseInt(m[1]!, 16));
    }
    if ((m = /^\\c([A-Za-z])/.exec(rest))) {
      this.#i += m[0].length;
      return String.fromCharCode(m[1]!.charCodeAt(0) % 32);
    }
    if (next === '0' && /[0-9]/.test(p[this.#i + 2] ?? '')) throw new Unsupported(); // legacy octal
    this.#i += 2;
    if (next in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[next]!;
    if (/[A-Za-z]/.test(next)) throw new Unsupported(); // an escape this reader does not know
    return next;
  }

  #class(): Node {
    const p = this.pattern;
    const start = this.#i;
    let depth = 0;
    let end = -1;
    for (let i = start; i < p.length; i++) {
      const c = p[i];
      if (c === '\\') i++;
      else if (c === '[' && (this.sets || i === start)) depth++;
      else if (c === ']' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    if (end < 0) throw new Unsupported();
    this.#i = end;
    const src = p.slice(start, end);
    return { k: 'set', chars: this.#classChars(start + 1, end - 1), src };
  }

  // The characters of a class made only of plain characters (no ranges, negation, class escapes
  // or set operations); `null` otherwise.
  #classChars(from: number, to: number): string[] | null {
    const p = this.pattern;
    if (p[from] === '^') return null;
    const chars: string[] = [];
    const saved = this.#i;
    try {
      for (this.#i = from; this.#i < to; ) {
        const c = p[this.#i]!;
        if (c === '[' || (c === '-' && this.#i > from && this.#i < to - 1)) return null;
        if ((c === '&' || c === '-') && this.sets && p[this.#i + 1] === c) return null;
        if (c === '\\') {
          const next = p[this.#i + 1] ?? '';
          if (/[dDwWsSpPbBqk1-9]/.test(next)) return null;
          chars.push(this.#escapedChar());
          continue;
        }
        const code = p.codePointAt(this.#i)!;
        const ch = this.unicode && code > 0xffff ? String.fromCodePoint(code) : c;
        chars.push(ch);
        this.#i += ch.length;
      }
    } catch (e) {
      if (e instanceof Unsupported) return null;
      throw e;
    } finally {
      this.#i = saved;
    }
    return [...new Set(chars)];
  }
}
