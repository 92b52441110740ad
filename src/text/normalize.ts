import { requireNumber, requireObject, requireString } from './arguments';
import { unitsToString } from './map-units';
import { foldTraditionalCode } from './traditional';

/** What {@link normalizeText} folds. Every option defaults to `true` except the two `drop*`. */
export interface NormalizeOptions {
  /** Unicode NFKC, which also turns full-width ASCII (`ＣＯＶＩＤ`) into half-width. */
  nfkc?: boolean;
  /** Lower-case letters. */
  caseFold?: boolean;
  /** Traditional → simplified, one character for one. */
  traditional?: boolean;
  /** Drop punctuation and symbols (Unicode P and S). */
  dropPunctuation?: boolean;
  /** Drop white space. */
  dropWhitespace?: boolean;
}

/**
 * A normalised text together with the way back: normalised UTF-16 unit `i` came from
 * `original.slice(starts[i], ends[i])`.
 */
export interface NormalizedText {
  readonly original: string;
  readonly text: string;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
}

/** {@link NormalizedText} with the normalised text as UTF-16 units, for code that hashes them. */
export interface NormalizedUnits {
  readonly original: string;
  readonly units: Uint16Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;
const MARK = /\p{M}/u;

type Flags = Required<NormalizeOptions>;

function flagsOf(options: NormalizeOptions): Flags {
  return {
    nfkc: options.nfkc ?? true,
    caseFold: options.caseFold ?? true,
    traditional: options.traditional ?? true,
    dropPunctuation: options.dropPunctuation ?? false,
    dropWhitespace: options.dropWhitespace ?? false,
  };
}

/**
 * Normalises one cluster (a code point and the combining marks after it): the definition of
 * what every option means. Everything else in this file is a faster way to get the same answer.
 */
function normalizeCluster(cluster: string, f: Flags): string {
  let s = f.nfkc ? cluster.normalize('NFKC') : cluster;
  if (f.caseFold) s = s.toLowerCase();
  let out = '';
  // By code point, so that a symbol outside the BMP (an emoji) is tested whole.
  for (let ch of s) {
    if (f.traditional && ch.length === 1) ch = String.fromCharCode(foldTraditionalCode(ch.charCodeAt(0)));
    if (f.dropWhitespace && WHITESPACE.test(ch)) continue;
    if (f.dropPunctuation && PUNCTUATION.test(ch)) continue;
    out += ch;
  }
  return out;
}

// Per options and per UTF-16 unit, the answer of normalizeCluster for that unit alone,
// learned on first sight: a Chinese text is then normalised with one table look-up per unit.
const UNKNOWN = 0;
const DROP = 1; // normalises to nothing
const KEEP = 2; // normalises to exactly one unit, stored in `single`
const SLOW = 3; // several units, a surrogate, or a combining mark: take the cluster path
interface UnitTable {
  kind: Uint8Array;
  single: Uint16Array;
}
const tables = new Map<number, UnitTable>();

function tableFor(f: Flags): UnitTable {
  const key = +f.nfkc | (+f.caseFold << 1) | (+f.traditional << 2) | (+f.dropPunctuation << 3) | (+f.dropWhitespace << 4);
  let table = tables.get(key);
  if (!table) tables.set(key, (table = { kind: new Uint8Array(0x10000), single: new Uint16Array(0x10000) }));
  return table;
}

function learn(table: UnitTable, c: number, f: Flags): number {
  const ch = String.fromCharCode(c);
  let k: number;
  if ((c >= 0xd800 && c <= 0xdfff) || MARK.test(ch)) k = SLOW;
  else {
    const n = normalizeCluster(ch, f);
    if (n.length === 0) k = DROP;
    else if (n.length === 1) {
      k = KEEP;
      table.single[c] = n.charCodeAt(0);
    } else k = SLOW;
  }
  table.kind[c] = k;
  return k;
}

/**
 * Like {@link normalizeText}, but returns the normalised text as UTF-16 units without
 * building a string: for code that hashes or compares units (the duplicate index).
 */
export function normalizeUnits(text: string, options: NormalizeOptions = {}): NormalizedUnits {
  requireString(text, 'normalizeText text');
  requireObject(options, 'normalizeText options', 'options');
  const f = flagsOf(options);
  const table = tableFor(f);
  const { kind, single } = table;
  const n = text.length;
  let units = new Uint16Array(n + 16);
  let starts = new Uint32Array(n + 16);
  let ends = new Uint32Array(n + 16);
  let len = 0;

  const push = (code: number, from: number, to: number) => {
    if (len === units.length) {
      const grow = units.length * 2;
      units = copyInto(new Uint16Array(grow), units);
      starts = copyInto(new Uint32Array(grow), starts);
      ends = copyInto(new Uint32Array(grow), ends);
    }
    units[len] = code;
    starts[len] = from;
    ends[len] = to;
    len++;
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let k = kind[c]!;
    if (k === UNKNOWN) k = learn(table, c, f);
    // A combining mark after this unit may compose with it under NFKC: cluster path.
    let marked = false;
    if (i + 1 < n) {
      const next = text.charCodeAt(i + 1);
      const nextKind = kind[next] || learn(table, next, f);
      marked = nextKind === SLOW && MARK.test(text[i + 1]!);
    }
    if (!marked && k === KEEP) {
      // The hot path, inlined (no closure call per character).
      if (len === units.length) push(single[c]!, i, i + 1);
      else {
        units[len] = single[c]!;
        starts[len] = i;
        ends[len++] = i + 1;
      }
      i++;
      continue;
    }
    if (!marked && k === DROP) {
      i++;
      continue;
    }
    // One code point plus any combining marks that follow it.
    const low = text.charCodeAt(i + 1);
    let j = i + (c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1);
    while (j < n) {
      const cp = text.codePointAt(j)!;
      if (!MARK.test(String.fromCodePoint(cp))) break;
      j += cp > 0xffff ? 2 : 1;
    }
    const out = normalizeCluster(text.slice(i, j), f);
    for (let u = 0; u < out.length; u++) push(out.charCodeAt(u), i, j);
    i = j;
  }

  return { original: text, units: units.slice(0, len), starts: starts.slice(0, len), ends: ends.slice(0, len) };
}

/**
 * Normalises `text` for matching and remembers, for every output unit, the span of the
 * original it came from, so a match in the normalised text maps back to exact offsets
 * (see {@link toOriginalSpan}).
 *
 * @example
 * ```ts
 * const n = normalizeText('ＣＯＶＩＤ疫情');
 * n.text; // 'covid疫情'
 * toOriginalSpan(n, 0, 5); // { start: 0, end: 5 }
 * ```
 */
export function normalizeText(text: string, options: NormalizeOptions = {}): NormalizedText {
  const { original, units, starts, ends } = normalizeUnits(text, options);
  return { original, text: unitsToString(units), starts, ends };
}

/**
 * Maps the normalised span `[start, end)` back to the original text: from the start of
 * the unit at `start` to the end of the unit at `end - 1`. An empty span maps to an empty
 * span at the corresponding original position.
 */
export function toOriginalSpan(n: NormalizedText | NormalizedUnits, start: number, end: number): { start: number; end: number } {
  requireObject(n, 'toOriginalSpan', 'n');
  if (typeof start !== 'number' || Number.isNaN(start)) requireNumber(start, 'toOriginalSpan', 'start');
  if (typeof end !== 'number' || Number.isNaN(end)) requireNumber(end, 'toOriginalSpan', 'end');
  const len = n.starts.length;
  if (start >= len) return { start: n.original.length, end: n.original.length };
  const s = n.starts[Math.max(0, start)]!;
  if (end <= start) return { start: s, end: s };
  return { start: s, end: n.ends[Math.min(end, len) - 1]! };
}

function copyInto<T extends Uint16Array | Uint32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
