/**
 * Writes src/caliber/lexicon/word-table.ts: the word list with frequencies and the homophone
 * index the non-word detector and the typo-pair validation read.
 *
 * Input: jieba's `dict.txt.big` (jieba, MIT licence, © Sun Junyi), as shipped inside the
 * `jieba-js` package (ISC licence) at `jieba-js/dict/dict.txt.big`. Pass another copy as the
 * first argument. We keep simplified words of 1–4 Han characters with a frequency of at least
 * MIN_FREQ (traditional spellings are dropped with OpenCC's TSCharacters table, Apache-2.0, from
 * the `opencc-js` dev dependency) and store each frequency as a log2 bucket.
 *
 * The homophone index groups every kept character by its toned readings from `pinyin-pro`
 * (the main one and those it has in the list's words; see READING_SHARE), so neither the dictionary nor pinyin-pro is needed
 * at run time.
 *
 * Without the dev dependency installed, fetch the package with the ordinary client and pass the
 * file: `npm pack jieba-js && tar xzf jieba-js-*.tgz` → `package/dict/dict.txt.big`. jieba-js has
 * only pure-JS dependencies, so it installs with plain `npm ci` if added as a devDependency.
 *
 * It also writes src/caliber/roster/readings-table.ts (see roster-readings.ts); to rewrite
 * both from the current word-table.ts, without the dictionary: `npx tsx
 * scripts/caliber/reencode-lexicon.ts`.
 *
 * Run: `npx tsx scripts/caliber/generate-lexicon.ts [path/to/dict.txt.big]`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
// @ts-expect-error: the dictionary modules ship without type declarations.
import tsCharacters from 'opencc-js/dict/TSCharacters';
import { rosterReadingsModule } from './roster-readings';
import { wordTableModule } from './word-list-encoding';

const MIN_FREQ = 20;
const MAX_LENGTH = 4;

const require = createRequire(import.meta.url);
const path = process.argv[2] ?? require.resolve('jieba-js/dict/dict.txt.big');

const traditional = new Set<string>();
for (const entry of (tsCharacters as string).split('|')) {
  const [t, candidates] = entry.split(' ');
  if (t && candidates && t.length === 1 && !candidates.split(/\s+/).includes(t)) traditional.add(t);
}

const HAN = /^\p{sc=Han}+$/u;
const freq = new Map<string, number>();
for (const line of readFileSync(path, 'utf8').split('\n')) {
  const [word, f] = line.split(' ');
  if (!word || !f || word.length > MAX_LENGTH || !HAN.test(word)) continue;
  if ([...word].some((c) => traditional.has(c) || c.length !== 1 || c.charCodeAt(0) > 0xffff)) continue;
  const n = Number(f);
  if (!(n >= MIN_FREQ)) continue;
  freq.set(word, Math.max(n, freq.get(word) ?? 0));
}

// Bucket = round(log2(freq)), written as one letter a.. so the table stays one string.
const bucket = (n: number) => String.fromCharCode(97 + Math.min(25, Math.round(Math.log2(n))));
const words = [...freq.keys()].sort();
const wordTable = words.map((w) => w + bucket(freq.get(w)!)).join('');

const chars = new Set<string>();
for (const w of words) for (const c of w) chars.add(c);
// A character's rare readings (蹲 cún, 叶 xié, 且 jū) made false homophones: 蹲在 was taken for
// 存在, 鲜叶 for 鲜血, 而拒 for 而且. A writer slips to a character through the reading an input
// method offers it under, and rare readings sit at the bottom of those lists, so a reading is
// kept only where it is the character's main reading (pinyin-pro's default) or its reading in at
// least READING_SHARE of the list's words that contain it, counted by frequency (pinyin-pro
// reads a polyphone in context: 银行 háng, 行走 xíng).
const READING_SHARE = 0.003;
const readingCounts = new Map<string, Map<string, number>>();
for (const w of words) {
  if (w.length < 2) continue;
  const rs = pinyin(w, { type: 'array', toneType: 'num' }) as string[];
  if (rs.length !== w.length) continue;
  for (let i = 0; i < w.length; i++) {
    let counts = readingCounts.get(w[i]!);
    if (!counts) readingCounts.set(w[i]!, (counts = new Map()));
    counts.set(rs[i]!, (counts.get(rs[i]!) ?? 0) + freq.get(w)!);
  }
}
const bySyllable = new Map<string, string[]>();
for (const c of [...chars].sort()) {
  const main = (pinyin(c, { type: 'array', toneType: 'num' }) as string[])[0];
  const counts = readingCounts.get(c);
  const total = counts ? [...counts.values()].reduce((a, b) => a + b, 0) : 0;
  const readings = (pinyin(c, { multiple: true, type: 'array', toneType: 'num' }) as string[]).filter(
    (r) => r === main || !counts || (counts.get(r) ?? 0) >= READING_SHARE * total,
  );
  for (const r of new Set(readings)) {
    if (!/^[a-zü]+[0-5]$/.test(r)) continue;
    let list = bySyllable.get(r);
    if (!list) bySyllable.set(r, (list = []));
    list.push(c);
  }
}
const syllables = [...bySyllable.keys()].sort();
const homophoneTable = syllables.map((s) => `${s}:${bySyllable.get(s)!.join('')}`).join('|');

const out = wordTableModule(
  wordTable,
  homophoneTable,
  `// Words: jieba dict.txt.big (jieba, MIT licence, (c) Sun Junyi; read from the jieba-js package, ISC),
// simplified words of 1-${MAX_LENGTH} Han characters with frequency >= ${MIN_FREQ}; traditional spellings dropped
// with OpenCC TSCharacters (Apache-2.0). Readings: pinyin-pro (MIT).
// ${words.length} words, ${chars.size} characters, ${syllables.length} toned syllables.`,
);
writeFileSync(new URL('../../src/caliber/lexicon/word-table.ts', import.meta.url), out);
// The roster reads only toneless readings: its own small table keeps the lexicon out of a page
// that checks wording with a roster.
writeFileSync(new URL('../../src/caliber/roster/readings-table.ts', import.meta.url), rosterReadingsModule(homophoneTable));
console.log(`wrote ${words.length} words, ${chars.size} characters, ${syllables.length} syllables, ${(out.length / 1024).toFixed(0)} K chars`);
