/**
 * The non-word detector as it was before the packed fast path (src/caliber/lexicon/non-words.ts):
 * every Han run segmented whole with the lexicon's Map-based lookups. Kept as the reference the
 * fast path is compared with (test/caliber/non-words-fast-path.test.ts, and
 * scripts/caliber/non-words-equality.ts over the corpus and generated text); not shipped.
 */
import { lexicon, wordKey, type Lexicon } from '../../src/caliber/lexicon/lexicon';
import { characterRelation, type CharacterRelation } from '../../src/caliber/lexicon/character-relations';
import { nearWordIndex } from '../../src/caliber/lexicon/near-word-index';
import {
  ADDRESS_CHARACTERS,
  CODE_LENGTH,
  DOCUMENT_NUMBER_OPENERS,
  LOG2_TOTAL,
  MAX_WORD,
  SURNAMES,
  UNKNOWN_CHAR_BUCKET,
  isHanCode,
  type NonWordHit,
  type NonWordTuning,
} from '../../src/caliber/lexicon/non-words';

/** The reference detector: same signature and answer as `findNonWordsTuned`. */
export function findNonWordsReference(text: string, lex: Lexicon = lexicon(), tuning: Readonly<NonWordTuning>): NonWordHit[] {
  const hits: NonWordHit[] = [];
  let runStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const isHan = i < text.length && isHanCode(text.charCodeAt(i));
    if (isHan && runStart < 0) runStart = i;
    else if (!isHan && runStart >= 0) {
      if (i - runStart >= 2) scanRun(text, runStart, i, lex, tuning, hits);
      runStart = -1;
    }
  }
  return hits;
}

interface Candidate {
  a: number;
  b: number;
  word: string;
  kind: CharacterRelation;
  gain: number;
}

function scanRun(text: string, start: number, end: number, lex: Lexicon, tuning: Readonly<NonWordTuning>, hits: NonWordHit[]): void {
  const n = end - start;
  // edge[i * MAX_WORD + k - 1]: log2 score of the word text[i, i+k), -Infinity when it is none.
  const edge = new Float64Array(n * MAX_WORD).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    let key = 0;
    for (let k = 1; k <= MAX_WORD && i + k <= n; k++) {
      let b: number;
      if (k === MAX_WORD) b = lex.bucket(text.slice(start + i, start + i + k));
      else {
        key = wordKey(key, text.charCodeAt(start + i + k - 1));
        b = lex.bucketByKey(key);
      }
      if (k === 1) edge[i * MAX_WORD] = Math.max(b, UNKNOWN_CHAR_BUCKET) - LOG2_TOTAL - tuning.singlePenalty;
      else if (b >= 0) edge[i * MAX_WORD + k - 1] = b - LOG2_TOTAL;
      if (k < MAX_WORD && !lex.isPrefix(key)) break;
    }
  }
  // fwd[i]: best score of text[0, i); bwd[i]: best score of text[i, n); len[i]: last word of the best path to i.
  const fwd = new Float64Array(n + 1).fill(-Infinity);
  const bwd = new Float64Array(n + 1).fill(-Infinity);
  const len = new Uint8Array(n + 1);
  fwd[0] = 0;
  bwd[n] = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 1; k <= MAX_WORD && i + k <= n; k++) {
      const score = fwd[i]! + edge[i * MAX_WORD + k - 1]!;
      if (score > fwd[i + k]!) {
        fwd[i + k] = score;
        len[i + k] = k;
      }
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let k = 1; k <= MAX_WORD && i + k <= n; k++) bwd[i] = Math.max(bwd[i]!, edge[i * MAX_WORD + k - 1]! + bwd[i + k]!);
  }
  const singles: number[] = [];
  // boundary[i]: the best segmentation cuts the run at i.
  const boundary = new Uint8Array(n + 1);
  boundary[0] = 1;
  for (let i = n; i > 0; i -= len[i]!) {
    boundary[i] = 1;
    if (len[i] === 1) singles.push(i - 1);
  }
  if (!singles.length) return;

  // A run that opens a document number (粤发改〔2019〕12号) ends in an agency code, an
  // abbreviation rather than words: its last characters are not judged.
  const judged = DOCUMENT_NUMBER_OPENERS.includes(text[end] ?? '') ? n - CODE_LENGTH : n;
  const index = nearWordIndex(lex, tuning.minTargetBucket);
  const costOf = (kind: CharacterRelation) => (kind === 'homophone' ? tuning.homophoneCost : kind === 'tone' ? tuning.toneCost : tuning.shapeCost);
  const cheapest = Math.max(tuning.homophoneCost, tuning.toneCost, tuning.shapeCost);
  const candidates: Candidate[] = [];
  const tried = new Set<number>();
  for (const p of singles) {
    // A slip breaks the word it belonged to into whole segments of the best reading, so the
    // windows tried start and end where that reading cuts the run.
    for (let a = Math.max(0, p - MAX_WORD + 1); a <= p; a++) {
      if (!boundary[a]) continue;
      // A common surname standing alone before two characters starts a name (王健华): given
      // names are not words, and a homophone of one is usually another name, not a slip.
      const namePrefix = a > 0 && len[a] === 1 && SURNAMES.includes(text[start + a - 1]!);
      // A surname and one character of address is how colleagues are named (王工 for an
      // engineer Wang, 李总, 张局, 刘处): a person, not a slip for 王公.
      const addressed = len[a + 1] === 1 && SURNAMES.includes(text[start + a]!) && ADDRESS_CHARACTERS.includes(text[start + a + 1]!);
      for (let b = Math.max(p + 1, a + 2); b <= Math.min(judged, a + MAX_WORD); b++) {
        if (!boundary[b] || ((namePrefix || addressed) && b - a === 2)) continue;
        const spanKey = a * 8 + (b - a);
        if (tried.has(spanKey)) continue;
        tried.add(spanKey);
        // The best a corrected word can do here is bounded by its bucket: no word of the index
        // can win where even the most common one would not, and the index lists are sorted by
        // bucket, so each list is read only down to the least bucket that could win.
        const base = fwd[a]! + bwd[b]! - fwd[n]! - LOG2_TOTAL;
        const needed = tuning.margin - base - cheapest;
        if (needed >= index.maxBucket) continue;
        if (edge[a * MAX_WORD + b - a - 1]! > -Infinity) continue; // the window is a word
        for (let q = 0; q < b - a; q++) {
          for (const entry of index.near(text, start + a, b - a, q)) {
            if (entry.bucket <= needed) break;
            const kind = characterRelation(text[start + a + q]!, entry.word[q]!);
            if (!kind) continue;
            const gain = base + entry.bucket + costOf(kind);
            if (gain > tuning.margin) candidates.push({ a, b, word: entry.word, kind, gain });
          }
        }
      }
    }
  }
  if (!candidates.length) return;
  // The strongest reading first; a weaker one overlapping a window already taken is dropped.
  candidates.sort((x, y) => y.gain - x.gain);
  const taken: Candidate[] = [];
  for (const c of candidates) {
    if (taken.some((t) => t.a < c.b && c.a < t.b)) continue;
    taken.push(c);
  }
  taken.sort((x, y) => x.a - y.a);
  for (const t of taken) {
    const suggestions: string[] = [];
    for (const c of candidates) {
      if (c.a === t.a && c.b === t.b && !suggestions.includes(c.word)) suggestions.push(c.word);
      if (suggestions.length === 3) break;
    }
    hits.push({ start: start + t.a, end: start + t.b, suggestions, kind: t.kind === 'shape' ? 'shape' : 'homophone' });
  }
}
