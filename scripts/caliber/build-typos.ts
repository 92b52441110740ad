/**
 * Builds src/caliber/packs/typos.json from the hand-written pair lists in
 * scripts/caliber/typos/*.txt (`wrong right` per line; `# id:` and `# source:` head each file)
 * and the context rules in scripts/caliber/typos/context-rules.json.
 *
 * Every pair is checked against jieba's full dictionary (dict.txt.big, MIT; see
 * generate-lexicon.ts) before it is kept, so that a pair never fires on correct text:
 * - the right form must be a known word (or an idiom of 4+ characters in the dictionary);
 * - the wrong form must not be a word, nor occur inside any word of the dictionary (a word here:
 *   counted at least WORD times);
 * - the wrong form must not be readable as two ordinary words side by side (`即然` inside
 *   `立即然后`, `既然不同`): a split into a word ending with its first part and a word starting
 *   with the rest, both common, rejects the pair.
 * - the right form may also be a collocation of common words (`安装调试`, `刻苦钻研`): a wrong
 *   form unsafe alone is then matched only with its usual neighbour;
 * - finally every kept wrong form is looked for in correct text (typos/correct-text.ts): the
 *   clean sentences of the evaluation corpus and a 3-million-character sample generated from the
 *   word list; a wrong form found there (`刻期` in `片刻期间`, `通迅` in `圣通迅速`) is dropped.
 * Rejected pairs are printed with the reason; pairs already in zhGovRules' own word lists are
 * left out so one error gives one finding, and a wrong form listed in two files is kept under
 * the first. Context-decided errors (`既使`/`即使`, `自已`, `克苦` after a number, `按装修`) are
 * regex rules in typos/context-rules.json.
 *
 * Lists: `attested-*.txt` are the errors people really make, by kind (idioms, homophones,
 * near-shapes, official vocabulary), written from the common 错别字 lists; `idioms-2.txt`
 * generates input-method variants and is built only with `TYPOS_GENERATED=1`.
 *
 * Without the dev dependency installed, fetch the package with the ordinary client and pass the
 * file: `npm pack jieba-js && tar xzf jieba-js-*.tgz` → `package/dict/dict.txt.big`. jieba-js has
 * only pure-JS dependencies, so it installs with plain `npm ci` if added as a devDependency.
 *
 * Run: `npx tsx scripts/caliber/build-typos.ts [path/to/dict.txt.big]`
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import { zhGovRules } from '../../src/caliber/zh-gov-rules';
import { OFFICIAL_WORDS } from '../../src/caliber/lexicon/official-words';
import { correctTextSample, occurrences, readCleanSentences } from './typos/correct-text';
// @ts-expect-error: the dictionary modules ship without type declarations.
import tsCharacters from 'opencc-js/dict/TSCharacters';

/** A word this frequent (jieba counts) is "common" for the boundary test. */
const COMMON = 300;
/**
 * jieba's dictionary was counted from web text and holds frequent misspellings too (峻工 7,
 * 各抒已见 3): below this count a string is not taken as a word (the lexicon's own cut-off).
 */
const WORD = 20;
/** Reject a pair whose two halves meet as ordinary words this often (product of jieba counts). */
const BOUNDARY = Number(process.env.BOUNDARY ?? 1.5e8);

const require = createRequire(import.meta.url);
const dictPath = process.argv[2] ?? require.resolve('jieba-js/dict/dict.txt.big');
const folder = new URL('./typos/', import.meta.url);

