import * as z from 'zod';
import {
  LEVEL_NAMES,
  PERSONAL_DATA_KINDS,
  SENSITIVE_KINDS,
  compareLevels,
  detectSensitive,
  type Level,
  type SensitiveFinding,
  type SensitiveKind,
} from '../../confidentiality/index';
import { channelName, detectSensitiveInArticle } from '../../channels/index';
import type { GovDocument } from '../../document/index';
import { parseOrThrow } from '../../errors/index';
import { createFinding, type Finding } from '../../findings/index';
import { articleOf } from '../document-article';
import type { Gate, GateContext } from './gate';

/** Options of {@link confidentialityGate}. */
export interface ConfidentialityGateOptions {
  /** Kinds that block a public channel unless redacted or waived. Default {@link PERSONAL_DATA_KINDS}. */
  personalKinds?: readonly SensitiveKind[];
  /** Passed to {@link detectSensitive}. Default `0.5`. */
  minConfidence?: number;
  /** Passed to {@link detectSensitive}. Default `16`. */
  contextWindow?: number;
  /** The organisation's own mail domains: mailboxes there are public contacts (see `detectSensitive`). */
  organizationDomains?: readonly string[];
}

/** The rule id of the finding that blocks a document declared below its markings' level. */
export const LEVEL_BELOW_REQUIRED = 'confidentiality/level-below-required';

/** The document fields the gate reads, in the order a reader meets them. */

const optionsSchema = z
  .strictObject({
    personalKinds: z.array(z.enum(SENSITIVE_KINDS)).optional(),
    minConfidence: z.number().min(0).max(1).optional(),
    contextWindow: z.number().int().min(0).max(200).optional(),
    organizationDomains: z.array(z.string()).optional(),
  })
  .optional();

/**
 * The confidentiality gate, run on `submit` and `publish`:
 *
 * 1. **Level.** The document's required level is the highest marking in its title,
 *    summary and body (see {@link requiredLevel}). A declared `level` below it is an
 *    `error` with rule id {@link LEVEL_BELOW_REQUIRED}, located at that marking, whose
 *    `excerpt` is the marking as written (e.g. `机密★1年`) and whose `details` are
 *    `{ declared, required, field, marking }`. To downgrade, an approver waives it:
 *    `publisher.waive(id, approver, { ruleId: 'confidentiality/level-below-required',
 *    excerpt: '机密★1年', reason: '…' })`; the waiver is audited as a `waived` event.
 * 2. **Personal data.** When any target channel is `public`, every personal-data finding
 *    (`personalKinds`) is an `error` with `details.field` and `details.channels` (the
 *    public channel ids); otherwise it is a `warning` for reviewers. Redact it, or have
 *    an approver waive that finding (`ruleId` and `excerpt` of the finding).
 * 3. **Periods.** A marking whose protection period exceeds the legal maximum is an `error`.
 *
 * Channel clearance itself is enforced by {@link checkClearance}, which the publisher calls.
 *
 * @example
 * ```ts
 * // The publisher runs this gate itself; configure it through the `confidentiality` option
 * // (adding `confidentialityGate()` to `gates` is refused: it would run twice).
 * const publisher = createPublisher({ storage: memoryAdapter(), confidentiality: { minConfidence: 0.6 } });
 * ```
 */
export function confidentialityGate(options: ConfidentialityGateOptions = {}): Gate {
  parseOrThrow(optionsSchema, options, 'confidentialityGate options');
  const personal = new Set(options.personalKinds ?? PERSONAL_DATA_KINDS);
  const detect = {
    minConfidence: options.minConfidence ?? 0.5,
    contextWindow: options.contextWindow ?? 16,
    ...(options.organizationDomains ? { organizationDomains: options.organizationDomains } : {}),
  };

  return {
    id: 'confidentiality',
    phases: ['submit', 'publish'],
    check(context: GateContext): Finding[] {
      const { document } = context;
      const publicChannels = context.channels.filter((c) => c.clearance === 'public').map((c) => c.id);
      const out: Finding[] = [];
      let strongest: { finding: SensitiveFinding; field: string; text: string } | null = null;

      // Every field any channel renders (byline, tags, summary, …), each as written and as
      // channels render it: markup removed, character references decoded, invisible
      // characters dropped — so a marking split by <i></i> or written as &#26426; is seen.
      for (const f of detectSensitiveInArticle(articleOf(document as GovDocument, context.now), { ...detect, now: context.now })) {
        const field = f.field;
        const text = fieldText(document, f.path);
        const marking = f.kind === 'classification-marking' || f.kind === 'internal-marking';
        if (marking && (strongest === null || compareLevels(f.level, strongest.finding.level) > 0)) strongest = { finding: f, field, text };
        if (marking && f.severity === 'error') out.push(withDetails(f, { field }));
        else if (personal.has(f.kind)) {
          out.push(
            publicChannels.length > 0
              ? { ...withDetails(f, { field, channels: publicChannels }), severity: 'error', message: `${f.message}（目标渠道${publicChannels.map((c) => channelName(c)).join('、')}为公开渠道）` }
              : withDetails(f, { field }),
          );
        }
      }

      if (strongest && compareLevels(document.level, strongest.finding.level) < 0) {
        out.push(levelFinding(document.level, strongest.finding.level, strongest.field, strongest.text, strongest.finding));
      }
      return out;
    },
  };
}

/** The source text of the article field at `path` (`['tags', 1]` → the second tag). */
function fieldText(document: Readonly<GovDocument>, path: readonly (string | number)[]): string {
  const [name, index] = path;
  if (name === 'source') return document.repostOf ?? '';
  const value = (document as unknown as Record<string, unknown>)[String(name)];
  const item = typeof index === 'number' && Array.isArray(value) ? value[index] : value;
  return typeof item === 'string' ? item : '';
}

function withDetails<F extends Finding>(f: F, extra: Record<string, unknown>): F {
  return { ...f, details: { ...f.details, ...extra } };
}

function levelFinding(declared: Level, required: Level, field: string, text: string, marking: SensitiveFinding): Finding {
  return createFinding(text, {
    ruleId: LEVEL_BELOW_REQUIRED,
    severity: 'error',
    message:
      `文件标注为“${LEVEL_NAMES[declared]}”（${declared}），但${fieldName(field)}中有标志“${marking.excerpt}”，要求至少“${LEVEL_NAMES[required]}”（${required}）。` +
      `请提高文件密级，或由审批人说明理由后豁免（降密）。`,
    start: marking.start,
    end: marking.end,
    source: marking.source,
    suggestions: [required],
    details: { declared, required, field, marking: marking.excerpt },
  });
}

function fieldName(field: string): string {
  const names: Record<string, string> = { title: '标题', summary: '摘要', body: '正文', author: '作者', source: '来源', url: '链接', coverImage: '封面图' };
  return names[field] ?? (field.startsWith('tags') ? '标签' : field);
}
