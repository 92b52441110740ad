import { normalizeText } from '../text/normalize';

/**
 * A text normalised for the index: units, and for each unit the original span it came from.
 * Equal, unit for unit, to `normalizeText(text, { dropPunctuation: true, dropWhitespace: true })`.
 */
export interface IndexText {
  readonly original: string;
  readonly units: Uint16Array;
  readonly starts: Uint32Array;
  /** End of each unit's original span; absent when every unit spans one original unit. */
  readonly ends?: Uint32Array;
}

const OPTIONS = { dropPunctuation: true, dropWhitespace: true } as const;
const MARK = /\p{M}/u;

// Per UTF-16 unit, learned on first sight by asking normalizeText itself:
//   UNKNOWN; DROP (normalises to nothing); KEEP (one unit, in `single`); SLOW (anything else:
//   several units, a surrogate, or a combining mark that would join the previous unit).
const UNKNOWN = 0;
const DROP = 1;
const KEEP = 2;
const SLOW = 3;
let kind: Uint8Array | undefined;
let single: Uint16Array | undefined;

function learn(c: number): number {
  kind ??= new Uint8Array(0x10000);
  single ??= new Uint16Array(0x10000);
  const ch = String.fromCharCode(c);
  let k: number;
  if ((c >= 0xd800 && c <= 0xdfff) || MARK.test(ch)) k = SLOW;
  else {
    const n = normalizeText(ch, OPTIONS).text;
    if (n.length === 0) k = DROP;
    else if (n.length === 1) {
      k = KEEP;
      single[c] = n.charCodeAt(0);
    } else k = SLOW;
  }
  kind[c] = k;
  return k;
}

// Scratch buffers, grown as needed; results are copied out of them.
let unitBuffer = new Uint16Array(4096);
let startBuffer = new Uint32Array(4096);

/**
 * Normalises `text` as the index compares texts. `normalizeText` decides every character
 * (its answer for each UTF-16 unit is learned once and remembered), but a text made only of
 * characters that map to at most one unit and carry no combining marks, nearly every
 * Chinese text, is then normalised with one table look-up per unit and no string building.
 * Any other text goes through `normalizeText` whole, so the result is always the same.
 * Without `offsets`, `starts` is left empty (indexing needs only the units). With
 * `transient`, `units` is a view of a scratch buffer, valid only until the next call.
 */
export function normalizeForIndexText(text: string, offsets = true, transient = false): IndexText {
  const n = text.length;
  if (unitBuffer.length < n) {
    unitBuffer = new Uint16Array(n * 2);
    startBuffer = new Uint32Array(n * 2);
  }
  const units = unitBuffer;
  const starts = startBuffer;
  let len = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let k = kind ? kind[c]! : UNKNOWN;
    if (k === UNKNOWN) k = learn(c);
    if (k === KEEP) {
      units[len] = single![c]!;
      starts[len++] = i;
    } else if (k === SLOW) return slow(text);
    // DROP: nothing
  }
  return {
    original: text,
    units: transient ? units.subarray(0, len) : units.slice(0, len),
    starts: offsets ? starts.slice(0, len) : EMPTY,
  };
}

const EMPTY = new Uint32Array(0);

function slow(text: string): IndexText {
  const norm = normalizeText(text, OPTIONS);
  const units = new Uint16Array(norm.text.length);
  for (let i = 0; i < units.length; i++) units[i] = norm.text.charCodeAt(i);
  return { original: text, units, starts: norm.starts, ends: norm.ends };
}

/** Maps the normalised span `[start, end)` back to original offsets (as `toOriginalSpan`). */
export function originalSpan(t: IndexText, start: number, end: number): { start: number; end: number } {
  const len = t.units.length;
  if (start >= len) return { start: t.original.length, end: t.original.length };
  const s = t.starts[Math.max(0, start)]!;
  if (end <= start) return { start: s, end: s };
  const last = Math.min(end, len) - 1;
  return { start: s, end: t.ends ? t.ends[last]! : t.starts[last]! + 1 };
}
