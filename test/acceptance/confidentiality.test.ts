import { describe, expect, it } from 'vitest';
import { govpub } from './package-under-test';

const g: any = govpub;

function idCheck(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body17[i]) * w[i]!;
  return '10X98765432'[s % 11]!;
}
function luhnDigit(body: string): string {
  let s = 0;
  const d = body.split('').reverse();
  for (let i = 0; i < d.length; i++) {
    let x = Number(d[i]);
    if (i % 2 === 0) { x *= 2; if (x > 9) x -= 9; }
    s += x;
  }
  return String((10 - (s % 10)) % 10);
}
function luhnValid(n: string): boolean {
  return luhnDigit(n.slice(0, -1)) === n.slice(-1);
}
const CC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function orgCheck(o8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 8; i++) s += parseInt(o8[i]!, 36) * w[i]!;
  const c = 11 - (s % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
function creditCheck(b17: string): string {
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let s = 0;
  for (let i = 0; i < 17; i++) s += CC.indexOf(b17[i]!) * w[i]!;
  const c = 31 - (s % 31);
  return CC[c === 31 ? 0 : c]!;
}

const ID = '11010519491231002' + idCheck('11010519491231002'); // 11010519491231002X
const ID_BAD = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
const org8 = '60003734';
const CREDIT_BODY = '91110000' + org8 + orgCheck(org8);
const CREDIT = CREDIT_BODY + creditCheck(CREDIT_BODY);
const CREDIT_BAD = CREDIT_BODY + (creditCheck(CREDIT_BODY) === '1' ? '2' : '1');
const CARD = '622202000000000000' + luhnDigit('622202000000000000');
const CARD_BAD = CARD.slice(0, -1) + String((Number(CARD.slice(-1)) + 1) % 10);

function invariants(text: string, findings: any[]) {
  let prev = -1;
  for (const f of findings) {
    expect(f.excerpt).toBe(text.slice(f.start, f.end));
    const before = text.slice(0, f.start).split('\n');
    expect(f.line).toBe(before.length);
    expect(f.column).toBe(before[before.length - 1]!.length + 1);
    expect(f.start).toBeGreaterThanOrEqual(prev);
    prev = f.start;
    expect(f.ruleId).toBe(`confidentiality/${f.kind}`);
    expect(g.LEVELS).toContain(f.level);
  }
}

describe('levels', () => {
  it('LEVELS is exactly the documented order', () => {
    expect([...g.LEVELS]).toEqual(['public', 'internal', 'secret', 'confidential', 'top-secret']);
  });
  it('compareLevels orders levels', () => {
    expect(g.compareLevels('public', 'internal')).toBeLessThan(0);
    expect(g.compareLevels('top-secret', 'confidential')).toBeGreaterThan(0);
    expect(g.compareLevels('secret', 'secret')).toBe(0);
    expect(g.compareLevels('internal', 'secret')).toBeLessThan(0);
  });
  it('compareLevels throws VALIDATION on an unknown level', () => {
    expect(() => g.compareLevels('public', 'ultra')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('parseMarking', () => {
  it('机密★1年 → confidential, 1 year, start/end', () => {
    const m = g.parseMarking('机密★1年');
    expect(m).toMatchObject({ level: 'confidential', period: { years: 1 }, start: 0, end: 5 });
  });
  it('绝密 and 秘密★6个月 and 秘密★长期', () => {
    expect(g.parseMarking('绝密')).toMatchObject({ level: 'top-secret' });
    expect(g.parseMarking('秘密★6个月')).toMatchObject({ level: 'secret', period: { months: 6 } });
    expect(g.parseMarking('秘密★长期')?.level).toBe('secret');
  });
  it('running text "秘密调查" is not a marking', () => {
    expect(g.parseMarking('警方对此展开秘密调查。')).toBeNull();
  });
  it('plain text → null', () => {
    expect(g.parseMarking('关于开展安全检查的通知')).toBeNull();
  });
  it('marking at the head of a document followed by a body', () => {
    const m = g.parseMarking('机密★1年\n关于某事项的通知');
    expect(m).toMatchObject({ level: 'confidential', start: 0, end: 5 });
  });
});

describe('detectSensitive', () => {
  it('resident ID with valid MOD 11-2 check digit', () => {
    const text = `身份证号：${ID}，请核对。`;
    const f = g.detectSensitive(text);
    invariants(text, f);
    const id = f.filter((x: any) => x.kind === 'id-card');
    expect(id).toHaveLength(1);
    expect(id[0].excerpt).toBe(ID);
    expect(id[0].start).toBe(5);
    expect(id[0].confidence).toBeGreaterThan(0);
    expect(id[0].confidence).toBeLessThanOrEqual(1);
  });
  it('resident ID with wrong check digit is not an id-card', () => {
    const f = g.detectSensitive(`身份证号：${ID_BAD}`);
    expect(f.filter((x: any) => x.kind === 'id-card')).toHaveLength(0);
  });
  it('resident ID with impossible date is not an id-card', () => {
    const body = '11010519490231002';
    const f = g.detectSensitive(`身份证号：${body + idCheck(body)}`);
    expect(f.filter((x: any) => x.kind === 'id-card')).toHaveLength(0);
  });
  it('unified social credit code with valid MOD 31', () => {
    const text = `统一社会信用代码：${CREDIT}。`;
    const f = g.detectSensitive(text);
    invariants(text, f);
    expect(f.filter((x: any) => x.kind === 'credit-code').map((x: any) => x.excerpt)).toEqual([CREDIT]);
  });
  it('credit code with bad check char is not detected', () => {
    const f = g.detectSensitive(`统一社会信用代码：${CREDIT_BAD}。`);
    expect(f.filter((x: any) => x.kind === 'credit-code')).toHaveLength(0);
  });
  it('bank card with Luhn and real issuer prefix', () => {
    const text = `银行卡号：${CARD}`;
    const f = g.detectSensitive(text);
    invariants(text, f);
    expect(f.filter((x: any) => x.kind === 'bank-card').map((x: any) => x.excerpt)).toEqual([CARD]);
  });
  it('bank card failing Luhn is not a card', () => {
    const f = g.detectSensitive(`银行卡号：${CARD_BAD}`);
    expect(f.filter((x: any) => x.kind === 'bank-card')).toHaveLength(0);
  });
  it('mobile numbers: current prefixes; 154 not allocated', () => {
    const text = '联系电话13812345678，或15412345678。';
    const f = g.detectSensitive(text);
    invariants(text, f);
    const m = f.filter((x: any) => x.kind === 'mobile');
    expect(m.map((x: any) => x.excerpt)).toEqual(['13812345678']);
  });
  it('landline with area code; 400 service number not personal', () => {
    const text = '办公电话010-62345678，客服400-123-4567。';
    const f = g.detectSensitive(text);
    invariants(text, f);
    expect(f.filter((x: any) => x.kind === 'landline').map((x: any) => x.excerpt)).toEqual(['010-62345678']);
    expect(f.filter((x: any) => x.excerpt.includes('400'))).toHaveLength(0);
  });
  it('e-mail with CJK-safe boundaries', () => {
    const text = '联系邮箱zhangsan@example.gov.cn，电话';
    const f = g.detectSensitive(text);
    invariants(text, f);
    expect(f.filter((x: any) => x.kind === 'email').map((x: any) => x.excerpt)).toEqual(['zhangsan@example.gov.cn']);
  });
  it('document numbers, amounts, timestamps are not personal data', () => {
    const text = '根据京政发〔2024〕12号，拨款12345678901元，时间戳1700000000000。';
    const f = g.detectSensitive(text).filter((x: any) => !['classification-marking', 'internal-marking'].includes(x.kind));
    expect(f).toHaveLength(0);
  });
  it('62-prefixed ID that passes Luhn: id-card with 身份证 context, bank-card with 银行卡 context', () => {
    // find a 62-prefixed valid ID that also passes Luhn
    let found = '';
    for (let seq = 100; seq < 999 && !found; seq++) {
      const body = '62010219900101' + String(seq);
      const id = body + idCheck(body);
      if (/^\d{18}$/.test(id) && luhnValid(id)) found = id;
    }
    expect(found).not.toBe('');
    const a = g.detectSensitive(`身份证号：${found}`).filter((x: any) => x.excerpt === found);
    const b = g.detectSensitive(`银行卡号：${found}`).filter((x: any) => x.excerpt === found);
    expect(a.map((x: any) => x.kind)).toEqual(['id-card']);
    expect(b.map((x: any) => x.kind)).toEqual(['bank-card']);
  });
  it('classification marking and internal marking are detected with level', () => {
    const f1 = g.detectSensitive('机密★1年\n关于某事项的通知');
    const c = f1.find((x: any) => x.kind === 'classification-marking');
    expect(c).toBeTruthy();
    expect(c.level).toBe('confidential');
    const f2 = g.detectSensitive('内部资料\n注意保管');
    const i = f2.find((x: any) => x.kind === 'internal-marking');
    expect(i).toBeTruthy();
    expect(i.level).toBe('internal');
  });
  it('passport only with context words', () => {
    const withCtx = g.detectSensitive('护照号码：E12345678');
    const without = g.detectSensitive('型号E12345678');
    expect(withCtx.some((x: any) => x.kind === 'passport')).toBe(true);
    expect(without.some((x: any) => x.kind === 'passport')).toBe(false);
  });
  it('offsets are UTF-16 of original text (astral chars before)', () => {
    const text = '𠀀😀电话13812345678';
    const f = g.detectSensitive(text);
    invariants(text, f);
    expect(f.find((x: any) => x.kind === 'mobile')?.start).toBe(6);
  });
});

describe('redact', () => {
  const text = `手机13812345678，身份证号${ID}。`;
  it('mask keeps the shape (138****5678)', () => {
    const f = g.detectSensitive(text);
    const out = g.redact(text, f, { mode: 'mask' });
    expect(out).toContain('138****5678');
    expect(out).not.toContain(ID);
    expect(out.length).toBe(text.length);
    expect(out.startsWith('手机')).toBe(true);
  });
  it('mask is the default mode (ambiguous)', () => {
    const f = g.detectSensitive(text);
    expect(g.redact(text, f)).toBe(g.redact(text, f, { mode: 'mask' }));
  });
  it('label writes the kind ([身份证号])', () => {
    const f = g.detectSensitive(text);
    const out = g.redact(text, f, { mode: 'label' });
    expect(out).toContain('[身份证号]');
    expect(out).not.toContain('13812345678');
  });
  it('remove deletes only the spans', () => {
    const f = g.detectSensitive(text);
    expect(g.redact(text, f, { mode: 'remove' })).toBe('手机，身份证号。');
  });
  it('bad mode → VALIDATION', () => {
    expect(() => g.redact(text, [], { mode: 'shred' })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('more detector checks', () => {
  it('resident ID with a future birth date or invalid province is not an id-card', () => {
    const fut = '11010520991231002';
    const bad = '99010519491231002';
    expect(g.detectSensitive(`身份证号：${fut + idCheck(fut)}`).filter((x: any) => x.kind === 'id-card')).toHaveLength(0);
    expect(g.detectSensitive(`身份证号：${bad + idCheck(bad)}`).filter((x: any) => x.kind === 'id-card')).toHaveLength(0);
  });

  it('credit code: wrong embedded organisation-code check → not detected; MOD 31 "31 → 0" case detected', () => {
    const badOrg = org8 + String((Number(orgCheck(org8)) + 1) % 10);
    const b = '91110000' + badOrg;
    expect(g.detectSensitive(`统一社会信用代码：${b + creditCheck(b)}`).filter((x: any) => x.kind === 'credit-code')).toHaveLength(0);
    let zero = '';
    for (let i = 10000000; i < 10200000 && !zero; i++) {
      const o = String(i);
      const body = '91110000' + o + orgCheck(o);
      if (creditCheck(body) === '0') zero = body + '0';
    }
    expect(zero).not.toBe('');
    expect(g.detectSensitive(`统一社会信用代码：${zero}`).map((x: any) => x.kind)).toContain('credit-code');
  });

  it('mobile-like digits inside longer numbers (order numbers) are not mobiles', () => {
    const f = g.detectSensitive('交易单号2023138123456789，订单号20240301123456');
    expect(f).toHaveLength(0);
  });

  it('800 service number is not personal', () => {
    expect(g.detectSensitive('热线800-820-8820')).toHaveLength(0);
  });

  it('mask of an 18-digit ID keeps 4 + 10 stars + 4', () => {
    const text = `身份证号${ID}`;
    const out = g.redact(text, g.detectSensitive(text), { mode: 'mask' });
    expect(out).toBe(`身份证号${ID.slice(0, 4)}${'*'.repeat(10)}${ID.slice(-4)}`);
  });

  it('protection period above the legal maximum (秘密 10 years) is an error finding', () => {
    expect(g.parseMarking('秘密★15年')).toMatchObject({ level: 'secret', period: { years: 15 } });
    const f = g.detectSensitive('秘密★15年\n内容');
    expect(f.some((x: any) => x.kind === 'classification-marking' && x.severity === 'error')).toBe(true);
    const ok = g.detectSensitive('秘密★10年\n内容');
    expect(ok.some((x: any) => x.severity === 'error')).toBe(false);
  });

  it('Hong Kong/Macao permit with context → lower confidence than checksummed kinds', () => {
    const f = g.detectSensitive('港澳通行证号码：C12345678');
    expect(f).toHaveLength(1);
    expect(f[0].confidence).toBeLessThan(0.9);
  });
});
