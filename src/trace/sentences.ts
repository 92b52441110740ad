import type { SentenceRef } from './types';

// Sentence ends: Chinese and Western full stops, question and exclamation marks, semicolons
// (officials write long enumerations with them), and line breaks. A closing quote or bracket
// right after the mark belongs to the sentence it closes.
const TERMINATOR = /[。．！？!?；;\n]+[”’」』）)】]*|\.(?=\s)/gu;

/**
 * Splits `text` into sentences with their offsets, trimmed of surrounding white space;
 * sentences with no letter, digit or ideograph (stray punctuation) are dropped. One pass.
 */
export function splitSentences(text: string): SentenceRef[] {
  const out: SentenceRef[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) out.push({ start, end, text: text.slice(start, end) });
  };
  for (const m of text.matchAll(TERMINATOR)) {
    const end = m.index + m[0].length;
    push(from, end);
    from = end;
  }
  push(from, text.length);
  return out;
}
