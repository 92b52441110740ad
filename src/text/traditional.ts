import { requireNumber, requireString } from './arguments';
import { mapUnits, unitsToString } from './map-units';
import { decodeCodes, readNumbers } from './char-codes';
import { TRADITIONAL_TABLE } from './traditional-table';

let table: Uint16Array | undefined;

// Built on first use so that importing govpub costs nothing for hosts that never fold.
function foldTable(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(0x10000);
  // Traditional codes, then each one's distance to its simplified form (see traditional-table.ts).
  const bar = TRADITIONAL_TABLE.indexOf('|');
  const traditional: number[] = [];
  decodeCodes(TRADITIONAL_TABLE, 0, bar, (code) => traditional.push(code));
  let k = 0;
  readNumbers(TRADITIONAL_TABLE, bar + 1, TRADITIONAL_TABLE.length, (zigzag) => {
    const from = traditional[k++]!;
    t[from] = zigzag % 2 === 0 ? from + zigzag / 2 : from - (zigzag + 1) / 2;
  });
  return (table = t);
}

/**
 * The simplified form of one UTF-16 code unit, or the unit itself. Single characters only:
 * phrase-level conversion (e.g. 乾隆 keeps 乾) is beyond a fold and not needed for matching,
 * because rule terms and texts are folded the same way.
 */
export function foldTraditionalCode(code: number): number {
  if (typeof code !== 'number') requireNumber(code, 'foldTraditionalCode', 'code');
  return foldTable()[code] || code;
}

/**
 * Folds traditional characters to simplified, one character for one, so offsets are unchanged.
 *
 * @example
 * ```ts
 * foldTraditional('國務院辦公廳') // '国务院办公厅'
 * ```
 */
export function foldTraditional(text: string): string {
  requireString(text, 'foldTraditional text');
  const t = foldTable();
  const units = mapUnits(text, (c) => t[c] || c);
  return units === null ? text : unitsToString(units);
}
