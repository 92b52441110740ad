/**
 * Correct text for build-typos.ts to try every wrong → right pair on before it is kept: a
 * pair whose wrong form turns up in correct text would raise an error on an author's correct
 * sentence, which is worse than missing a slip.
 *
 * Two sources: the clean sentences of the evaluation corpus (test/fixtures/caliber-eval/clean,
 * edited official prose), and a large sample of text generated from the word list, words drawn
 * by their frequency and written side by side, so that wrong forms spanning the boundary of
 * two ordinary words (研究|竞争 holds 究竞, 各自|已经 holds 自已) show up as they would in prose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mulberry32 } from '../../seeded-random';

const cleanFolder = new URL('../../../test/fixtures/caliber-eval/clean/', import.meta.url);

/** Every clean sentence of the evaluation corpus. */
export function readCleanSentences(): string[] {
  const out: string[] = [];
  for (const file of readdirSync(cleanFolder).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(new URL(file, cleanFolder), 'utf8').split('\n')) {
      if (line.trim()) out.push((JSON.parse(line) as { text: string }).text);
    }
  }
  return out;
}

/**
 * `chars` characters of words drawn from `freq` (words counted at least `minCount` times) in
 * proportion to their counts, written one after another: a unigram model of Chinese prose.
 * `exclude` leaves out words that are themselves kept as wrong forms (震憾, counted in jieba's
 * web text but a misspelling by 《现代汉语词典》); the draws are the same whatever it holds.
 */
export function correctTextSample(freq: ReadonlyMap<string, number>, chars: number, minCount: number, exclude: ReadonlySet<string> = new Set(), seed = 1): string {
  const words: string[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [w, f] of freq) {
    if (f < minCount) continue;
    total += f;
    words.push(w);
    cumulative.push(total);
  }
  const next = mulberry32(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const target = next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    const w = words[lo]!;
    // An excluded word is drawn but not written (a break instead), so that the sample does not
    // shift when the lists change.
    const piece = exclude.has(w) ? '。' : w;
    parts.push(piece);
    length += piece.length;
  }
  return parts.join('');
}

/** The wrong forms among `forms` that occur in `texts`, with the first text holding each. */
export function occurrences(forms: Iterable<string>, texts: readonly string[]): Map<string, string> {
  const byLength = new Map<number, Set<string>>();
  for (const f of forms) {
    const set = byLength.get(f.length) ?? new Set<string>();
    set.add(f);
    byLength.set(f.length, set);
  }
  const found = new Map<string, string>();
  for (const text of texts) {
    for (const [n, set] of byLength) {
      for (let i = 0; i + n <= text.length; i++) {
        const s = text.slice(i, i + n);
        if (set.has(s) && !found.has(s)) found.set(s, text.slice(Math.max(0, i - 6), i + n + 6));
      }
    }
  }
  return found;
}
