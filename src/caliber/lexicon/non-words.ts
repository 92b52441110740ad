import { lexicon, type Lexicon } from './lexicon';
import { characterRelation, type CharacterRelation } from './character-relations';
import { BUCKET, MASK, NODE_STRIDE, packedLexicon, SLOT_STRIDE, TABLE, type PackedLexicon } from './packed-lexicon';
import { packedNearWords, RELATION_BY_CODE, type PackedNearWords } from './packed-near-words';

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

/** log2 of the word count behind the frequency buckets (jieba dict.txt.big sums to ~8.7e7). */
export const LOG2_TOTAL = 26;
/** The bucket of a character the word list does not know. */
export const UNKNOWN_CHAR_BUCKET = 0;
/** The longest word the segmenter reads. */
export const MAX_WORD = 4;
/** Whether a UTF-16 code is Han: the word table holds BMP characters only (CJK Unified Ideographs, Extension A, compatibility). */
export const isHanCode = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
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
export const ADDRESS_CHARACTERS = '工总局处科队所院老董姐哥叔姨伯婶部厅委行';

/** Common surnames (see above). */
export const SURNAMES = '王李张刘陈杨黄赵吴徐孙胡朱郭罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡余杜叶苏魏吕丁沈姚卢姜崔钟谭汪廖贾夏韦邹孟熊秦邱尹薛闫段雷侯陶黎贺顾毛郝龚邵钱覃戴莫孔汤';
/** Brackets that open the year of a document number (GB/T 9704-2012: 〔〕; often also [] in drafts). */
export const DOCUMENT_NUMBER_OPENERS = ['〔', '[', '［', '【'];
/** How many characters before such a bracket an agency code (机关代字) may take. */
export const CODE_LENGTH = 4;

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
  const scan: Scan = { text, packed: packedLexicon(lex), lex, tuning, index: undefined, hits };
  reserve(Math.min(text.length, MAX_RUN));
  let runStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const isHan = i < text.length && isHanCode(text.charCodeAt(i));
    if (isHan && runStart < 0) runStart = i;
    else if (!isHan && runStart >= 0) {
      if (i - runStart >= 2) scanRun(scan, runStart, i);
      runStart = -1;
    }
  }
  return hits;
}

/** What every run of one call shares. */
interface Scan {
  readonly text: string;
  readonly packed: PackedLexicon;
  readonly lex: Lexicon;
  readonly tuning: Readonly<NonWordTuning>;
  /** The near-word index, fetched when the first run leaves a single character. */
  index: PackedNearWords | undefined;
  readonly hits: NonWordHit[];
}

interface Candidate {
  a: number;
  b: number;
  word: string;
  kind: CharacterRelation;
  gain: number;
}

// Scratch space reused by every run (grown on demand), so that the hot loop allocates nothing
// per character: the detector runs over every Han character of every document checked.
const MAX_RUN = 1 << 16;
let capacity = 0;
let ids = new Uint16Array(0);
let edge = new Float64Array(0);
let fwd = new Float64Array(0);
let bwd = new Float64Array(0);
let len = new Uint8Array(0);
let boundary = new Uint8Array(0);
// The single characters of the best reading, from the end of the run back.
let singles = new Int32Array(0);
// tried[a * 8 + length] === generation: the window was already tried in this run.
let tried = new Int32Array(0);
let generation = 0;
const range = new Int32Array(2);

function reserve(n: number): void {
  if (n <= capacity) return;
  capacity = Math.max(n, capacity * 2, 256);
  ids = new Uint16Array(capacity);
  edge = new Float64Array(capacity * MAX_WORD);
  fwd = new Float64Array(capacity + 1);
  bwd = new Float64Array(capacity + 1);
  len = new Uint8Array(capacity + 1);
  boundary = new Uint8Array(capacity + 1);
  singles = new Int32Array(capacity);
  tried = new Int32Array(capacity * 8 + 8);
  generation = 0;
}

let surnameCodes: Uint8Array | undefined;
let addressCodes: Uint8Array | undefined;
const codeFlags = (chars: string) => {
  const flags = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) flags[chars.charCodeAt(i)] = 1;
  return flags;
};