const traditional = new Set<string>();
for (const entry of (tsCharacters as string).split('|')) {
  const [t, candidates] = entry.split(' ');
  if (t && candidates && t.length === 1 && !candidates.split(/\s+/).includes(t)) traditional.add(t);
}
const freq = new Map<string, number>();
for (const line of readFileSync(dictPath, 'utf8').split('\n')) {
  const [word, f] = line.split(' ');
  if (!word || !f || [...word].some((c) => traditional.has(c))) continue;
  freq.set(word, Math.max(Number(f), freq.get(word) ?? 0));
}
// Common words indexed by their first and last character, for the boundary test.
const commonEndingWith = new Map<string, number>();
const commonStartingWith = new Map<string, number>();
for (const [w, f] of freq) {
  if (f < COMMON || w.length < 2) continue;
  for (let i = 1; i < w.length; i++) {
    const tail = w.slice(i);
    commonEndingWith.set(tail, Math.max(f, commonEndingWith.get(tail) ?? 0));
  }
  for (let i = 1; i < w.length; i++) {
    const head = w.slice(0, i);
    commonStartingWith.set(head, Math.max(f, commonStartingWith.get(head) ?? 0));
  }
}
const words = [...freq.keys()];

const existing = new Set<string>();
for (const rule of zhGovRules.rules) {
  if (rule.type === 'dictionary') for (const e of rule.entries) for (const p of e.patterns) existing.add(p);
}

const officialWords = new Set(OFFICIAL_WORDS);
/**
 * Whether `right` is a word (jieba or official-words.ts), or a collocation of common words
 * (安装调试 = 安装 + 调试, 自己的 = 自己 + 的): the right form of a pair written with its usual
 * neighbour, so that a wrong form that is unsafe alone (按装 inside 按装修) is matched only there.
 */
function knownRightForm(right: string): boolean {
  if (freq.has(right) || officialWords.has(right)) return true;
  const n = right.length;
  const reach = new Array<boolean>(n + 1).fill(false);
  reach[0] = true;
  for (let i = 0; i < n; i++) {
    if (!reach[i]) continue;
    for (let j = i + 1; j <= n; j++) {
      const piece = right.slice(i, j);
      if ((piece.length > 1 || (freq.get(piece) ?? 0) >= STANDALONE) && ((freq.get(piece) ?? 0) >= WORD || officialWords.has(piece))) reach[j] = true;
    }
  }
  return reach[n]!;
}

function problem(wrong: string, right: string, allowWord = false): string | undefined {
  if (wrong === right) return 'same';
  if (!knownRightForm(right)) return `right form ${right} not in the dictionary`;
  if (!allowWord && (freq.get(wrong) ?? 0) >= WORD) return 'wrong form is a word';
  if (existing.has(wrong)) return 'already in zhGovRules';
  const inside = words.find((w) => w.length > wrong.length && w.includes(wrong) && (freq.get(w) ?? 0) >= WORD);
  if (inside) return `occurs inside the word ${inside}`;
  for (let i = 1; i < wrong.length; i++) {
    const a = wrong.slice(0, i);
    const b = wrong.slice(i);
    // How often a word ending in `a` meets a word starting with `b`, if words met at random.
    const score = Math.max(freq.get(a) ?? 0, commonEndingWith.get(a) ?? 0) * Math.max(freq.get(b) ?? 0, commonStartingWith.get(b) ?? 0);
    if (score >= BOUNDARY) return `reads as two words at ${a}|${b} (${score.toExponential(1)})`;
  }
  return undefined;
}

