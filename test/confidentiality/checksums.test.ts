import { describe, expect, it } from 'vitest';
import {
  cardIssuer,
  creditCodeCheckCharacter,
  isAllocatedMobile,
  isPlausibleLandline,
  isRealBirthDate,
  isValidCreditCode,
  isValidOrganizationCode,
  isValidResidentId,
  luhn,
  luhnCheckDigit,
  organizationCodeCheckCharacter,
  residentIdCheckCharacter,
} from '../../src/confidentiality/index';

const NOW = new Date('2025-01-01T00:00:00Z');

// Builds a valid credit code around a 17-character body by recomputing both check characters.
function creditCode(prefix8: string, org8: string): string {
  const body = prefix8 + org8 + organizationCodeCheckCharacter(org8)!;
  return body + creditCodeCheckCharacter(body)!;
}

describe('resident ID (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it('accepts the example number of the standard and rejects every other check character', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(isValidResidentId('11010519491231002X', { now: NOW })).toBe(true);
    expect(isValidResidentId('11010519491231002x', { now: NOW })).toBe(true);
    for (const c of '0123456789') expect(isValidResidentId(`11010519491231002${c}`, { now: NOW })).toBe(false);
  });

  it('computes every check character from the weighted sum', () => {
    // Σ(a_i × W_i) mod 11 → 1 0 X 9 8 7 6 5 4 3 2; vary the last body digit to walk the table.
    const seen = new Set<string>();
    for (let d = 0; d <= 9; d++) seen.add(residentIdCheckCharacter(`1101051949123100${d}`)!);
    expect(seen.size).toBe(10);
    expect(residentIdCheckCharacter('1101051949123100')).toBeNull();
    expect(residentIdCheckCharacter('1101051949123100A')).toBeNull();
  });

  it('rejects impossible and future birth dates even with a correct check character', () => {
    for (const date of ['19490230', '19491301', '19490000', '20230229', '19000229', '18991231', '20250102']) {
      const body = `110105${date}002`;
      expect(isValidResidentId(body + residentIdCheckCharacter(body), { now: NOW }), date).toBe(false);
    }
    const leap = '110105200002290021';
    const body = leap.slice(0, 17);
    expect(isValidResidentId(body + residentIdCheckCharacter(body), { now: NOW })).toBe(true);
  });

  it('rejects unknown province codes', () => {
    for (const p of ['00', '19', '20', '66', '99']) {
      const body = `${p}010519491231002`;
      expect(isValidResidentId(body + residentIdCheckCharacter(body), { now: NOW }), p).toBe(false);
    }
  });

  it('judges "future" in China Standard Time', () => {
    const body = '11010520250101002';
    const id = body + residentIdCheckCharacter(body);
    // 2024-12-31T16:00Z is already 2025-01-01 in Beijing.
    expect(isValidResidentId(id, { now: new Date('2024-12-31T16:00:00Z') })).toBe(true);
    expect(isValidResidentId(id, { now: new Date('2024-12-31T15:59:59Z') })).toBe(false);
    expect(isRealBirthDate('20000229', NOW)).toBe(true);
  });
});

