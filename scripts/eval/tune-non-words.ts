/**
 * `npx tsx scripts/eval/tune-non-words.ts [key=value …]`: the non-word detector alone on the
 * corpus, for one tuning (defaults: NON_WORD_TUNING; override e.g. `toneCost=-13 margin=1`).
 * Prints, for the DEV half only, the typo labels it overlaps and the hits overlapping no
 * label, and for every clean sentence each hit (a false alarm). The held-out half is scored
 * as one number and never listed, so tuning can be checked for overfitting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { findNonWordsTuned as findNonWords, NON_WORD_TUNING, type NonWordTuning } from '../../src/caliber/lexicon/non-words';
import { lexicon } from '../../src/caliber/lexicon/lexicon';
import { locate, type LabelledError } from './scoring';
import { halfOf } from './split';

const tuning: NonWordTuning = { ...NON_WORD_TUNING };
for (const arg of process.argv.slice(2)) {
  const [k, v] = arg.split('=');
  if (k && v && k in tuning) (tuning as unknown as Record<string, number>)[k] = Number(v);
}
const root = new URL('../../test/fixtures/caliber-eval/', import.meta.url);
const read = (folder: string) =>
  readdirSync(new URL(`${folder}/`, root))
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(new URL(`${folder}/${f}`, root), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l, i) => ({ ...(JSON.parse(l) as { text: string; errors?: LabelledError[] }), origin: `${folder}/${f}:${i + 1}` })),
    );
const lex = lexicon();
const t0 = performance.now();
const score = { dev: { labels: 0, caught: 0, unlabelled: 0 }, 'held-out': { labels: 0, caught: 0, unlabelled: 0 } };
const quiet = process.argv.includes('--quiet');
for (const s of read('errors')) {
  const half = halfOf(s.text);
  const hits = findNonWords(s.text, lex, tuning);
  const spans = (s.errors ?? []).map((e) => ({ e, start: locate(s.text, e) }));
  for (const { e, start } of spans) {
    if (e.category !== 'typo') continue;
    score[half].labels++;
    if (hits.some((h) => start >= 0 && h.start < start + e.excerpt.length && h.end > start)) score[half].caught++;
    else if (half === 'dev' && !quiet) console.log(`  dev missed ${s.origin} «${e.excerpt}»`);
  }
  for (const h of hits) {
    if (spans.some(({ e, start }) => start >= 0 && h.start < start + e.excerpt.length && h.end > start)) continue;
    score[half].unlabelled++;
    if (half === 'dev' && !quiet) console.log(`  dev unlabelled ${s.origin} «${s.text.slice(h.start, h.end)}» → ${h.suggestions.join('/')}`);
  }
}
let falseAlarms = 0;
for (const s of read('clean')) {
  for (const h of findNonWords(s.text, lex, tuning)) {
    falseAlarms++;
    console.log(`  clean FP ${s.origin} «${s.text.slice(h.start, h.end)}» → ${h.suggestions.join('/')} (${h.kind})`);
  }
}
console.log(JSON.stringify(tuning));
for (const [half, x] of Object.entries(score)) console.log(`${half}: typo labels ${x.labels}, caught by non-word ${x.caught} (${(x.caught / x.labels).toFixed(3)}), hits on no label ${x.unlabelled}`);
console.log(`clean false alarms: ${falseAlarms}; ${(performance.now() - t0).toFixed(0)} ms`);
