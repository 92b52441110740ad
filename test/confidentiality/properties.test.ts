import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MOBILE_PREFIXES,
  PERSONAL_DATA_KINDS,
  PROVINCE_CODES,
  detectSensitive,
  luhnCheckDigit,
  redact,
  residentIdCheckCharacter,
  type RedactionSpan,
} from '../../src/index';
import { foldForScan } from '../../src/confidentiality/fold';

const NOW = new Date('2025-01-01T00:00:00Z');
// Characters that cannot form a context word, so surrounding text neither helps nor hinders.
const FILLER = [...'的是在了和有大这中上为们地个时要动产以到会来分生对学下就发成可出能方进同行面说种过而多后自加小也经力线本高量长得实家定深法表着水理化争现所起好无农使性前等反体合路图把结第里正开论之物从当两些还天事队如应形想心样都向变，。、：'];
// Text that exercises the detectors: digits, separators, letters, markers, CJK, surrogates.
const NOISY = [...'0123456789', ' ', '-', '+', '@', '.', '(', ')', '|', '\n', 'X', 'E', 'a', 'z', '★', '机', '密', '秘', '内', '部', '资', '料', '号', '卡', '电', '话', '身', '份', '证', '元', '𠀀', '\uD800', '\uFEFF', '１', '８', ...FILLER.slice(0, 10)];

const filler = fc.string({ unit: fc.constantFrom(...FILLER), maxLength: 20 });
const noisy = fc.string({ unit: fc.constantFrom(...NOISY), maxLength: 200 });
const mainlandProvinces = [...PROVINCE_CODES].filter((p) => !['71', '81', '82', '83'].includes(p));

const residentId = fc
  .record({
    province: fc.constantFrom(...mainlandProvinces),
    rest: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, rest, birth, seq }) => {
    const date = birth.toISOString().slice(0, 10).replace(/-/g, '');
    const body = province + String(rest).padStart(4, '0') + date + String(seq).padStart(3, '0');
    return body + residentIdCheckCharacter(body);
  });

const mobile = fc
  .record({ prefix: fc.constantFrom(...MOBILE_PREFIXES), rest: fc.integer({ min: 0, max: 99_999_999 }) })
  .map(({ prefix, rest }) => prefix + String(rest).padStart(8, '0'));

const unionPayCard = fc
  .record({ length: fc.constantFrom(16, 17, 19), body: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }) })
  .map(({ length, body }) => {
    const payload = ('62' + body.join('')).slice(0, length - 1);
    return payload + luhnCheckDigit(payload);
  });

describe('folding for scanning', () => {
  it('never changes the length, so offsets in the folded text are offsets in the original', () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.string({ unit: anyUnit, maxLength: 100 }), (text) => {
        expect(foldForScan(text).length).toBe(text.length);
        expect(foldForScan('\uFEFF' + text).length).toBe(text.length + 1);
      }),
      { numRuns: 300 },
    );
    expect(foldForScan('\uFEFF機密★１０年')).toBe('\uFEFF机密★10年');
  });
});

