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

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;
const MARK = /\p{M}/u;

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
  const nfkc = options.nfkc ?? true;
  const caseFold = options.caseFold ?? true;
  const traditional = options.traditional ?? true;
  const dropPunctuation = options.dropPunctuation ?? false;
  const dropWhitespace = options.dropWhitespace ?? false;

  const n = text.length;
  let out = new Uint16Array(n + 16);
  let starts = new Uint32Array(n + 16);
  let ends = new Uint32Array(n + 16);
  let len = 0;

  const push = (code: number, from: number, to: number) => {
    if (len === out.length) {
      const grow = out.length * 2;
      const o = new Uint16Array(grow);
      o.set(out);
      out = o;
      const s = new Uint32Array(grow);
      s.set(starts);
      starts = s;
      const e = new Uint32Array(grow);
      e.set(ends);
      ends = e;
    }
    out[len] = code;
    starts[len] = from;
    ends[len] = to;
    len++;
  };

  // Emits one unit after the folds that apply to single units.
  const emit = (code: number, from: number, to: number) => {
    if (code < 0x80) {
      if (caseFold && code >= 65 && code <= 90) code += 32;
      else if (dropWhitespace && (code === 32 || (code >= 9 && code <= 13))) return;
      else if (dropPunctuation && isAsciiPunctuation(code)) return;
      push(code, from, to);
      return;
    }
    if (traditional) code = foldTraditionalCode(code);
    if (code >= 0x4e00 && code <= 0x9fff) {
      push(code, from, to);
      return;
    }
    const ch = String.fromCharCode(code);
    if (dropWhitespace && WHITESPACE.test(ch)) return;
    if (dropPunctuation && PUNCTUATION.test(ch)) return;
    if (caseFold) {
      const lower = ch.toLowerCase();
      if (lower !== ch && lower.length === 1) code = lower.charCodeAt(0);
    }
    push(code, from, to);
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Fast paths cover ASCII, CJK ideographs and full-width ASCII, i.e. nearly all of a
    // Chinese government text, without calling String#normalize per character.
    // (Unless a combining mark follows: NFKC may compose it with this character.)
    if ((c < 0x80 || (c >= 0x4e00 && c <= 0x9fff)) && !(text.charCodeAt(i + 1) >= 0x300 && MARK.test(text[i + 1]!))) {
      emit(c, i, i + 1);
      i++;
      continue;
    }
    if (nfkc && c >= 0xff01 && c <= 0xff5e) {
      emit(c - 0xfee0, i, i + 1);
      i++;
      continue;
    }
    if (nfkc && c === 0x3000) {
      emit(32, i, i + 1);
      i++;
      continue;
    }
    // General path: one code point plus any combining marks that follow it.
    let j = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1);
    while (j < n) {
      const cp = text.codePointAt(j)!;
      if (!MARK.test(String.fromCodePoint(cp))) break;
      j += cp > 0xffff ? 2 : 1;
    }
    const cluster = text.slice(i, j);
    const folded = nfkc ? cluster.normalize('NFKC') : cluster;
    const cased = caseFold ? folded.toLowerCase() : folded;
    if (cased.length === 1) emit(cased.charCodeAt(0), i, j);
    else for (let k = 0; k < cased.length; k++) emit(cased.charCodeAt(k), i, j);
    i = j;
  }

  return {
    original: text,
    text: decode(out, len),
    starts: starts.slice(0, len),
    ends: ends.slice(0, len),
  };
}

/**
 * Maps the normalised span `[start, end)` back to the original text: from the start of
 * the unit at `start` to the end of the unit at `end - 1`. An empty span maps to an empty
 * span at the corresponding original position.
 */
export function toOriginalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  const len = n.text.length;
  if (start >= len) return { start: n.original.length, end: n.original.length };
  const s = n.starts[Math.max(0, start)]!;
  if (end <= start) return { start: s, end: s };
  return { start: s, end: n.ends[Math.min(end, len) - 1]! };
}

function isAsciiPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

function decode(units: Uint16Array, len: number): string {
  const CHUNK = 8192;
  let s = '';
  for (let i = 0; i < len; i += CHUNK) {
    s += String.fromCharCode.apply(null, units.subarray(i, Math.min(len, i + CHUNK)) as unknown as number[]);
  }
  return s;
}
