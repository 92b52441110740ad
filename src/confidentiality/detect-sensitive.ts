// zod/mini: see markings.ts (the page that checks wording stays small).
import * as z from 'zod/mini';
import { parseOrThrow } from '../errors/index';
import { MAX_TEXT_LENGTH } from '../text/index';
import { createFinding } from '../findings/index';
import type { Finding } from '../findings/index';
import { LineIndex } from '../findings/index';
import type { Candidate, ScanInput } from './candidate';
import { detectCards, detectEighteen, detectFifteenDigitIds, detectGroupedIds, detectIdsInFours } from './detect-numbers';
import { detectLandlines, detectMobiles } from './detect-phones';
import { detectEmails, detectPassports } from './detect-text-ids';
import { foldForScan } from './fold';
import { KIND_INFO, PERSONAL_DATA_KINDS, SENSITIVE_KINDS, type SensitiveKind } from './kinds';
import type { Level } from './levels';
import { LEVEL_NAMES } from './levels';
import { MAX_PROTECTION_YEARS, periodExceedsMaximum, scanMarkings, type MarkingMatch, type ProtectionPeriod } from './markings';
import { maskValue } from './redact';

/** A {@link Finding} of {@link detectSensitive}: what was found, the level it implies, and how sure. */
export interface SensitiveFinding extends Finding {
  kind: SensitiveKind;
  /** The level of content that contains this: a marking's own level, `internal` for personal data, `public` for organisation codes and office numbers. */
  level: Level;
  /** 0..1: how likely the span really is this kind. Checksummed kinds with context are near 1; passports without a checksum stay below 0.8. */
  confidence: number;
}

/** Options of {@link detectSensitive}. */
export interface DetectOptions {
  /** Only these kinds. Default: all of {@link SENSITIVE_KINDS}. */
  kinds?: readonly SensitiveKind[];
  /** Drop findings below this confidence. Default `0.5`. */
  minConfidence?: number;
  /** Birth dates after this are impossible. Default: now. Pass the gate's clock for reproducible results. */
  now?: Date;
  /** How many characters before a value a context word (`身份证号`, `卡号`, `订单号`…) may stand. Default `16`. */
  contextWindow?: number;
  /**
   * The organisation's own mail domains (`['yunchuan.gov.cn']`; subdomains included). Any
   * address there is the organisation's contact, not personal data, and is not reported.
   * Whatever this says, a role mailbox (`xxgk@…`, `info@…`) on a `.gov.cn` or `.org.cn`
   * domain, or such an address introduced by 咨询/投诉/来信/联系/邮箱 wording, is public too.
   */
  organizationDomains?: readonly string[];
}

const optionsSchema = z.optional(
  z.strictObject({
    kinds: z.optional(z.array(z.enum(SENSITIVE_KINDS))),
    minConfidence: z.optional(z.number().check(z.gte(0), z.lte(1))),
    now: z.optional(z.date().check(z.refine((d) => !Number.isNaN(d.getTime()), 'invalid date'))),
    contextWindow: z.optional(z.number().check(z.int(), z.gte(0), z.lte(200))),
    organizationDomains: z.optional(
      z
        .array(z.string().check(z.regex(/^\.?(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$/, 'a domain name such as yunchuan.gov.cn')))
        .check(z.maxLength(1000)),
    ),
  }),
);

const DETECTORS: readonly ((input: ScanInput) => Candidate[])[] = [
  detectEighteen,
  detectGroupedIds,
  detectIdsInFours,
  detectFifteenDigitIds,
  detectCards,
  detectMobiles,
  detectLandlines,
  detectEmails,
  detectPassports,
  (input) => scanMarkings(input.text, input.folded).map(markingCandidate),
];

/**
 * Finds personal data and classification or internal markings in `text`, validating rather
 * than just matching: resident IDs by address code, birth date and MOD 11-2 check
 * character (GB 11643); credit codes by MOD 31 and the embedded organisation code
 * (GB 32100, GB 11714); bank cards by Luhn and issuer range; mobile numbers by allocated
 * prefix; markings by their GB/T 9704 form. Context words within `contextWindow` characters
 * separate IDs from cards from order numbers, and figures in statistics tables, amounts,
 * timestamps and document numbers stay ordinary.
 *
 * Findings are sorted by `start`, never overlap, and satisfy `excerpt === text.slice(start, end)`.
 * Personal data carries a `fix` that masks it (see {@link redact}). A marking whose
 * protection period exceeds the legal maximum is an `error`.
 *
 * @example
 * ```ts
 * detectSensitive('联系人邮箱zhangsan@163.com，电话13812345678');
 * // [{ kind: 'email', excerpt: 'zhangsan@163.com', level: 'internal', … },
 * //  { kind: 'mobile', excerpt: '13812345678', fix: { …, text: '138****5678' }, … }]
 * ```
 */
export function detectSensitive(text: string, options: DetectOptions = {}): SensitiveFinding[] {
  parseOrThrow(z.string().check(z.maxLength(MAX_TEXT_LENGTH, `at most ${MAX_TEXT_LENGTH} characters`)), text, 'detectSensitive text');
  parseOrThrow(optionsSchema, options, 'detectSensitive options');
  const kinds = new Set<SensitiveKind>(options.kinds ?? SENSITIVE_KINDS);
  const minConfidence = options.minConfidence ?? 0.5;
  const input: ScanInput = {
    text,
    folded: foldForScan(text),
    now: options.now ?? new Date(),
    window: options.contextWindow ?? 16,
    organizationDomains: options.organizationDomains ?? [],
  };

  const candidates = DETECTORS.flatMap((detect) => detect(input)).filter((c) => kinds.has(c.kind) && c.confidence >= minConfidence);
  const lines = new LineIndex(text);
  return resolveOverlaps(candidates).map((c) => toFinding(lines, c));
}

const CHECKSUMMED: ReadonlySet<SensitiveKind> = new Set(['id-card', 'credit-code', 'bank-card']);

// Two detectors may claim overlapping text. Conflicts are local, so candidates are grouped
// into runs of overlapping spans and each run is settled on its own (linear in practice,
// where comparing every pair would be quadratic in the number of findings).
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  let run: Candidate[] = [];
  let runEnd = -1;
  for (const c of sorted) {
    if (run.length > 0 && c.start >= runEnd) {
      out.push(...settle(run));
      run = [];
    }
    run.push(c);
    runEnd = run.length === 1 ? c.end : Math.max(runEnd, c.end);
  }
  out.push(...settle(run));
  return out;
}