describe('organisation code (GB 11714-1997) and credit code (GB 32100-2015)', () => {
  it('computes organisation code check characters, including X and 0', () => {
    // 1×3 + 2×7 + 3×9 + 4×10 + 5×5 + 6×8 + 7×4 + 8×2 = 201; 201 mod 11 = 3; 11 − 3 = 8.
    expect(organizationCodeCheckCharacter('12345678')).toBe('8');
    expect(isValidOrganizationCode('12345678-8')).toBe(true);
    expect(isValidOrganizationCode('123456788')).toBe(true);
    expect(isValidOrganizationCode('123456789')).toBe(false);
    // 4 × 3 = 12; 12 mod 11 = 1; 11 − 1 = 10 → X.
    expect(organizationCodeCheckCharacter('40000000')).toBe('X');
    // Σ = 0 → 11 → '0'.
    expect(organizationCodeCheckCharacter('00000000')).toBe('0');
  });

  it('writes a MOD 31 result of 31 as 0', () => {
    // Search for a body whose weighted sum is a multiple of 31: its check character must be 0.
    let found = '';
    for (let n = 0; n < 10_000 && !found; n++) {
      const org = String(10_000_000 + n);
      const body = '91110000' + org + organizationCodeCheckCharacter(org);
      if (creditCodeCheckCharacter(body) === '0') found = body + '0';
    }
    expect(found).not.toBe('');
    expect(isValidCreditCode(found)).toBe(true);
    expect(isValidCreditCode(found.slice(0, 17) + '1')).toBe(false);
  });

  it('validates a code and rejects a wrong check character, a wrong organisation code and illegal characters', () => {
    const code = creditCode('91110108', '55138516');
    expect(isValidCreditCode(code)).toBe(true);
    const wrongCheck = code.slice(0, 17) + (code[17] === 'A' ? 'B' : 'A');
    expect(isValidCreditCode(wrongCheck)).toBe(false);
    // Break the organisation code's own check but keep MOD 31 right: only GB 11714 catches it.
    const org = code.slice(8, 16);
    const badOrgCheck = organizationCodeCheckCharacter(org) === '1' ? '2' : '1';
    const body = code.slice(0, 16) + badOrgCheck;
    expect(isValidCreditCode(body + creditCodeCheckCharacter(body))).toBe(false);
    expect(creditCodeCheckCharacter('91110108551385I6' + '8')).toBeNull(); // I is not in the alphabet
  });

  it('rejects unknown registration authorities, types and regions', () => {
    expect(isValidCreditCode(creditCode('B1110108', '55138516'))).toBe(false);
    expect(isValidCreditCode(creditCode('90110108', '55138516'))).toBe(false);
    expect(isValidCreditCode(creditCode('91990108', '55138516'))).toBe(false);
    expect(isValidCreditCode(creditCode('Y1100000', '55138516'))).toBe(true);
  });
});

describe('Luhn and issuers (ISO/IEC 7812-1)', () => {
  it('checks and computes Luhn digits', () => {
    expect(luhn('79927398713')).toBe(true);
    expect(luhn('79927398710')).toBe(false);
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('4111 1111 1111 1111')).toBe(false);
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(luhnCheckDigit('12a')).toBeNull();
  });

  it('knows issuer ranges and their card lengths', () => {
    expect(cardIssuer('6222021234567890128')?.network).toBe('unionpay');
    expect(cardIssuer('4111111111111111')?.network).toBe('visa');
    expect(cardIssuer('2221001234567890')?.network).toBe('mastercard');
    expect(cardIssuer('2721001234567890')).toBeNull();
    expect(cardIssuer('378282246310005')?.network).toBe('amex');
    expect(cardIssuer('411111111111111111')).toBeNull(); // Visa has no 18-digit cards
    expect(cardIssuer('9222021234567890128')).toBeNull();
  });
});

describe('phone numbers', () => {
  it('knows allocated mobile prefixes only', () => {
    expect(isAllocatedMobile('13812345678')).toBe(true);
    expect(isAllocatedMobile('19212345678')).toBe(true);
    expect(isAllocatedMobile('15412345678')).toBe(false);
    expect(isAllocatedMobile('14012345678')).toBe(false);
    expect(isAllocatedMobile('1381234567')).toBe(false);
  });

  it('checks area codes and local numbers', () => {
    expect(isPlausibleLandline('010', '65123456')).toBe(true);
    expect(isPlausibleLandline('0571', '8765432')).toBe(true);
    expect(isPlausibleLandline('010', '6512345')).toBe(false);
    expect(isPlausibleLandline('010', '12345678')).toBe(false);
    expect(isPlausibleLandline('026', '65123456')).toBe(false);
    expect(isPlausibleLandline('400', '8108888')).toBe(false);
  });
});
