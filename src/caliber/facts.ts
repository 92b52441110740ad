import type { FindingInput } from '../findings/index';
import { normalizeText, toOriginalSpan, type NormalizedText } from '../text/index';
import { FIGURE_SOURCE, formatLike, parseFigure, sameFigure, type Figure } from './numbers';
import { isSkipped, type SkipRanges } from './skip-ranges';
import type { Fact } from './types';

/** The `ruleId` of a figure that differs from the approved statement. */
export const FACT_RULE_ID = 'caliber/fact-mismatch';

const FIGURE_AT_START = new RegExp(`^${FIGURE_SOURCE}`, 'u');
// How far after a label its figure may stand (参与人数累计达到了 1.2万人), and what ends the
// clause: the figure must be in the label's own clause, or it is some other number.
const WINDOW = 24;
const CLAUSE_END = /[。;；!?！？,，、\n]/u;

/**
 * Reads a fact's value, which may carry a measure word (`'1.2万人'`), or returns `undefined`
 * when it does not begin with a figure.
 */
export function factFigure(value: number | string): { figure: Figure; text: string } | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { figure: { value, percent: false, chinese: false, unit: 1 }, text: String(value) } : undefined;
  }
  const normalized = normalizeText(value.trim()).text;
  const m = FIGURE_AT_START.exec(normalized);
  if (!m) return undefined;
  const figure = parseFigure(m[0]);
  return figure && { figure, text: m[0] };
}

/**
 * For each fact, every figure stated right after its label (in the same clause) must equal the
 * approved value; a different one is an `error` on the figure, with the approved value written
 * the way the draft writes figures as its fix.
 */
export function factFindings(text: string, normalized: NormalizedText, facts: readonly Fact[], skip: SkipRanges): FindingInput[] {
  const n = normalized.text;
  const figureRe = new RegExp(FIGURE_SOURCE, 'gu');
  const out: FindingInput[] = [];
  for (const fact of facts) {
    const approved = factFigure(fact.value)!;
    const label = normalizeText(fact.label).text;
    for (let at = n.indexOf(label); at >= 0; at = n.indexOf(label, at + label.length)) {
      const labelSpan = toOriginalSpan(normalized, at, at + label.length);
      if (isSkipped(skip, labelSpan.start, labelSpan.end)) continue;
      const from = at + label.length;
      const found = figureAfter(n, from, figureRe);
      if (!found || sameFigure(found.figure, approved.figure)) continue;
      const { start, end } = toOriginalSpan(normalized, found.index, found.index + found.text.length);
      if (isSkipped(skip, start, end)) continue;
      const written = text.slice(start, end);
      const fixText = found.figure.percent === approved.figure.percent ? formatLike(approved.figure.value, found.figure) : approved.text;
      const finding: FindingInput = {
        ruleId: FACT_RULE_ID,
        severity: 'error',
        message: `“${fact.label}”应为${String(fact.value)}（以通稿为准），此处为${written}`,
        start,
        end,
        fix: { start, end, text: fixText },
        suggestions: [fixText],
        source: fact.source ?? '通稿',
        details: { label: fact.label, expected: fact.value, found: written },
      };
      out.push(finding);
    }
  }
  return out;
}

/** The first figure within the label's clause, skipping numeral-looking words without digits (千万). */
function figureAfter(n: string, from: number, figureRe: RegExp): { index: number; text: string; figure: Figure } | undefined {
  const limit = Math.min(n.length, from + WINDOW);
  figureRe.lastIndex = from;
  for (let m = figureRe.exec(n); m && m.index < limit; m = figureRe.exec(n)) {
    if (CLAUSE_END.test(n.slice(from, m.index))) return undefined;
    const figure = parseFigure(m[0]);
    if (figure) return { index: m.index, text: m[0], figure };
  }
  return undefined;
}
