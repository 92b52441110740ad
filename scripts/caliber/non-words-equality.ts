/**
 * `npx tsx scripts/caliber/non-words-equality.ts [megabytes]`: the non-word detector's fast path
 * (src/caliber/lexicon/non-words.ts) against the reference implementation it replaced
 * (test/caliber/non-words-reference.ts) on every sentence of the evaluation corpus, both
 * benchmark texts and `megabytes` (default 3) of generated text dense with slips. Prints the
 * number of hits compared and exits 1 on the first difference.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { findNonWordsTuned, NON_WORD_TUNING, SURNAMES, type NonWordHit } from '../../src/caliber/lexicon/non-words';
import { lexicon } from '../../src/caliber/lexicon/lexicon';
import { findNonWordsReference } from '../../test/caliber/non-words-reference';
import { generatedNotice } from '../../bench/generated-notice';
import { mulberry32 } from '../seeded-random';

const lex = lexicon();
const megabytes = Number(process.argv[2] ?? 3);
let compared = 0;
let hitCount = 0;
let fastMs = 0;
let referenceMs = 0;

function compare(label: string, text: string): void {
  let t0 = performance.now();
  const fast = findNonWordsTuned(text, lex, NON_WORD_TUNING);
  fastMs += performance.now() - t0;
  t0 = performance.now();
  const reference = findNonWordsReference(text, lex, NON_WORD_TUNING);
  referenceMs += performance.now() - t0;
  const show = (hits: NonWordHit[]) => JSON.stringify(hits);
  if (show(fast) !== show(reference)) {
    console.error(`DIFFERENT on ${label}:\n  text ${JSON.stringify(text.slice(0, 300))}\n  fast      ${show(fast).slice(0, 600)}\n  reference ${show(reference).slice(0, 600)}`);
    process.exit(1);
  }
  compared += text.length;
  hitCount += fast.length;
}

const root = new URL('../../test/fixtures/caliber-eval/', import.meta.url);
const sentences: string[] = [];
for (const folder of ['clean', 'errors']) {
  for (const f of readdirSync(new URL(`${folder}/`, root)).filter((x) => x.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(new URL(`${folder}/${f}`, root), 'utf8').split('\n')) {
      if (line.trim()) sentences.push((JSON.parse(line) as { text: string }).text);
    }
  }
}
sentences.forEach((s, i) => compare(`sentence ${i}`, s));
console.log(`eval corpus: ${sentences.length} sentences identical`);
let notices = '';
for (let seed = 1; notices.length < 200_000; seed++) notices += `${generatedNotice(seed)}\n\n`;
compare('generated notices', notices);

// Generated text dense with slips: common words in random order, one character in ten or so
// replaced by a homophone or any Han character, with surnames, address characters, document
// number brackets and punctuation mixed in.
const words = [...lex.buckets].filter(([w, b]) => b >= 8 && w.length <= 4).map(([w]) => w);
const rnd = mulberry32(11);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
const punctuation = ['，', '。', '、', '〔', '[', '（', '：', '2019', ' '];
let generatedChars = 0;
for (let chunk = 0; generatedChars < megabytes * 1e6; chunk++) {
  let text = '';
  while (text.length < 20_000) {
    const r = rnd();
    if (r < 0.06) text += pick(punctuation);
    else if (r < 0.09) text += SURNAMES[Math.floor(rnd() * SURNAMES.length)]! + pick(['工', '总', '局', '健华', '建']);
    else {
      let w = pick(words);
      if (rnd() < 0.12) {
        const q = Math.floor(rnd() * w.length);
        const homophones = lex.homophones.get(w[q]!) ?? [];
        const replacement = homophones.length && rnd() < 0.8 ? pick(homophones) : String.fromCharCode(0x4e00 + Math.floor(rnd() * 0x5000));
        w = w.slice(0, q) + replacement + w.slice(q + 1);
      }
      text += w;
    }
  }
  compare(`generated chunk ${chunk}`, text);
  generatedChars += text.length;
}
console.log(
  `identical: ${(compared / 1e6).toFixed(2)} M characters, ${hitCount} hits; fast path ${fastMs.toFixed(0)} ms, reference ${referenceMs.toFixed(0)} ms`,
);
