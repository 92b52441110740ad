/**
 * `npm run eval`: measures the caliber checks on the labelled corpus in
 * test/fixtures/caliber-eval/ and detectSensitive on test/fixtures/sensitive-corpus.json, and
 * prints recall, false alarms, precision and damaging fixes per category. Numbers, not
 * thresholds: the corpus measures the checks, it is never used to tune them.
 *
 * Run: `npm run eval` (add `-- --verbose` to list every miss).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as caliber from '../../src/caliber/index';
import { detectSensitive, SENSITIVE_KINDS } from '../../src/confidentiality/index';
import type { RuleSet } from '../../src/caliber/index';
import { scoreCorpus, type CorpusScore, type EvalSentence, type ScoredFinding } from './scoring';
import { halfOf } from './split';
import { printRealisticConfidentiality } from './confidentiality-realistic';

const root = new URL('../../test/fixtures/caliber-eval/', import.meta.url);
const verbose = process.argv.includes('--verbose');

/** ruleId prefix → corpus category; the first match wins, so longer prefixes come first. */
const CATEGORY_BY_PREFIX: readonly (readonly [string, string])[] = [
  ['zh-gov-typos/', 'typo'],
  ['zh-gov-non-words/', 'typo'],
  ['zh-gov/common-typos', 'typo'],
  ['zh-gov/variant-forms', 'typo'],
  ['zh-gov/consistent-qita', 'typo'],
  ['zh-gov-de-di-de/', 'de-di-de'],
  ['roster/', 'leader'],
  ['zh-gov/title', 'leader'],
  ['xinhua/', 'political'],
  ['zh-gov/xinhua-', 'political'],
  ['agency-2018/', 'agency'],
  ['spam/', 'spam'],
  ['caliber/', 'form'],
  ['zh-gov/', 'form'],
];
const categoryOf = (ruleId: string) => CATEGORY_BY_PREFIX.find(([prefix]) => ruleId.startsWith(prefix))?.[1];

function readJsonl(folder: string): EvalSentence[] {
  const out: EvalSentence[] = [];
  const dir = new URL(`${folder}/`, root);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    readFileSync(new URL(file, dir), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        const item = JSON.parse(line) as { text: string; errors?: EvalSentence['errors']; fixed?: string };
        out.push({ text: item.text, errors: item.errors ?? [], ...(item.fixed === undefined ? {} : { fixed: item.fixed }), origin: `${folder}/${file}:${i + 1}` });
      });
  }
  return out;
}

const sentences = [...readJsonl('errors'), ...readJsonl('clean')];
const notes: string[] = [];

// The default packs: `defaultRuleSets` where the build has it, else zhGovRules; plus the
// lexicon packs when the default list does not hold them yet.
const api = caliber as unknown as Record<string, unknown>;
const base = (api.defaultRuleSets as readonly RuleSet[] | undefined) ?? [caliber.zhGovRules];
if (!api.defaultRuleSets) notes.push('defaultRuleSets not exported: using zhGovRules alone as the default');
const defaults = [...base];
for (const extra of [caliber.zhGovTypos, caliber.zhGovDeDiDe]) if (!defaults.some((s) => s.id === extra.id)) defaults.push(extra);

// The roster, if checkCaliber accepts one.
let options: Record<string, unknown> = {};
try {
  const roster = JSON.parse(readFileSync(new URL('roster.json', root), 'utf8')) as unknown;
  caliber.checkCaliber('县长', defaults, { roster } as never);
  options = { roster };
} catch (e) {
  notes.push(`roster skipped (checkCaliber does not take it here: ${(e as Error).message.slice(0, 80)})`);
}

const check = (sets: readonly RuleSet[]) => (text: string) => caliber.checkCaliber(text, sets, options as never) as ScoredFinding[];
const fix = (text: string, findings: ScoredFinding[]) => caliber.applyFixes(text, findings as never);