describe('detectSensitive properties', () => {
  it('reports exact, sorted, non-overlapping spans on any text', () => {
    fc.assert(
      fc.property(noisy, (text) => {
        const found = detectSensitive(text, { now: NOW });
        let last = 0;
        for (const f of found) {
          expect(f.start).toBeGreaterThanOrEqual(last);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.excerpt).toBe(text.slice(f.start, f.end));
          expect(f.ruleId).toBe(`confidentiality/${f.kind}`);
          expect(f.confidence).toBeGreaterThanOrEqual(0.5);
          expect(f.confidence).toBeLessThanOrEqual(1);
          const before = text.slice(0, f.start);
          expect(f.line).toBe(before.split('\n').length);
          expect(f.column).toBe(f.start - (before.lastIndexOf('\n') + 1) + 1);
          last = f.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('always finds a valid resident ID, with or without context', () => {
    fc.assert(
      fc.property(filler, residentId, filler, fc.boolean(), (before, id, after, labelled) => {
        const prefix = labelled ? `${before}身份证号：` : before;
        const text = prefix + id + after;
        const ids = detectSensitive(text, { now: NOW }).filter((f) => f.kind === 'id-card');
        expect(ids.map((f) => [f.start, f.excerpt])).toEqual([[prefix.length, id]]);
      }),
      { numRuns: 300 },
    );
  });

  it('never finds an ID whose check character is wrong', () => {
    fc.assert(
      fc.property(filler, residentId, fc.integer({ min: 1, max: 10 }), (before, id, shift) => {
        const chars = '0123456789X';
        const wrong = id.slice(0, 17) + chars[(chars.indexOf(id[17]!) + shift) % 11];
        const found = detectSensitive(`${before}身份证号${wrong}`, { now: NOW });
        expect(found.filter((f) => f.kind === 'id-card')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('always finds an allocated mobile number and a Luhn-valid card next to their words', () => {
    fc.assert(
      fc.property(filler, mobile, unionPayCard, (before, m, card) => {
        const text = `${before}手机${m}，银行卡号${card}。`;
        const found = detectSensitive(text, { now: NOW });
        expect(found.map((f) => [f.kind, f.excerpt])).toEqual([
          ['mobile', m],
          ['bank-card', card],
        ]);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves no personal data after masking', () => {
    fc.assert(
      fc.property(filler, residentId, mobile, unionPayCard, (before, id, m, card) => {
        const text = `${before}身份证号${id}，手机${m}，卡号${card}，邮箱li.si@example.gov.cn`;
        const masked = redact(text, detectSensitive(text, { now: NOW }));
        expect(detectSensitive(masked, { now: NOW }).filter((f) => PERSONAL_DATA_KINDS.includes(f.kind))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

// Arbitrary valid spans of a text of length n.
const textAndSpans = fc.string({ unit: fc.constantFrom(...NOISY), minLength: 1, maxLength: 80 }).chain((text) =>
  fc.tuple(
    fc.constant(text),
    fc.array(
      fc
        .tuple(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: text.length }), fc.constantFrom(undefined, 'mobile', 'email', 'id-card', 'landline') as fc.Arbitrary<RedactionSpan['kind']>)
        .map(([a, b, kind]): RedactionSpan => (kind ? { start: Math.min(a, b), end: Math.max(a, b), kind } : { start: Math.min(a, b), end: Math.max(a, b) })),
      { maxLength: 6 },
    ),
  ),
);

function covered(text: string, spans: readonly RedactionSpan[]): boolean[] {
  const c = Array.from({ length: text.length }, () => false);
  for (const s of spans) for (let i = s.start; i < s.end; i++) c[i] = true;
  return c;
}

describe('redact properties', () => {
  it('mask keeps the length and changes nothing outside the spans', () => {
    fc.assert(
      fc.property(textAndSpans, ([text, spans]) => {
        const out = redact(text, spans);
        expect(out.length).toBe(text.length);
        const c = covered(text, spans);
        for (let i = 0; i < text.length; i++) if (!c[i]) expect(out[i]).toBe(text[i]);
      }),
      { numRuns: 300 },
    );
  });

  it('remove deletes exactly the covered characters', () => {
    fc.assert(
      fc.property(textAndSpans, ([text, spans]) => {
        const c = covered(text, spans);
        // Offsets are UTF-16 units, so compare unit by unit (split('') does not join surrogates).
        const expected = text.split('').filter((_, i) => !c[i]).join('');
        expect(redact(text, spans, { mode: 'remove' })).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('label keeps every uncovered character in order', () => {
    fc.assert(
      fc.property(textAndSpans, ([text, spans]) => {
        const c = covered(text, spans);
        const out = redact(text, spans, { mode: 'label' });
        // Removing the labels from the output gives back the uncovered text.
        const stripped = out.replace(/\[(?:手机号|电子邮箱|身份证号|电话号码|已隐去)\]/g, '');
        expect(stripped).toBe(text.split('').filter((_, i) => !c[i]).join(''));
      }),
      { numRuns: 300 },
    );
  });
});
