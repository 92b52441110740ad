import { pinyin } from 'pinyin-pro';

// Readings of one character, tones dropped: 王健华 and 王建华 are both wang jian hua. Cached:
// a text has few distinct characters next to a surname, and pinyin-pro's lookup is not free.
const readings = new Map<string, readonly string[]>();

/** Every reading of the character `ch` without tones (`乐` → `le`, `yue`, …). */
export function readingsOf(ch: string): readonly string[] {
  let r = readings.get(ch);
  if (!r) {
    r = /\p{sc=Han}/u.test(ch) ? pinyin(ch, { toneType: 'none', multiple: true, type: 'array' }) : [];
    if (readings.size > 20_000) readings.clear();
    readings.set(ch, r);
  }
  return r;
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
