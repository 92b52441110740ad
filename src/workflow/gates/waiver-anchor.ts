import type { GovDocument } from '../../document/index';
import type { Finding } from '../../findings/index';
import { sha256Hex } from '../../hash/index';

/** Characters of context on either side of a waived excerpt that the waiver is bound to. */
export const WAIVER_CONTEXT = 20;

/**
 * The anchor a waiver is bound to: SHA-256 over the rule, the field and the finding's excerpt
 * with up to {@link WAIVER_CONTEXT} characters either side, as the document reads now. An edit
 * that touches the excerpt or its context changes the anchor and so voids the waiver; an edit
 * elsewhere (even one that shifts offsets) does not. A finding whose offsets do not point into
 * a text field of the document is anchored to its rule and excerpt alone.
 */
export function waiverAnchor(document: Readonly<GovDocument>, finding: Finding): string {
  const field = typeof finding.details?.field === 'string' ? finding.details.field : 'body';
  const text = (document as unknown as Record<string, unknown>)[field];
  const located = typeof text === 'string' && text.slice(finding.start, finding.end) === finding.excerpt;
  const context = located ? (text as string).slice(Math.max(0, finding.start - WAIVER_CONTEXT), finding.end + WAIVER_CONTEXT) : finding.excerpt;
  return sha256Hex(JSON.stringify([finding.ruleId, located ? field : null, finding.excerpt, context]));
}
