import { cardIssuer } from './card-issuers';
import { contextOf, type Candidate, type ScanInput } from './candidate';
import { isRealBirthDate, isValidCreditCode, isValidResidentId, luhn } from './checksums';
import { isProvinceCode } from './regions';
import { looksLikeQuantity, type ContextCategory } from './context';
import { heldByOrganisation } from './account-holder';

// Letters and digits glue onto a number; anything else (CJK, punctuation, space) ends it.
// Explicit look-arounds instead of `\b`, which treats Chinese characters as boundaries
// only by accident of being non-word characters and breaks on full-width digits.
const EIGHTEEN = /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{17}[0-9A-HJ-NPQRTUWXYx](?![0-9A-Za-z])/g;
// An ID written in its three parts (address code, birth date, sequence and check), with one
// kind of separator: `110105 19491231 002X`, `110105-19491231-002X`.
const GROUPED_ID = /(?<![0-9A-Za-z])(\d{6})([ -])(\d{8})\2(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;
// The same 18 characters in groups of four, as a number copied out of a spreadsheet or typed
// off the card is often written: `1101 0519 4912 3100 2X`.
const ID_IN_FOURS = /(?<![0-9A-Za-z])(\d{4})([ -])(\d{4})\2(\d{4})\2(\d{4})\2(\d[0-9Xx])(?![0-9A-Za-z])/g;
// A first-generation ID (GB 11643-1989, issued until 2004 and still found in old rolls and
// registers): address code, birth date as YYMMDD in the 1900s, sequence; no check character.
const FIFTEEN = /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g;

/**
 * @internal The confidence of a number that is shaped like an ID or a card and stands right
 * after that kind's own label, but fails its check character. One mistyped digit still
 * discloses the person's number, so it is reported; but below the default `minConfidence`
 * (0.5): issue 4 specifies an ID by its check digit and a card by Luhn, with wrong check digits
 * among the hard negatives (test/fixtures/sensitive-corpus.json). A host that wants them
 * passes `minConfidence: 0.4`.
 */
export const MISTYPED_CONFIDENCE = 0.45;
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
    if (!idValid && !cardValid && !creditValid) {
      const mistyped = mistypedId(input, token, start, end) ?? (/^\d{18}$/.test(token) ? mistypedCard(input, token, start, end) : null);
      if (mistyped) out.push(mistyped);
      continue;
    }
    const cats = contextOf(input, start, end);
    // Next to an ID word, a number that fails the ID check but happens to pass another (Luhn:
    // a 62 address code is also UnionPay's prefix; GB 32100) is a mistyped ID when its address
    // code and birth date are real, not a card or a code.
    if (!idValid && has(cats, 'id')) {
      const mistyped = mistypedId(input, token, start, end);
      if (mistyped) {
        out.push(mistyped);
        continue;
      }
    }

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

// An 18-character number that would be a resident ID but for its check character, right
// after an ID word: a real address code and a real birth date say it is someone's ID typed
// with one wrong character, not a random figure.
function mistypedId(input: ScanInput, token: string, start: number, end: number): Candidate | null {
  if (!/^\d{17}[\dXx]$/.test(token) || !isProvinceCode(token) || !isRealBirthDate(token.slice(6, 14), input.now)) return null;
  if (!contextOf(input, start, end).includes('id')) return null;
  return {
    kind: 'id-card',
    start,
    end,
    confidence: MISTYPED_CONFIDENCE,
    reason: '地址码和出生日期有效，但校验码不符（疑似录入有误，仍是身份号码）',
    details: { checksum: 'invalid' },
  };
}

// A number with a card issuer's prefix and length right after a card word, failing Luhn:
// the card typed with one wrong digit.
function mistypedCard(input: ScanInput, digits: string, start: number, end: number): Candidate | null {
  if (cardIssuer(digits) === null) return null;
  const cats = contextOf(input, start, end);
  if (!has(cats, 'card') || has(cats, 'id') || has(cats, 'ordinary') || heldByOrganisation(input.folded, start, end)) return null;
  return {
    kind: 'bank-card',
    start,
    end,
    confidence: MISTYPED_CONFIDENCE,
    reason: '卡号语境和发卡行号段有效，但 Luhn 校验不符（疑似录入有误，仍是卡号）',
    details: { checksum: 'invalid' },
  };
}

/**
 * @internal Resident IDs written in groups of four (`1101 0519 4912 3100 2X`). The check
 * character is required; a card of the same grouping (a 62-prefixed number can be both) wins
 * after a card word.
 */
export function detectIdsInFours(input: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  for (const m of input.folded.matchAll(ID_IN_FOURS)) {
    const id = `${m[1]}${m[3]}${m[4]}${m[5]}${m[6]}`;
    if (!isValidResidentId(id, { now: input.now })) continue;
    const start = m.index;
    const end = start + m[0].length;
    const cats = contextOf(input, start, end);
    if (has(cats, 'card') && !has(cats, 'id')) continue;
    const confidence = has(cats, 'id') ? 0.99 : has(cats, 'ordinary') ? 0.6 : 0.9;
    out.push({ kind: 'id-card', start, end, confidence, reason: '四位一组书写；地址码、出生日期和校验码均有效' });
  }
  return out;
}

/**
 * @internal First-generation 15-digit IDs: a real province code and a real birth date in the
 * 1900s, and, since there is no check digit, only after an ID word (or under an ID column).
 */
export function detectFifteenDigitIds(input: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  for (const m of input.folded.matchAll(FIFTEEN)) {
    const token = m[0];
    if (!isProvinceCode(token) || !isRealBirthDate(`19${token.slice(6, 12)}`, input.now)) continue;
    const start = m.index;
    const end = start + 15;
    if (!contextOf(input, start, end).includes('id')) continue;
    out.push({ kind: 'id-card', start, end, confidence: 0.9, reason: '第一代（15位）身份号码：地址码和出生日期有效，且有身份证语境', details: { generation: 1 } });
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
    if (!isCardGrouping(raw) || cardIssuer(digits) === null) continue;
    const start = m.index;
    const end = start + raw.length;
    if (!luhn(digits)) {
      const mistyped = mistypedCard(input, digits, start, end);
      if (mistyped) out.push(mistyped);
      continue;
    }
    const card = judgeCard(input, start, end, contextOf(input, start, end));
    if (card) out.push(card);
  }
  return out;
}

// A Luhn-valid number with a real issuer prefix is still an order number when the text
// says so; only card context, or no context at all, lets it through.
function judgeCard(input: ScanInput, start: number, end: number, cats: readonly ContextCategory[]): Candidate | null {
  if (heldByOrganisation(input.folded, start, end)) return null;
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
