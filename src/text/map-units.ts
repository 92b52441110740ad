/**
 * The one walk over a string's UTF-16 units for folds that map each unit to exactly one unit
 * (traditional → simplified, full-width → half-width): offsets in the result are offsets in the
 * input. Surrogates are units like any other here; a fold that must see whole code points or
 * combining marks belongs in {@link normalizeUnits} instead.
 */

/**
 * `text` with every UTF-16 unit replaced by `map(unit)`, as units, or `null` when no unit
 * changes (so the caller can return `text` itself without building anything). The array is
 * allocated only at the first unit that changes.
 *
 * @example
 * ```ts
 * mapUnits('ＡB', (c) => (c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c)); // Uint16Array [0x41, 0x42]
 * mapUnits('AB', (c) => c); // null
 * ```
 */
export function mapUnits(text: string, map: (unit: number) => number): Uint16Array | null {
  let out: Uint16Array | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = map(c);
    if (f !== c && out === null) {
      out = new Uint16Array(text.length);
      for (let j = 0; j < i; j++) out[j] = text.charCodeAt(j);
    }
    if (out !== null) out[i] = f;
  }
  return out;
}

/**
 * The string of `units`, unit for unit (a lone surrogate stays as it is). Built in chunks,
 * because `String.fromCharCode` with one argument per unit would exceed the argument limit.
 */
export function unitsToString(units: Uint16Array): string {
  const CHUNK = 8192;
  let s = '';
  for (let i = 0; i < units.length; i += CHUNK) {
    s += String.fromCharCode.apply(null, units.subarray(i, Math.min(units.length, i + CHUNK)) as unknown as number[]);
  }
  return s;
}
