import { describe, expect, it } from 'vitest';
import { detectSensitive, isGovpubError, maskValue, redact } from '../../src/index';

const NOW = new Date('2025-01-01T00:00:00Z');
const ID_TEXT = '联系人张三，手机13812345678，身份证号11010519491231002X，邮箱zhangsan@example.com.cn。';

describe('redact', () => {
  it('masks keeping the shape', () => {
    const out = redact(ID_TEXT, detectSensitive(ID_TEXT, { now: NOW }));
    expect(out).toBe('联系人张三，手机138****5678，身份证号1101**********002X，邮箱z*******@example.com.cn。');
    expect(out.length).toBe(ID_TEXT.length);
  });

  it('labels and removes', () => {
    const findings = detectSensitive(ID_TEXT, { now: NOW });
    expect(redact(ID_TEXT, findings, { mode: 'label' })).toBe('联系人张三，手机[手机号]，身份证号[身份证号]，邮箱[电子邮箱]。');
    expect(redact(ID_TEXT, findings, { mode: 'remove' })).toBe('联系人张三，手机，身份证号，邮箱。');
  });

  it('masks per kind', () => {
    expect(maskValue('138-1234-5678', 'mobile')).toBe('138-****-5678');
    expect(maskValue('+86 13812345678', 'mobile')).toBe('+86 138****5678');
    expect(maskValue('6222 0212 3456 7890 128', 'bank-card')).toBe('6222 **** **** ***0 128');
    expect(maskValue('010-65123456', 'landline')).toBe('010-****3456');
    expect(maskValue('(0755)86123456', 'landline')).toBe('(0755)****3456');
    expect(maskValue('E12345678', 'passport')).toBe('E*****678');
    expect(maskValue('机密★1年', 'classification-marking')).toBe('*****');
    expect(maskValue('abc', undefined, '#')).toBe('###');
  });

  it('merges overlapping spans and masks a span without a kind entirely', () => {
    const text = 'abcdefghij';
    expect(redact(text, [{ start: 1, end: 4 }, { start: 3, end: 6 }])).toBe('a*****ghij');
    expect(redact(text, [{ start: 1, end: 4 }, { start: 3, end: 6 }], { mode: 'label' })).toBe('a[已隐去]ghij');
    expect(redact(text, [{ start: 2, end: 2 }])).toBe(text);
  });

  it('refuses spans outside the text or of another text', () => {
    const cases: [object, (string | number)[]][] = [
      [{ start: 5, end: 3 }, ['findings', 0, 'end']],
      [{ start: 0, end: 99 }, ['findings', 0, 'end']],
      [{ start: 0, end: 2, excerpt: 'zz' }, ['findings', 0, 'excerpt']],
      [{ start: -1, end: 2 }, ['findings', 0, 'start']],
    ];
    for (const [span, path] of cases) {
      try {
        redact('abcdef', [span as never]);
        expect.unreachable();
      } catch (e) {
        expect(isGovpubError(e) && e.code).toBe('VALIDATION');
        expect((e as { details: { issues: { path: unknown }[] } }).details.issues[0]!.path).toEqual(path);
      }
    }
    expect(() => redact('abc', [], { mode: 'blur' as never })).toThrow(/mode/);
  });
});
