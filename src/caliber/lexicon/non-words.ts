import { lexicon, wordKey, type Lexicon } from './lexicon';
import { shapeNeighbours } from './shape-neighbours';

/** A character pair that is no word but reads or looks like a common one. */
export interface NonWordHit {
  start: number;
  end: number;
  /** The common words it may stand for, most likely first. */
  suggestions: string[];
  /** `homophone` (same toned reading) or `shape` (形近字) for the best suggestion. */
  kind: 'homophone' | 'shape';
}

// log2 of the word count behind the frequency buckets (jieba dict.txt.big sums to ~8.7e7).
const LOG2_TOTAL = 26;
// log2 of how often a writer types a homophone / a look-alike for the intended character.
// A noisy-channel guess: the suggestion must be this much likelier than the two characters
// standing as words on their own.
const LOG2_HOMOPHONE_ERROR = -10;
const LOG2_SHAPE_ERROR = -12;
/** Suggested words must be at least this common (bucket 9 ≈ 500 occurrences in jieba's corpus). */
const MIN_TARGET_BUCKET = 9;
const UNKNOWN_CHAR_BUCKET = 0;
const MAX_WORD = 4;
// The word table holds BMP characters only: CJK Unified Ideographs, Extension A, compatibility.
const isHanCode = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
/** Brackets that open the year of a document number (GB/T 9704-2012: 〔〕; often also [] in drafts). */
const DOCUMENT_NUMBER_OPENERS = ['〔', '[', '［', '【'];
/** How many characters before such a bracket an agency code (机关代字) may take. */
const CODE_LENGTH = 4;

/**
 * Finds two-character non-words whose homophone or look-alike is a common word (峻工 → 竣工,
 * 综和 → 综合). Each run of Han characters is segmented into its most probable words (a
 * unigram model over jieba's frequencies); two adjacent single characters that together are no
 * word are tested against the words one substituted character away. A suggestion is reported
 * when `P(word) · P(error) > P(c1) · P(c2)`: the common function characters (的, 和, 是) stand
 * alone so often that they are left alone.
 */
export function findNonWords(text: string, lex: Lexicon = lexicon()): NonWordHit[] {
  const hits: NonWordHit[] = [];
  let runStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const isHan = i < text.length && isHanCode(text.charCodeAt(i));
    if (isHan && runStart < 0) runStart = i;
    else if (!isHan && runStart >= 0) {
      if (i - runStart >= 2) scanRun(text, runStart, i, lex, hits);
      runStart = -1;
    }
  }
  return hits;
}

function scanRun(text: string, start: number, end: number, lex: Lexicon, hits: NonWordHit[]): void {
  const n = end - start;
  // best[i]: best log2 score of text[start, start+i); len[i]: length of the last word there.
  const best = new Float64Array(n + 1).fill(-Infinity);
  const len = new Uint8Array(n + 1);
  best[0] = 0;
  const relax = (i: number, k: number, b: number) => {
    const score = b < 0 ? (k === 1 ? UNKNOWN_CHAR_BUCKET - LOG2_TOTAL : -Infinity) : b - LOG2_TOTAL;
    if (best[i]! + score > best[i + k]!) {
      best[i + k] = best[i]! + score;
      len[i + k] = k;
    }
  };
  for (let i = 0; i < n; i++) {
    // Walk the words starting here by numeric key (no string slicing); stop as soon as no
    // longer word starts with what has been read.
    let key = 0;
    for (let k = 1; k <= MAX_WORD && i + k <= n; k++) {
      if (k === MAX_WORD) {
        relax(i, k, lex.bucket(text.slice(start + i, start + i + k)));
        break;
      }
      key = wordKey(key, text.charCodeAt(start + i + k - 1));
      relax(i, k, lex.bucketByKey(key));
      if (!lex.isPrefix(key)) break;
    }
  }
  const cuts: number[] = [];
  for (let i = n; i > 0; i -= len[i]!) cuts.push(i);
  cuts.push(0);
  cuts.reverse();
  // A run that opens a document number (粤发改〔2019〕12号) ends in an agency code, an
  // abbreviation rather than words: its last characters are not judged.
  const judged = DOCUMENT_NUMBER_OPENERS.includes(text[end] ?? '') ? n - CODE_LENGTH : n;
  // cuts[j]..cuts[j+1] is a word; look at two single characters in a row.
  for (let j = 0; j + 2 < cuts.length; j++) {
    const a = cuts[j]!;
    if (a + 2 > judged) break;
    if (cuts[j + 1]! - a !== 1 || cuts[j + 2]! - a !== 2) continue;
    const pair = text.slice(start + a, start + a + 2);
    if (lex.has(pair)) continue;
    const hit = judge(pair, lex);
    if (hit) {
      hits.push({ start: start + a, end: start + a + 2, ...hit });
      j++;
    }
  }
}

function judge(pair: string, lex: Lexicon): Omit<NonWordHit, 'start' | 'end'> | undefined {
  const c1 = pair[0]!;
  const c2 = pair[1]!;
  const alone = Math.max(lex.bucket(c1), UNKNOWN_CHAR_BUCKET) + Math.max(lex.bucket(c2), UNKNOWN_CHAR_BUCKET) - 2 * LOG2_TOTAL;
  // No candidate can beat `alone` when even the most frequent word that keeps c1 or c2 cannot:
  // most pairs of function characters (的是, 在和) end here without generating candidates.
  const best = Math.max(lex.bestStarting.get(c1) ?? -1, lex.bestEnding.get(c2) ?? -1);
  if (best < MIN_TARGET_BUCKET || best - LOG2_TOTAL + LOG2_HOMOPHONE_ERROR <= alone) return undefined;
  const found = new Map<string, { score: number; kind: 'homophone' | 'shape' }>();
  const tryWord = (word: string, kind: 'homophone' | 'shape') => {
    const b = lex.bucket(word);
    if (b < MIN_TARGET_BUCKET) return;
    const score = b - LOG2_TOTAL + (kind === 'homophone' ? LOG2_HOMOPHONE_ERROR : LOG2_SHAPE_ERROR);
    if (score <= alone) return;
    const before = found.get(word);
    if (!before || before.score < score) found.set(word, { score, kind });
  };
  for (const alt of lex.homophones.get(c1) ?? []) tryWord(alt + c2, 'homophone');
  for (const alt of lex.homophones.get(c2) ?? []) tryWord(c1 + alt, 'homophone');
  for (const alt of shapeNeighbours(c1)) tryWord(alt + c2, 'shape');
  for (const alt of shapeNeighbours(c2)) tryWord(c1 + alt, 'shape');
  if (!found.size) return undefined;
  const ranked = [...found.entries()].sort((x, y) => y[1].score - x[1].score);
  return { suggestions: ranked.slice(0, 3).map(([w]) => w), kind: ranked[0]![1].kind };
}
