import { requireString } from '../text/index';
// zod/mini: see markings.ts (the page that checks wording stays small).
import * as z from 'zod/mini';
import { GovpubError } from '../errors/index';
import { parseOrThrow } from '../errors/index';
import { KIND_INFO, SENSITIVE_KINDS, type SensitiveKind } from './kinds';
import { areaCodeLength } from './phone-numbers';

/**
 * How {@link redact} rewrites a span: `mask` keeps the shape (`138****5678`), `label`
 * writes what was there (`[身份证号]`), `remove` deletes it.
 */
export type RedactionMode = 'mask' | 'label' | 'remove';

/** Options of {@link redact}. */
export interface RedactOptions {
  /** Default `mask`. */
  mode?: RedactionMode;
  /** The masking character. Default `*`. */
  maskChar?: string;
}

/**
 * What {@link redact} needs of a finding: its span, and its `kind` to choose the mask or
 * label. Any {@link SensitiveFinding} fits; so does a plain `Finding` (no kind: the whole
 * span is masked, or labelled `[已隐去]`). When `excerpt` is present it must equal
 * `text.slice(start, end)`, which catches findings of a different text.
 */
export interface RedactionSpan {
  start: number;
  end: number;
  kind?: SensitiveKind;
  excerpt?: string;
}

/** Written for a span without a kind in `label` mode. */
export const GENERIC_REDACTION_LABEL = '[已隐去]';

const spanSchema = z.looseObject({
  start: z.number().check(z.int(), z.gte(0)),
  end: z.number().check(z.int(), z.gte(0)),
  kind: z.optional(z.enum(SENSITIVE_KINDS)),
  excerpt: z.optional(z.string()),
});

const redactArgs = z.object({
  text: z.string(),
  findings: z.array(spanSchema),
  options: z.optional(
    z.strictObject({
      mode: z.optional(z.enum(['mask', 'label', 'remove'])),
      maskChar: z.optional(z.string().check(z.length(1, 'maskChar must be one UTF-16 character'))),
    }),
  ),
});

/**
 * Rewrites the spans of `findings` in `text` and leaves every other character as it was.
 * Overlapping spans are merged. `mask` keeps length and separators and shows only what is
 * customary (mobile: first 3 and last 4 digits; ID and bank card: first 4 and last 4;
 * e-mail: first character of the local part and the domain; fixed line: area code and last
 * 4 digits; markings and kind-less spans: fully masked).
 *
 * Throws `VALIDATION` when a span lies outside `text`, has `end < start`, or its `excerpt`
 * does not match the text.
 *
 * @example
 * ```ts
 * const text = '联系人手机13812345678，身份证号11010519491231002X';
 * redact(text, detectSensitive(text));                    // '联系人手机138****5678，身份证号1101**********002X'
 * redact(text, detectSensitive(text), { mode: 'label' }); // '联系人手机[手机号]，身份证号[身份证号]'
 * redact(text, detectSensitive(text), { mode: 'remove' }); // '联系人手机，身份证号'
 * ```
 */
export function redact(text: string, findings: readonly RedactionSpan[], options: RedactOptions = {}): string {
  parseOrThrow(redactArgs, { text, findings, options }, 'redact arguments');
  const mode = options.mode ?? 'mask';
  const maskChar = options.maskChar ?? '*';
  const issues = findings.flatMap((f, i) => {
    if (f.end < f.start) return [{ path: ['findings', i, 'end'], message: 'end is before start' }];
    if (f.end > text.length) return [{ path: ['findings', i, 'end'], message: `end ${f.end} is past the text (length ${text.length})` }];
    if (f.excerpt !== undefined && f.excerpt !== text.slice(f.start, f.end)) {
      return [{ path: ['findings', i, 'excerpt'], message: 'excerpt does not match the text at start…end: finding of another text?' }];
    }
    return [];
  });
  if (issues.length) {
    throw new GovpubError('VALIDATION', `Invalid redact arguments: ${issues[0]!.path.join('.')}: ${issues[0]!.message}`, { details: { issues } });
  }

  let out = '';
  let at = 0;
  for (const span of mergeSpans(findings)) {
    out += text.slice(at, span.start);
    const value = text.slice(span.start, span.end);
    if (mode === 'mask') out += maskValue(value, span.kind, maskChar);
    else if (mode === 'label') out += span.kind ? KIND_INFO[span.kind].label : GENERIC_REDACTION_LABEL;
    at = span.end;
  }
  return out + text.slice(at);
}

// Sorted, non-overlapping spans; a span merged from findings of different kinds loses its kind
// (and is then masked whole), since no one kind's mask describes it.
function mergeSpans(findings: readonly RedactionSpan[]): { start: number; end: number; kind?: SensitiveKind }[] {
  const sorted = findings.filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { start: number; end: number; kind?: SensitiveKind }[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      if (f.end > last.end) {
        last.end = f.end;
        if (last.kind !== f.kind) delete last.kind;
      }
      continue;
    }
    out.push(f.kind === undefined ? { start: f.start, end: f.end } : { start: f.start, end: f.end, kind: f.kind });
  }
  return out;
}

const ALNUM = /[0-9A-Za-z]/;

/**
 * Masks one value the way {@link redact} does in `mask` mode: same length, separators kept,
 * only the customary characters shown for `kind`.
 *
 * @example
 * ```ts
 * maskValue('13812345678', 'mobile') // '138****5678'
 * maskValue('11010519491231002X', 'id-card') // '1101**********002X'
 * maskValue('zhangsan@example.gov.cn', 'email') // 'z*******@example.gov.cn'
 * ```
 */
export function maskValue(value: string, kind?: SensitiveKind, maskChar = '*'): string {
  if (typeof value !== 'string') requireString(value, 'maskValue', 'value');
  if (typeof maskChar !== 'string' || maskChar.length === 0) requireString(maskChar === '' ? undefined : maskChar, 'maskValue', 'maskChar');
  switch (kind) {
    case 'mobile': {
      // Keep a +86/0086 prefix as written; mask inside the last 11 digits.
      const digits = countAlnum(value);
      return maskAlnum(value, digits - 11 + 3, 4, maskChar);
    }
    case 'id-card':
    case 'bank-card':
    case 'credit-code':
      return maskAlnum(value, 4, 4, maskChar);
    case 'passport':
      return maskAlnum(value, 1, 3, maskChar);
    case 'landline': {
      const digits = value.replace(/\D/g, '');
      return maskAlnum(value, areaCodeLength(digits), 4, maskChar);
    }
    case 'email': {
      const at = value.lastIndexOf('@');
      if (at <= 0) return maskChar.repeat(value.length);
      return value[0] + maskChar.repeat(at - 1) + value.slice(at);
    }
    default:
      return maskChar.repeat(value.length);
  }
}

function countAlnum(value: string): number {
  let n = 0;
  for (const c of value) if (ALNUM.test(c)) n++;
  return n;
}

// Masks the letters and digits between the first `head` and the last `tail` of them.
function maskAlnum(value: string, head: number, tail: number, maskChar: string): string {
  const total = countAlnum(value);
  if (total <= head + tail) return value.replace(/[0-9A-Za-z]/g, maskChar);
  let k = 0;
  let out = '';
  for (const c of value) {
    if (ALNUM.test(c)) {
      out += k >= head && k < total - tail ? maskChar : c;
      k++;
    } else out += c;
  }
  return out;
}