// A shape without a checksum inside a value that passed one (`0400 9407 5609` inside the
// card `6230 0400 9407 5609 281`) is part of that value; otherwise the more confident, then
// the longer, claim wins.
function settle(run: Candidate[]): Candidate[] {
  if (run.length <= 1) return run;
  const strong = run.filter((c) => CHECKSUMMED.has(c.kind));
  const ranked = run
    .filter((c) => CHECKSUMMED.has(c.kind) || !strong.some((s) => s.start <= c.start && c.end <= s.end))
    .sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of ranked) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

function toFinding(lines: LineIndex, c: Candidate): SensitiveFinding {
  const info = KIND_INFO[c.kind];
  const excerpt = lines.text.slice(c.start, c.end);
  const personal = PERSONAL_DATA_KINDS.includes(c.kind);
  const masked = maskValue(excerpt, c.kind);
  const finding = createFinding(lines, {
    ruleId: `confidentiality/${c.kind}`,
    severity: c.severity ?? info.severity,
    message: `${info.name}：${c.reason}${personal ? '。公开发布前应脱敏' : ''}`,
    start: c.start,
    end: c.end,
    source: info.source,
    ...(personal ? { fix: { start: c.start, end: c.end, text: masked }, suggestions: [masked, info.label] } : {}),
    ...(c.details ? { details: c.details } : {}),
  });
  return { ...finding, kind: c.kind, level: c.level ?? info.level, confidence: c.confidence };
}

function markingCandidate(m: MarkingMatch): Candidate {
  const period = m.period === null ? '' : `，保密期限 ${describePeriod(m.period)}`;
  const base = { kind: m.kind, start: m.start, end: m.end, level: m.level, details: { period: m.period, placement: m.placement } };
  if (periodExceedsMaximum(m.level, m.period)) {
    const max = MAX_PROTECTION_YEARS[m.level as keyof typeof MAX_PROTECTION_YEARS];
    return {
      ...base,
      confidence: 0.97,
      severity: 'error',
      reason: `${LEVEL_NAMES[m.level]}级${period}，超过法定最长 ${max} 年（保守国家秘密法）`,
      details: { ...base.details, problem: 'period-exceeds-maximum', maximumYears: max },
    };
  }
  const confidence = m.text.includes('★') || m.text.includes('☆') || m.period !== null ? 0.97 : m.placement === 'head' ? 0.95 : /^[【\[(（〔〖]/.test(m.text) ? 0.9 : 0.85;
  return { ...base, confidence, reason: `${LEVEL_NAMES[m.level]}${period}（${PLACEMENT_NAMES[m.placement]}）` };
}

const PLACEMENT_NAMES = { head: '版头标志', section: '段落标志', inline: '行内标志' } as const;

function describePeriod(p: ProtectionPeriod): string {
  if (p === 'long-term') return '长期';
  if ('years' in p) return `${p.years}年`;
  if ('months' in p) return `${p.months}个月`;
  return p.until;
}