function scanRun(scan: Scan, start: number, end: number): void {
  const { text, tuning } = scan;
  const n = end - start;
  reserve(n);
  const { charId, nodes, children } = scan.packed;
  const singlePenalty = tuning.singlePenalty;
  // edge[i * MAX_WORD + k - 1]: log2 score of the word text[i, i+k), -Infinity when it is none;
  // the words starting at i are read by walking the trie one character at a time.
  // fwd[i]: best score of text[0, i); len[i]: last word of the best path to i. Every edge into
  // i + k comes from before it, so fwd is relaxed as the edges are found (in the order of i,
  // then k, as a separate pass would).
  for (let i = 0; i < n; i++) ids[i] = charId[text.charCodeAt(start + i)]!;
  edge.fill(-Infinity, 0, n * MAX_WORD);
  fwd.fill(-Infinity, 0, n + 1);
  fwd[0] = 0;
  for (let i = 0; i < n; i++) {
    const first = ids[i]!;
    const here = fwd[i]!;
    const single = Math.max(first === 0 ? -1 : nodes[first * NODE_STRIDE + BUCKET]!, UNKNOWN_CHAR_BUCKET) - LOG2_TOTAL - singlePenalty;
    edge[i * MAX_WORD] = single;
    let score = here + single;
    if (score > fwd[i + 1]!) {
      fwd[i + 1] = score;
      len[i + 1] = 1;
    }
    if (first === 0) continue;
    // Walk the trie: each step reads one slot of the current prefix's child table, which holds
    // the next prefix's table and bucket (packed-lexicon.ts).
    let table = nodes[first * NODE_STRIDE + TABLE]!;
    let mask = nodes[first * NODE_STRIDE + MASK]!;
    for (let k = 2; k <= MAX_WORD && i + k <= n; k++) {
      const id = ids[i + k - 1]!;
      if (mask < 0 || id === 0) break;
      let slot = -1;
      for (let s = id & mask; ; s = (s + 1) & mask) {
        const packed = children[(table + s) * SLOT_STRIDE]!;
        if ((packed & 0xffff) === id) {
          slot = (table + s) * SLOT_STRIDE;
          break;
        }
        if (packed === 0) break;
      }
      if (slot < 0) break;
      const packed = children[slot]!;
      table = children[slot + 1]!;
      mask = (1 << (packed >>> 24)) - 1 || -1;
      const b = ((packed >>> 16) & 0xff) - 1;
      if (b >= 0) {
        const e = b - LOG2_TOTAL;
        edge[i * MAX_WORD + k - 1] = e;
        score = here + e;
        if (score > fwd[i + k]!) {
          fwd[i + k] = score;
          len[i + k] = k;
        }
      }
    }
  }
  let singleCount = 0;
  // boundary[i]: the best segmentation cuts the run at i.
  boundary.fill(0, 0, n + 1);
  boundary[0] = 1;
  for (let i = n; i > 0; i -= len[i]!) {
    boundary[i] = 1;
    if (len[i] === 1) singles[singleCount++] = i - 1;
  }
  if (singleCount === 0) return;
  // bwd[i]: best score of text[i, n), needed only where a window is tried.
  bwd.fill(-Infinity, 0, n + 1);
  bwd[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    // The maximum by comparison, not Math.max: the same value, as no -0 occurs and a finite
    // tuning gives no NaN.
    let best = -Infinity;
    for (let k = 1; k <= MAX_WORD && i + k <= n; k++) {
      const score = edge[i * MAX_WORD + k - 1]! + bwd[i + k]!;
      if (score > best) best = score;
    }
    bwd[i] = best;
  }

  if (++generation === 0x7fffffff) {
    tried.fill(0);
    generation = 1;
  }
  surnameCodes ??= codeFlags(SURNAMES);
  addressCodes ??= codeFlags(ADDRESS_CHARACTERS);
  // A run that opens a document number (粤发改〔2019〕12号) ends in an agency code, an
  // abbreviation rather than words: its last characters are not judged.
  const judged = DOCUMENT_NUMBER_OPENERS.includes(text[end] ?? '') ? n - CODE_LENGTH : n;
  const index = (scan.index ??= packedNearWords(scan.lex, tuning.minTargetBucket));
  const { entries, entryBucket: entryBuckets, entryChar, words, maxAt, readingBits, shapeBits } = index;
  const costOf = (kind: CharacterRelation) => (kind === 'homophone' ? tuning.homophoneCost : kind === 'tone' ? tuning.toneCost : tuning.shapeCost);
  const cheapest = Math.max(tuning.homophoneCost, tuning.toneCost, tuning.shapeCost);
  const candidates: Candidate[] = [];
  for (let si = 0; si < singleCount; si++) {
    const p = singles[si]!;
    // A slip breaks the word it belonged to into whole segments of the best reading, so the
    // windows tried start and end where that reading cuts the run.
    for (let a = Math.max(0, p - MAX_WORD + 1); a <= p; a++) {
      if (!boundary[a]) continue;
      // A common surname standing alone before two characters starts a name (王健华): given
      // names are not words, and a homophone of one is usually another name, not a slip.
      const namePrefix = a > 0 && len[a] === 1 && surnameCodes[text.charCodeAt(start + a - 1)] === 1;
      // A surname and one character of address is how colleagues are named (王工 for an
      // engineer Wang, 李总, 张局, 刘处): a person, not a slip for 王公.
      const addressed =
        len[a + 1] === 1 && surnameCodes[text.charCodeAt(start + a)] === 1 && addressCodes[text.charCodeAt(start + a + 1)] === 1;
      for (let b = Math.max(p + 1, a + 2); b <= Math.min(judged, a + MAX_WORD); b++) {
        if (!boundary[b] || ((namePrefix || addressed) && b - a === 2)) continue;
        const spanKey = a * 8 + (b - a);
        if (tried[spanKey] === generation) continue;
        tried[spanKey] = generation;
        // The best a corrected word can do here is bounded by its bucket: no word of the index
        // can win where even the most common one would not, and the index lists are sorted by
        // bucket, so each list is read only down to the least bucket that could win.
        const base = fwd[a]! + bwd[b]! - fwd[n]! - LOG2_TOTAL;
        const needed = tuning.margin - base - cheapest;
        if (needed >= index.maxBucket) continue;
        if (edge[a * MAX_WORD + b - a - 1]! > -Infinity) continue; // the window is a word
        const length = b - a;
        // The words one character away at position q have every other character of the window
        // in place, so the least of the best buckets those characters allow at their places
        // bounds the whole list (packed-near-words.ts). With the least and second least over
        // all positions: no q can pass when the second least cannot; only the least's position
        // can when the least cannot. Most windows end here, before any lookup.
        let least = 127;
        let second = 127;
        let leastAt = -1;
        for (let i = 0; i < length; i++) {
          const best = maxAt[ids[a + i]! * 16 + length * 4 + i]!;
          if (best < least) {
            second = least;
            least = best;
            leastAt = i;
          } else if (best < second) second = best;
        }
        if (second <= needed) continue;
        for (let q = least <= needed ? leastAt : 0; q < length; q++) {
          // (bound for q: second for the least's position, least elsewhere; > needed here)
          if (q !== leastAt && least <= needed) break;
          // The ids of the window without position q.
          let o0 = 0;
          let o1 = 0;
          let o2 = 0;
          for (let i = 0, j = 0; i < length; i++) {
            if (i === q) continue;
            const id = ids[a + i]!;
            if (j === 0) o0 = id;
            else if (j === 1) o1 = id;
            else o2 = id;
            j++;
          }
          if (!index.find(length, q, o0, o1, o2, range)) continue;
          const written = ids[a + q]!;
          for (let e = range[0]!; e < range[1]!; e++) {
            const entryBucket = entryBuckets[e]!;
            if (entryBucket <= needed) break;
            const intended = entryChar[e]!;
            // Most pairs share no reading and are no look-alikes: the signatures say so at once.
            if (written !== 0 && (readingBits[written]! & readingBits[intended]!) === 0 && (shapeBits[written]! & (1 << (intended & 31))) === 0) continue;
            const word = words[entries[e]!]!;
            const kind = written === 0 ? characterRelation(text[start + a + q]!, word[q]!) : RELATION_BY_CODE[index.relation(written, intended)];
            if (!kind) continue;
            const gain = base + entryBucket + costOf(kind);
            if (gain > tuning.margin) candidates.push({ a, b, word, kind, gain });
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
    scan.hits.push({ start: start + t.a, end: start + t.b, suggestions, kind: t.kind === 'shape' ? 'shape' : 'homophone' });
  }
}
