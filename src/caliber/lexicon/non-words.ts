import { lexicon, wordKey, type Lexicon } from './lexicon';
import { characterRelation, type CharacterRelation } from './character-relations';
import { nearWordIndex } from './near-word-index';

/** A run of 2–4 characters that is no word but reads or looks like a common one. */
export interface NonWordHit {
  start: number;
  end: number;
  /** The common words it may stand for, most likely first. */
  suggestions: string[];
  /**
   * How the best suggestion differs in one character: `homophone` (same syllable; the tone may
   * differ, 既使 → 即使) or `shape` (形近字, 峻工 → 竣工).
   */
  kind: 'homophone' | 'shape';
}

/** Tunable constants of the detector, exposed for the evaluation script; the defaults are what ships. */
export interface NonWordTuning {
  /** log2 probability that a writer types a same-tone homophone for the intended character. */
  homophoneCost: number;
  /** … a homophone of another tone (the same syllable, 即 jí / 既 jì). */
  toneCost: number;
  /** … a look-alike from the shape-neighbour table. */
  shapeCost: number;
  /** The corrected reading must beat the text as written by this many log2 units. */
  margin: number;
  /** Suggested words must be at least this common (log2 bucket of jieba's count). */
  minTargetBucket: number;
  /** Extra cost (log2) of each single-character word in a segmentation (independent single characters in a row are rare in edited prose). */
  singlePenalty: number;
}

/** The shipped tuning (see docs/caliber.md for how it was measured). */
export const NON_WORD_TUNING: Readonly<NonWordTuning> = Object.freeze({
  homophoneCost: -10,
  toneCost: -12,
  shapeCost: -12,
  margin: 0,
  minTargetBucket: 5,
  singlePenalty: 0,
});

// log2 of the word count behind the frequency buckets (jieba dict.txt.big sums to ~8.7e7).
const LOG2_TOTAL = 26;
const UNKNOWN_CHAR_BUCKET = 0;
const MAX_WORD = 4;
// The word table holds BMP characters only: CJK Unified Ideographs, Extension A, compatibility.
const isHanCode = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
/**
 * The most common Chinese surnames (公安部户籍人口统计, the top of the usual 百家姓 frequency lists),
 * without those that are also frequent function or content characters on their own (于, 向, 高,
 * 方, 万, 任, 周, 何, 程 …), which would hide real slips.
 */
/**
 * Characters that follow a surname to address a colleague by post or seniority (王工 工程师,
 * 李总 总经理, 张局 局长, 刘处 处长, 陈科, 赵队, 孙所, 周院, 吴老, 郑董, 冯姐, …): the usual forms
 * of address in Chinese workplaces, listed in 《现代汉语词典》 under each character's sense.
 */
const ADDRESS_CHARACTERS = '工总局处科队所院老董姐哥叔姨伯婶部厅委行';

const SURNAMES = '王李张刘陈杨黄赵吴徐孙胡朱郭罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡余杜叶苏魏吕丁沈姚卢姜崔钟谭汪廖贾夏韦邹孟熊秦邱尹薛闫段雷侯陶黎贺顾毛郝龚邵钱覃戴莫孔汤';
/** Brackets that open the year of a document number (GB/T 9704-2012: 〔〕; often also [] in drafts). */
const DOCUMENT_NUMBER_OPENERS = ['〔', '[', '［', '【'];
/** How many characters before such a bracket an agency code (机关代字) may take. */
const CODE_LENGTH = 4;

/**
 * Finds runs of 2–4 characters that are no word but become a common word when one character
 * is replaced by a homophone or a look-alike (峻工 → 竣工, 既使 → 即使, 扶恤金 → 抚恤金,
 * 全力以附 → 全力以赴).
 *
 * Each run of Han characters is segmented into its most probable words (a unigram model over
 * jieba's frequencies). Only where that segmentation leaves a single character — the trace a
 * wrong character leaves, since it breaks the word it belonged to — are the windows of 2–4
 * characters around it tried, and only windows that are themselves no word. A window is
 * reported when the best segmentation that reads it as the corrected word, with the cost of the
 * slip (`P(error)`), beats the best segmentation of the text as written: a noisy channel, so a
 * longer dictionary word around the window, or two ordinary words meeting there, keep it quiet.
 */
export function findNonWords(text: string, lex: Lexicon = lexicon()): NonWordHit[] {
  return findNonWordsTuned(text, lex, NON_WORD_TUNING);
}

/** {@link findNonWords} with another tuning, for the evaluation script (`scripts/eval/tune-non-words.ts`). */
export function findNonWordsTuned(text: string, lex: Lexicon, tuning: Readonly<NonWordTuning>): NonWordHit[] {
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
