import type { NormalizedUnits } from '../text/index';
import type { NormalisedPassage } from './align';

/**
 * Fewest facts the copied sentences of a query must state before their agreement is judged:
 * with fewer, a template fill cannot be told from a copy by its facts, and the match is
 * left as aligned.
 */
const MIN_FACTS = 4;
/**
 * Units other than digits that may differ inside the copied stretch of a copy whose figures
 * were edited (a 日 for a 号, a dropped 约): a new notice from the same template differs in
 * more than figures — another street, cause, post or person.
 */
const EDIT_SLACK = 6;
/**
 * Differing figures from which even a text the same word for word is the template filled in
 * again (the next term's notice with every date moved) rather than a copy with figures edited.
 */
const REFILL_FIGURES = 4;

/** Sentence ends in the original text (full stops, question and exclamation marks, semicolons, line breaks). */
const SENTENCE_END = /[。！？!?；;\n]/u;

/** A stated figure in normalised units: a run of digits and the unit character after it. */
interface FactToken {
  value: string;
  /** Index of its first unit. */
  at: number;
}

/** The side of a match as the template check reads it. */
export interface TemplateSide {
  norm: NormalizedUnits;
  units: Uint16Array;
}

/** What {@link templateCoverage} decided, with the units of each text it still counts as copied. */
export interface TemplateVerdict {
  /** True when the copied sentences state mostly other figures than the other text: a template filled again. */
  template: boolean;
  coveredQuery: number;
  coveredOther: number;
}

/**
 * Tells a copy from a template filled in again. Offices publish the same 停水通知, 任前公示
 * or 招生公告 every time with another street, date, candidate or year: most sentences are
 * the template's, word for word, and only the figures and dates differ. Characters alone
 * make that look like a copy with many edits. Facts separate the two: a copy (even a lightly
 * edited one) restates most of the other text's figures, dates and numbers; a new notice
 * from the same template states its own.
 *
 * So the figures the query states in its copied stretch (from its first passage to its last)
 * are compared with the figures of the other text (digit runs with their unit, after NFKC
 * and without punctuation: `2026年3月5日`, `2300户`, `8:00` as `800至`). When at least
 * {@link MIN_FACTS} are stated and more of them differ than agree, the match is a template
 * fill — unless the stretch is the other text word for word apart from fewer than
 * {@link REFILL_FIGURES} figures (a copy whose figures were edited) — and only the sentences
 * that do state one of the other text's figures still count as copied (a shared hotline, the
 * same year); template sentences that state nothing particular do not. Otherwise the covered
 * units are returned unchanged.
 */
export function templateCoverage(
  q: TemplateSide,
  d: TemplateSide,
  passages: readonly NormalisedPassage[],
  tiles: readonly NormalisedPassage[],
  covered: { query: number; other: number },
): TemplateVerdict {
  const unchanged = { template: false, coveredQuery: covered.query, coveredOther: covered.other };
  const qFacts = factTokens(q.units);
  if (qFacts.length < MIN_FACTS) return unchanged;
  const dFacts = factTokens(d.units);

  // The facts of the copied stretch: from the first passage to the last on the query's side
  // (a compilation's other articles, or a repost's own lines around the copy, do not count).
  let from = Infinity;
  let to = -1;
  for (const p of passages) {
    from = Math.min(from, p.qs);
    to = Math.max(to, p.qe);
  }
  const dValues = new Set(dFacts.map((f) => f.value));
  let agreeing = 0;
  let differing = 0;
  for (const f of qFacts) {
    if (f.at < from || f.at >= to) continue;
    if (dValues.has(f.value)) agreeing++;
    else differing++;
  }
  if (agreeing + differing < MIN_FACTS || agreeing >= differing) return unchanged;
  // Word for word apart from a few figures, on both sides: a copy with its figures edited.
  let dFrom = Infinity;
  let dTo = -1;
  for (const p of passages) {
    dFrom = Math.min(dFrom, p.ds);
    dTo = Math.max(dTo, p.de);
  }
  const other = tiles.map((t) => ({ qs: t.ds, qe: t.de, ds: t.qs, de: t.qe }));
  const sameWords = nonDigitsOutsideTiles(q.units, tiles, from, to) + nonDigitsOutsideTiles(d.units, other, dFrom, dTo) <= EDIT_SLACK;
  if (sameWords && differing < REFILL_FIGURES) return unchanged;

  // Sentences are only needed now (most matches stop above, and mapping them reads every character).
  const qSentences = sentenceOfUnits(q);
  const dSentences = sentenceOfUnits(d);
  const qValues = new Set(qFacts.map((f) => f.value));
  const qKept = new Set(qFacts.filter((f) => dValues.has(f.value)).map((f) => qSentences[f.at]!));
  const dKept = new Set(dFacts.filter((f) => qValues.has(f.value)).map((f) => dSentences[f.at]!));
  let coveredQuery = 0;
  for (const p of passages) for (let i = p.qs; i < p.qe; i++) if (qKept.has(qSentences[i]!)) coveredQuery++;
  const otherCovered = new Uint8Array(d.units.length);
  for (const p of passages) otherCovered.fill(1, p.ds, p.de);
  let coveredOther = 0;
  for (let i = 0; i < otherCovered.length; i++) if (otherCovered[i] && dKept.has(dSentences[i]!)) coveredOther++;
  return { template: true, coveredQuery, coveredOther };
}

/** Units of `[from, to)` (on the runs' `qs`/`qe` side) that no exact run covers and that are not digits. */
function nonDigitsOutsideTiles(units: Uint16Array, tiles: readonly NormalisedPassage[], from: number, to: number): number {
  const covered = new Uint8Array(to - from);
  for (const t of tiles) covered.fill(1, Math.max(0, t.qs - from), Math.max(0, Math.min(to, t.qe) - from));
  let n = 0;
  for (let i = from; i < to; i++) if (!covered[i - from] && !isDigit(units[i]!)) n++;
  return n;
}

/** The sentence number of each normalised unit, counted in the original text. */
function sentenceOfUnits(side: TemplateSide): Uint32Array {
  const text = side.norm.original;
  const atOffset = new Uint32Array(text.length + 1);
  let sentence = 0;
  for (let i = 0; i < text.length; i++) {
    atOffset[i] = sentence;
    if (SENTENCE_END.test(text[i]!)) sentence++;
  }
  atOffset[text.length] = sentence;
  const out = new Uint32Array(side.units.length);
  for (let i = 0; i < side.units.length; i++) out[i] = atOffset[side.norm.starts[i]!]!;
  return out;
}

const isDigit = (u: number) => u >= 0x30 && u <= 0x39;

const YEAR = 0x5e74; // 年
const MONTH = 0x6708; // 月

/**
 * Digit runs with the unit after them (`2300户`, `25日`); a date is one fact however many
 * parts it has (`2026年3月5日`), so moving a date counts once. A run at the end of the text
 * stands alone.
 */
function factTokens(units: Uint16Array): FactToken[] {
  const out: FactToken[] = [];
  let i = 0;
  while (i < units.length) {
    if (!isDigit(units[i]!)) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < units.length && isDigit(units[i]!)) i++;
      // 年 or 月 followed by more digits: the date goes on.
      if (i + 1 < units.length && (units[i] === YEAR || units[i] === MONTH) && isDigit(units[i + 1]!)) i++;
      else break;
    }
    const end = i < units.length ? i + 1 : i;
    out.push({ value: String.fromCharCode(...units.subarray(start, end)), at: start });
    i = end;
  }
  return out;
}
