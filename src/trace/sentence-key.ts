import { normalizeText, type NormalizedText } from '../text/index';

/** A sentence folded for comparison, with its character bigrams. */
export interface SentenceKey {
  /** Width, case, traditional characters folded; punctuation and spaces dropped. */
  folded: NormalizedText;
  /** Distinct bigrams of `folded.text` (a single character counts as one "bigram"). */
  bigrams: Set<string>;
}

/** Folds one sentence the way alignment compares them. */
export function sentenceKey(sentence: string): SentenceKey {
  const folded = normalizeText(sentence, { dropPunctuation: true, dropWhitespace: true });
  return { folded, bigrams: bigramsOf(folded.text) };
}

/** Distinct character bigrams of `s`. */
export function bigramsOf(s: string): Set<string> {
  const out = new Set<string>();
  if (s.length === 1) out.add(s);
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}
