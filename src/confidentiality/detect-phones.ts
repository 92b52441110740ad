import { contextOf, type Candidate, type ScanInput } from './candidate';
import { looksLikeQuantity } from './context';
import { isAllocatedMobile, isPlausibleLandline } from './phone-numbers';

// 138 1234 5678 / 138-1234-5678 / 13812345678, optionally after +86, 0086 or (+86). The
// back-reference keeps the two separators the same.
const MOBILE = /(?<![0-9A-Za-z])((?:\+|00)86[ -]?|[(（]\+?86[)）][ -]?)?(1\d\d)([ -]?)(\d{4})\3(\d{4})(?![0-9A-Za-z])/g;
// (010)6512 3456 / 010-65123456 / 0571 8765432: the area code set off by brackets or a separator.
const LANDLINE = /(?<![0-9A-Za-z])(?:[(（](0\d{2,3})[)）][ -]?|(0\d{2,3})[ -])([2-9]\d{2,3})[ -]?(\d{4})(?![0-9A-Za-z])/g;
// 01065123456: only with a phone word nearby, since a bare run of digits may be anything.
const LANDLINE_PLAIN = /(?<![0-9A-Za-z])0\d{9,11}(?![0-9A-Za-z])/g;

/** @internal Mobile numbers with an allocated prefix, unless the context makes them figures or other codes. */
export function detectMobiles(input: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  for (const m of input.folded.matchAll(MOBILE)) {
    const number = m[2]! + m[4]! + m[5]!;
    if (!isAllocatedMobile(number)) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (looksLikeQuantity(input.folded, start, end)) continue;
    const cats = contextOf(input, start, end);
    let confidence: number;
    if (cats.includes('phone')) confidence = 0.97;
    else if (cats.length > 0) continue; // 订单号, 金额, 身份证号…: something else that happens to look like a phone number
    else confidence = m[1] ? 0.95 : 0.85;
    out.push({ kind: 'mobile', start, end, confidence, reason: `号段 ${number.slice(0, 3)} 已分配`, details: { prefix: number.slice(0, 3) } });
  }
  return out;
}

/** @internal Fixed-line numbers with a plausible area code and local number. */
export function detectLandlines(input: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  const push = (start: number, end: number, area: string, formatted: boolean) => {
    if (looksLikeQuantity(input.folded, start, end)) return;
    const cats = contextOf(input, start, end);
    const phone = cats.includes('phone');
    if (!phone && (cats.length > 0 || !formatted)) return;
    out.push({
      kind: 'landline',
      start,
      end,
      confidence: phone ? (formatted ? 0.95 : 0.8) : 0.85,
      reason: `区号 ${area}`,
      details: { areaCode: area },
    });
  };
  for (const m of input.folded.matchAll(LANDLINE)) {
    const area = (m[1] ?? m[2])!;
    if (!isPlausibleLandline(area, m[3]! + m[4]!)) continue;
    push(m.index, m.index + m[0].length, area, true);
  }
  for (const m of input.folded.matchAll(LANDLINE_PLAIN)) {
    const digits = m[0];
    const area = [3, 4].map((n) => digits.slice(0, n)).find((a) => isPlausibleLandline(a, digits.slice(a.length)));
    if (area) push(m.index, m.index + digits.length, area, false);
  }
  return out;
}
