import { cardIssuer } from './card-issuers';
import { contextOf, type Candidate, type ScanInput } from './candidate';
import { isValidCreditCode, isValidResidentId, luhn } from './checksums';
import { looksLikeQuantity, type ContextCategory } from './context';

// Letters and digits glue onto a number; anything else (CJK, punctuation, space) ends it.
// Explicit look-arounds instead of `\b`, which treats Chinese characters as boundaries
// only by accident of being non-word characters and breaks on full-width digits.
const EIGHTEEN = /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{17}[0-9A-HJ-NPQRTUWXYx](?![0-9A-Za-z])/g;
// An ID written in its three parts (address code, birth date, sequence and check), with one
// kind of separator: `110105 19491231 002X`, `110105-19491231-002X`.
const GROUPED_ID = /(?<![0-9A-Za-z])(\d{6})([ -])(\d{8})\2(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;
const CARD_SHAPE = /(?<![0-9A-Za-z])\d(?:[ -]?\d){14,18}(?![0-9A-Za-z])/g;

const has = (cats: readonly ContextCategory[], c: ContextCategory) => cats.includes(c);

/**
 * @internal 18-character tokens: a resident ID, a unified social credit code, an 18-digit
 * card number, or nothing. One token gets one kind; when a 62-prefixed number (62 is both
 * Gansu's address code and UnionPay's IIN) is a valid ID and a valid card, the context
 * decides, and without context it is reported as an ID at lower confidence.
 */
export function detectEighteen(input: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  for (const m of input.folded.matchAll(EIGHTEEN)) {
    const token = m[0];
    const start = m.index;
    const end = start + 18;
    const idValid = isValidResidentId(token, { now: input.now });
    const cardValid = /^\d{18}$/.test(token) && luhn(token) && cardIssuer(token) !== null;
    const creditValid = !idValid && isValidCreditCode(token);
    if (!idValid && !cardValid && !creditValid) continue;
    const cats = contextOf(input, start, end);

    // The context names the kind first; only without it does the strongest check decide.
    if (cardValid && has(cats, 'card') && !has(cats, 'id')) {
      out.push(judgeCard(input, start, end, cats)!);
      continue;
    }
    if (idValid) {
      if (cardValid && !has(cats, 'id')) {
        out.push({ kind: 'id-card', start, end, confidence: 0.6, reason: '既是有效身份号码也通过银行卡校验，无上下文可区分', details: { alsoValidAs: 'bank-card' } });
      } else {
        const confidence = has(cats, 'id') ? 0.99 : has(cats, 'ordinary') ? 0.6 : 0.97;
        out.push({ kind: 'id-card', start, end, confidence, reason: '地址码、出生日期和校验码均有效' });
      }
      continue;
    }
    if (creditValid) {
      // Next to 身份证号 or 卡号, a number that fails that check but passes GB 32100 is far
      // more likely a mistyped ID or card than an organisation's code.
      const confidence = has(cats, 'credit') ? 0.99 : cats.length > 0 ? 0.45 : cardValid ? 0.6 : 0.95;
      out.push({ kind: 'credit-code', start, end, confidence, reason: '登记管理部门码、组织机构代码校验和 MOD 31 校验均有效' });
      continue;
    }
    const card = judgeCard(input, start, end, cats);
    if (card) out.push(card);
  }
  return out;
}

/**
 * @internal Resident IDs written as 6-8-4 groups. The checksum is still required; only the
 * grouping is new, and it is the ID's own structure, so no card or code competes for it.
 */
export function detectGroupedIds(input: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  for (const m of input.folded.matchAll(GROUPED_ID)) {
    const id = `${m[1]}${m[3]}${m[4]}`;
    if (!isValidResidentId(id, { now: input.now })) continue;
    const start = m.index;
    const end = start + m[0].length;
    const cats = contextOf(input, start, end);
    const confidence = has(cats, 'id') ? 0.99 : has(cats, 'ordinary') ? 0.6 : 0.95;
    out.push({ kind: 'id-card', start, end, confidence, reason: '分段书写；地址码、出生日期和校验码均有效' });
  }
  return out;
}

/** @internal Card numbers of 15–19 digits other than the contiguous 18-digit ones above. */
export function detectCards(input: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  for (const m of input.folded.matchAll(CARD_SHAPE)) {
    const raw = m[0];
    const digits = raw.replace(/[ -]/g, '');
    if (digits.length === 18 && digits === raw) continue; // detectEighteen owns these
    if (!isCardGrouping(raw) || !luhn(digits) || cardIssuer(digits) === null) continue;
    const start = m.index;
    const end = start + raw.length;
    const card = judgeCard(input, start, end, contextOf(input, start, end));
    if (card) out.push(card);
  }
  return out;
}

// A Luhn-valid number with a real issuer prefix is still an order number when the text
// says so; only card context, or no context at all, lets it through.
function judgeCard(input: ScanInput, start: number, end: number, cats: readonly ContextCategory[]): Candidate | null {
  const issuer = cardIssuer(input.folded.slice(start, end).replace(/[ -]/g, ''))!;
  if (has(cats, 'card')) {
    return { kind: 'bank-card', start, end, confidence: 0.95, reason: `卡号语境；Luhn 校验和发卡行号段（${issuer.network}）有效`, details: { network: issuer.network } };
  }
  if (cats.length > 0 || looksLikeQuantity(input.folded, start, end)) return null;
  return { kind: 'bank-card', start, end, confidence: 0.75, reason: `Luhn 校验和发卡行号段（${issuer.network}）有效`, details: { network: issuer.network } };
}

// Cards are written whole, in groups of four (the last group shorter), 4-6-5 (American
// Express) or 6 + the rest (bank passbooks), with one kind of separator.
function isCardGrouping(raw: string): boolean {
  const seps = raw.match(/[ -]/g);
  if (!seps) return true;
  if (new Set(seps).size > 1) return false;
  const groups = raw.split(seps[0]!).map((g) => g.length);
  if (groups.length === 2 && groups[0] === 6) return true;
  if (groups.join(',') === '4,6,5') return true;
  const last = groups[groups.length - 1]!;
  return groups.slice(0, -1).every((g) => g === 4) && last >= 1 && last <= 4;
}
