import { decodeCodes } from '../../text/index';
import { ROSTER_READINGS } from './readings-table';

// Readings of each character, tones dropped (王健华 and 王建华 are both wang jian hua), from
// the reading table generated with pinyin-pro at build time (scripts/caliber/
// generate-lexicon.ts): 7,620 characters, every one that occurs in the 78,000-word list. A
// rarer character has no reading here and so never counts as a homophone. Built on first use;
// at run time no pinyin library is loaded, and the roster does not load the lexicon's tables,
// which keeps a page that checks wording small.
let readings: Map<string, readonly string[]> | undefined;

function readingTable(): Map<string, readonly string[]> {
  if (readings) return readings;
  const table = new Map<string, string[]>();
  const t = ROSTER_READINGS;
  for (let start = 0; start < t.length; ) {
    let end = t.indexOf('|', start);
    if (end < 0) end = t.length;
    const colon = t.indexOf(':', start);
    const syllable = t.slice(start, colon).replace(/v/g, 'ü');
    decodeCodes(t, colon + 1, end, (code) => {
      const ch = String.fromCharCode(code);
      const list = table.get(ch);
      if (!list) table.set(ch, [syllable]);
      else if (!list.includes(syllable)) list.push(syllable);
    });
    start = end + 1;
  }
  return (readings = table);
}

/** Every reading of the character `ch` without tones (`乐` → `le`, `yue`, …); empty when unknown. */
export function readingsOf(ch: string): readonly string[] {
  return readingTable().get(ch) ?? [];
}

/** True when the two characters share a reading, tones ignored (健/建, 鑫/新). */
export function homophones(a: string, b: string): boolean {
  if (a === b) return true;
  const ra = readingsOf(a);
  if (!ra.length) return false;
  const rb = readingsOf(b);
  return ra.some((x) => rb.includes(x));
}

// Confusions common in speech and typing by ear: front and back nasals (min/ming, chen/cheng)
// and flat and retroflex initials (zi/zhi, ci/chi, si/shi).
function loosen(reading: string): string {
  return reading.replace(/^([zcs])h/, '$1').replace(/ng$/, 'n');
}

/** True when the two characters sound alike allowing nasal and retroflex confusions (民/明). */
export function nearHomophones(a: string, b: string): boolean {
  if (homophones(a, b)) return true;
  const ra = readingsOf(a).map(loosen);
  return ra.length > 0 && readingsOf(b).some((x) => ra.includes(loosen(x)));
}