// Input-method errors: with a pinyin keyboard the usual slip is a character of the same
// reading picked among the first candidates, i.e. a frequent homophone. For the idioms of a
// file headed `# generate: homophones`, each character is replaced in turn by the
// HOMOPHONE_CANDIDATES most frequent characters with the same toned reading (read in context by
// pinyin-pro); the variants go through the same checks as the written pairs.
const HOMOPHONE_CANDIDATES = Number(process.env.HOMOPHONE_CANDIDATES ?? 2);
/** Only characters this frequent (jieba count) are offered high in an input method's list. */
const MIN_CANDIDATE = Number(process.env.MIN_CANDIDATE ?? 5000);
/** jieba count above which a single character is taken as a word standing alone. */
const STANDALONE = Number(process.env.STANDALONE ?? 5000);
// jieba's dictionary holds mojibake single characters with high counts (屽, 鍏): a candidate must
// also occur in many common words.
const wordsWithChar = new Map<string, number>();
for (const [w, f] of freq) if (f >= COMMON && w.length > 1) for (const c of new Set(w)) wordsWithChar.set(c, (wordsWithChar.get(c) ?? 0) + 1);
const charsByReading = new Map<string, string[]>();
for (const [w, f] of [...freq].sort((a, b) => b[1] - a[1])) {
  if (w.length !== 1 || f < MIN_CANDIDATE || (wordsWithChar.get(w) ?? 0) < 30) continue;
  // The character's usual reading only: 万 is offered for wàn, not for its rare mò.
  for (const r of pinyin(w, { type: 'array', toneType: 'num' }) as string[]) {
    const list = charsByReading.get(r) ?? [];
    list.push(w);
    charsByReading.set(r, list);
  }
}
function homophoneVariants(idiom: string): string[] {
  const readings = pinyin(idiom, { type: 'array', toneType: 'num' }) as string[];
  if (readings.length !== idiom.length) return [];
  const out: string[] = [];
  for (let i = 0; i < idiom.length; i++) {
    const same = (charsByReading.get(readings[i]!) ?? []).filter((c) => c !== idiom[i]).slice(0, HOMOPHONE_CANDIDATES);
    for (const c of same) out.push(idiom.slice(0, i) + c + idiom.slice(i + 1));
  }
  return out;
}

/**
 * Whether `s` reads as ordinary words side by side (爱不是手 in 爱不是手段): a split into two or
 * more pieces, each a word counted at least WORD times, except that the first may be the end of
 * a common word and the last the beginning of one. Generated variants must not read so.
 */
function readsAsWords(s: string): boolean {
  const n = s.length;
  const ok = (from: number, to: number) => {
    const piece = s.slice(from, to);
    // A single character stands for a word only when it often does (是, 不, 在, 手).
    if (piece.length === 1) return (freq.get(piece) ?? 0) >= STANDALONE;
    if ((freq.get(piece) ?? 0) >= WORD) return true;
    if (from === 0 && commonEndingWith.has(piece)) return true;
    return to === n && commonStartingWith.has(piece);
  };
  // reach[i]: the smallest number of pieces covering s[0, i).
  const reach = new Array<number>(n + 1).fill(Infinity);
  reach[0] = 0;
  for (let i = 0; i < n; i++) {
    if (reach[i] === Infinity) continue;
    for (let j = i + 1; j <= n; j++) if (ok(i, j)) reach[j] = Math.min(reach[j]!, reach[i]! + 1);
  }
  return reach[n]! >= 2 && reach[n]! < Infinity;
}

interface Rule {
  id: string;
  [key: string]: unknown;
}
interface ListFile {
  file: string;
  id: string;
  source: string;
  severity: string;
  message: string;
  generate: boolean;
  pairs: [string, string][];
  entries: { patterns: string[]; expected: string }[];
}
const rejected: string[] = [];
// A wrong form is kept once, under the first list that has it (files in name order: the
// hand-written `attested-*` lists come before the older lists and the generated variants), so
// that one slip gives one finding.
const taken = new Set<string>();
const lists: ListFile[] = [];
for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()) {
  const lines = readFileSync(new URL(file, folder), 'utf8').split('\n');
  const id = lines.find((l) => l.startsWith('# id:'))?.slice(5).trim();
  const source = lines.find((l) => l.startsWith('# source:'))?.slice(9).trim();
  if (!id || !source) throw new Error(`${file}: needs # id: and # source:`);
  const generate = lines.some((l) => l.startsWith('# generate: homophones'));
  // The generated input-method variants caught no labelled error of the evaluation corpus that
  // the hand-written lists missed (dev and held-out alike) and weighed 15 KB gzip in every
  // bundle: they are built only on request.
  if (generate && process.env.TYPOS_GENERATED !== '1') continue;
  // `# allow-word: yes`: misspellings common enough to be in jieba's web-counted list (震憾), each
  // checked by hand against 《现代汉语词典》; the other checks still apply.
  const allowWord = lines.some((l) => l.startsWith('# allow-word: yes'));
  const severity = lines.find((l) => l.startsWith('# severity:'))?.slice(11).trim() ?? 'error';
  const message = lines.find((l) => l.startsWith('# message:'))?.slice(10).trim() ?? '错别字：“{match}”应为“{expected}”';
  const pairs: [string, string][] = [];
  for (const line of lines) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [first, second] = line.trim().split(/\s+/);
    if (!first) continue;
    if (generate) for (const v of homophoneVariants(second ?? first)) pairs.push([v, second ?? first]);
    else if (second) pairs.push([first, second]);
    else throw new Error(`${file}: bad line ${line}`);
  }
  if (generate) {
    // The idioms of the hand-written lists get their input-method variants too.
    for (const other of readdirSync(folder).filter((f) => f.endsWith('.txt') && f !== file)) {
      for (const line of readFileSync(new URL(other, folder), 'utf8').split('\n')) {
        const right = line.startsWith('#') ? undefined : line.trim().split(/\s+/)[1];
        if (right && right.length >= 4) for (const v of homophoneVariants(right)) pairs.push([v, right]);
      }
    }
  }
  const kept: [string, string][] = [];
  for (const [wrong, right] of pairs) {
    if (taken.has(wrong)) continue;
    const why = problem(wrong, right, allowWord) ?? (generate && readsAsWords(wrong) ? 'reads as words' : undefined);
    if (why) {
      if (why !== 'same' && !generate) rejected.push(`${file}: ${wrong} → ${right}: ${why}`);
      continue;
    }
    taken.add(wrong);
    kept.push([wrong, right]);
  }
  lists.push({ file, id, source, severity, message, generate, pairs: kept, entries: [] });
}