function print(title: string, score: CorpusScore, listMisses = true): void {
  console.log(`\n## ${title}\n`);
  console.log('| category | labelled | caught | recall | same-category | TP | false alarms (clean) | unlabelled hits | precision |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const pct = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(3));
  for (const [name, c] of Object.entries(score.categories).sort()) {
    console.log(`| ${name} | ${c.labelled} | ${c.caught} | ${pct(c.recall)} | ${c.caughtBySameCategory} | ${c.truePositives} | ${c.falseAlarms} | ${c.unlabelled} | ${pct(c.precision)} |`);
  }
  const s = score.cleanFindingsBySeverity;
  console.log(`\nFindings on ${sentences.filter((x) => !x.errors.length).length} clean sentences: ${s.error} error, ${s.warning} warning, ${s.info} info`);
  for (const ex of score.falseAlarmExamples) console.log(`  false alarm: ${ex}`);
  const d = score.damage;
  console.log(`Damaging fixes (safe fixes applied): ${d.cleanChanged + d.outsideSpans + d.wrongExpected} — clean sentences changed ${d.cleanChanged}, error sentences changed outside labelled spans ${d.outsideSpans}, labelled spans fixed to something other than expected ${d.wrongExpected}; (not damage) results differing from the corpus "fixed" ${d.differsFromFixed}`);
  for (const ex of d.examples) console.log(`  ${ex}`);
  // Misses are listed for the dev half only: the held-out half is looked at as a number.
  if (!listMisses) console.log(`Missed ${score.missed.length} (held-out: not listed)`);
  else if (verbose) for (const m of score.missed) console.log(`  missed: ${m}`);
  else if (score.missed.length) console.log(`Missed ${score.missed.length} (first 10; --verbose lists all):\n  ${score.missed.slice(0, 10).join('\n  ')}`);
}

console.log(`# Caliber evaluation (${sentences.filter((x) => x.errors.length).length} error sentences, ${sentences.filter((x) => !x.errors.length).length} clean)`);
console.log(`Default rule sets: ${defaults.map((s) => s.id).join(', ')}${options.roster ? ' + roster' : ''}`);
for (const n of notes) console.log(`Note: ${n}`);
// Error lines split into a dev half and a held-out half (scripts/eval/split.ts); clean lines
// belong to both. Only dev misses are listed.
const clean = sentences.filter((x) => !x.errors.length);
const dev = [...sentences.filter((x) => x.errors.length && halfOf(x.text) === 'dev'), ...clean];
const heldOut = [...sentences.filter((x) => x.errors.length && halfOf(x.text) === 'held-out'), ...clean];
console.log(`Split: ${dev.length - clean.length} dev error lines, ${heldOut.length - clean.length} held-out error lines; ${clean.length} clean lines in both`);
const optIn = ((api.zhGovNonWords as RuleSet | undefined) && !defaults.some((s) => s.id === caliber.zhGovNonWords.id)) ? [caliber.zhGovNonWords] : [];
for (const [label, sets] of [['Default packs', defaults], ...(optIn.length ? [['Default packs + opt-in zhGovNonWords', [...defaults, ...optIn]] as const] : [])] as const) {
  print(`${label}: all`, scoreCorpus(sentences, check(sets), fix, categoryOf), false);
  print(`${label}: dev half`, scoreCorpus(dev, check(sets), fix, categoryOf));
  print(`${label}: held-out half`, scoreCorpus(heldOut, check(sets), fix, categoryOf), false);
}

// detectSensitive on its own labelled corpus: exact span and kind.
interface SensitiveItem {
  text: string;
  labels: { kind: string; start: number; end: number }[];
}
const sensitive = JSON.parse(readFileSync(new URL('../sensitive-corpus.json', root), 'utf8')) as { now: string; items: SensitiveItem[] };
const tally = Object.fromEntries(SENSITIVE_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
const key = (s: { kind: string; start: number; end: number }) => `${s.kind}:${s.start}:${s.end}`;
for (const item of sensitive.items) {
  const found = detectSensitive(item.text, { now: new Date(sensitive.now) });
  const labels = new Set(item.labels.map(key));
  const got = new Set(found.map(key));
  for (const f of found) tally[f.kind]![labels.has(key(f)) ? 'tp' : 'fp']++;
  for (const l of item.labels) if (!got.has(key(l))) tally[l.kind]!.fn++;
}
console.log(`\n## Confidentiality (${sensitive.items.length} items of test/fixtures/sensitive-corpus.json)\n`);
console.log('| kind | TP | FP | FN | precision | recall |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [kind, t] of Object.entries(tally)) {
  const p = t.tp + t.fp ? (t.tp / (t.tp + t.fp)).toFixed(4) : '–';
  const r = t.tp + t.fn ? (t.tp / (t.tp + t.fn)).toFixed(4) : '–';
  console.log(`| ${kind} | ${t.tp} | ${t.fp} | ${t.fn} | ${p} | ${r} |`);
}

// The same detector on hand-written realistic text (scripts/eval/confidentiality-realistic.ts).
printRealisticConfidentiality(verbose);
// Duplicate detection and trace on the realistic reposts of test/fixtures/duplicates-eval/.
await import('./duplicates-realistic');
