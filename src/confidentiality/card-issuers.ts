import { requireString } from '../text/index';
/** A payment-card issuer identification range and the card lengths it issues. */
export interface CardIssuer {
  /** The card scheme, e.g. `unionpay`. */
  readonly network: string;
  /** Inclusive range of the leading digits, compared on `from.length` digits. */
  readonly from: string;
  readonly to: string;
  readonly lengths: readonly number[];
}

/**
 * Issuer identification number ranges of the card schemes whose cards circulate in China
 * (ISO/IEC 7812-1 major industry identifiers 2–6). 60 covers the domestic debit BINs that
 * predate the UnionPay 62 range (e.g. 6013 Bank of China).
 *
 * Sources: ISO/IEC 7812-1:2017; China UnionPay IIN range 62; the schemes' published BIN
 * ranges (Visa 4, Mastercard 51–55 and 2221–2720, American Express 34/37, JCB 3528–3589,
 * Discover 6011/644–649/65).
 */
export const CARD_ISSUERS: readonly CardIssuer[] = [
  { network: 'unionpay', from: '62', to: '62', lengths: [16, 17, 18, 19] },
  { network: 'unionpay', from: '60', to: '60', lengths: [16, 17, 18, 19] },
  { network: 'visa', from: '4', to: '4', lengths: [16, 19] },
  { network: 'mastercard', from: '51', to: '55', lengths: [16] },
  { network: 'mastercard', from: '2221', to: '2720', lengths: [16] },
  { network: 'amex', from: '34', to: '34', lengths: [15] },
  { network: 'amex', from: '37', to: '37', lengths: [15] },
  { network: 'jcb', from: '3528', to: '3589', lengths: [16, 17, 18, 19] },
  { network: 'discover', from: '6011', to: '6011', lengths: [16, 19] },
  { network: 'discover', from: '644', to: '649', lengths: [16, 19] },
  { network: 'discover', from: '65', to: '65', lengths: [16, 19] },
];

/**
 * The issuer whose range and card lengths fit `digits`, or `null`. This is a shape check
 * only; combine it with {@link luhn} to validate a card number.
 *
 * @example
 * ```ts
 * cardIssuer('6222021234567890128')?.network // 'unionpay'
 * cardIssuer('9222021234567890128') // null
 * ```
 */
export function cardIssuer(digits: string): CardIssuer | null {
  if (typeof digits !== 'string') requireString(digits, 'cardIssuer', 'digits');
  if (!/^\d+$/.test(digits)) return null;
  for (const issuer of CARD_ISSUERS) {
    if (!issuer.lengths.includes(digits.length)) continue;
    const head = digits.slice(0, issuer.from.length);
    if (head >= issuer.from && head <= issuer.to) return issuer;
  }
  return null;
}