// Every kept wrong form is tried on correct text: the clean sentences of the evaluation corpus
// and SAMPLE_CHARS characters of text generated from the word list (correct-text.ts).
const SAMPLE_CHARS = Number(process.env.SAMPLE_CHARS ?? 3_000_000);
const clean = readCleanSentences();
const sample = correctTextSample(freq, SAMPLE_CHARS, WORD, taken);
const chunks: string[] = [];
for (let i = 0; i < sample.length; i += 10_000) chunks.push(sample.slice(i, i + 10_010));
const inClean = occurrences(taken, clean);
const inSample = occurrences(taken, chunks);
let kept = 0;
const rules: Rule[] = [];
const counts: string[] = [];
for (const list of lists) {
  let dropped = 0;
  for (const [wrong, right] of list.pairs) {
    const where = inClean.get(wrong) ?? inSample.get(wrong);
    if (where) {
      dropped++;
      if (!list.generate) rejected.push(`${list.file}: ${wrong} → ${right}: occurs in correct text (${inClean.has(wrong) ? 'clean corpus' : 'generated sample'}: …${where}…)`);
      continue;
    }
    list.entries.push({ patterns: [wrong], expected: right });
  }
  kept += list.entries.length;
  counts.push(`${list.id} (${list.file}): ${list.entries.length} kept${dropped ? `, ${dropped} found in correct text` : ''}`);
  rules.push({
    id: list.id,
    type: 'dictionary',
    severity: list.severity,
    message: list.message,
    source: list.source,
    // A wrong character is wrong in a quotation too; a fix there still waits for a human.
    exemptQuoted: false,
    entries: list.entries,
  });
}
const context = JSON.parse(readFileSync(new URL('context-rules.json', folder), 'utf8')) as Rule[];
const pack = {
  id: 'zh-gov-typos',
  name: '常见错别字',
  description: `${kept} 组经词表校验的错别字（同音、形近），以及“截止/截至”“其它/其他”等依上下文判定的用字规则。由 scripts/caliber/build-typos.ts 生成，可按规则关闭或扩充。`,
  rules: [...rules, ...context],
};
writeFileSync(new URL('../../src/caliber/packs/typos.json', import.meta.url), `${JSON.stringify(pack, null, 1)}\n`);
console.log(rejected.join('\n'));
console.log(counts.join('\n'));
console.log(`kept ${kept} pairs, rejected ${rejected.length} hand-written ones; tried on ${clean.length} clean sentences and ${sample.length} generated characters`);
