import { contextOf, type Candidate, type ScanInput } from './candidate';
import { CONTEXT_WORDS, nearestContext } from './context';

// ASCII addresses only. The look-behind stops at anything that cannot be in a local part,
// so `联系邮箱zhangsan@example.gov.cn，电话` yields exactly the address.
const EMAIL =
  /(?<![A-Za-z0-9._%+\-])[A-Za-z0-9](?:[A-Za-z0-9._%+\-]{0,62}[A-Za-z0-9_%+\-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9\-])/g;

/** @internal E-mail addresses. */
export function detectEmails(input: ScanInput): Candidate[] {
  return [...input.folded.matchAll(EMAIL)].map((m) => ({
    kind: 'email' as const,
    start: m.index,
    end: m.index + m[0].length,
    confidence: 0.95,
    reason: '地址格式有效',
  }));
}

/**
 * Number formats of Chinese passports and exit-entry permits. None has a published check
 * digit, so a shape alone proves nothing: these are reported only next to a context word.
 */
const TRAVEL_DOCUMENTS: readonly { name: string; pattern: RegExp }[] = [
  { name: '普通护照', pattern: /^(?:E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8})$/ },
  { name: '外交、公务护照', pattern: /^(?:D|S|P|DE|SE|PE)\d{7}$/ },
  { name: '往来港澳通行证', pattern: /^(?:C\d{8}|C[A-HJ-NP-Z]\d{7}|W\d{8})$/ },
  { name: '往来台湾通行证', pattern: /^L\d{8}$/ },
  { name: '港澳居民来往内地通行证', pattern: /^[HM]\d{8}(?:\d{2})?$/ },
];
const TRAVEL_SHAPE = /(?<![0-9A-Za-z])[A-Z]{1,2}\d{7,10}(?![0-9A-Za-z])/g;
const GENERIC_DOCUMENT_WORDS = new Set(CONTEXT_WORDS.id);

/** @internal Passport and permit numbers next to a context word. */
export function detectPassports(input: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  for (const m of input.folded.matchAll(TRAVEL_SHAPE)) {
    const doc = TRAVEL_DOCUMENTS.find((d) => d.pattern.test(m[0]));
    if (!doc) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (!contextOf(input, start, end).includes('passport')) continue;
    // `证件号码` says "some document"; `护照号` says which.
    const word = nearestContext(input.folded, start, end, input.window)?.word;
    const confidence = word !== undefined && GENERIC_DOCUMENT_WORDS.has(word) ? 0.6 : 0.75;
    out.push({ kind: 'passport', start, end, confidence, reason: `${doc.name}号码格式，且有证件语境（无校验位）`, details: { document: doc.name } });
  }
  return out;
}
