/**
 * Caliber matching speed: govpub's `checkCaliber` against prh (the engine of
 * textlint-rule-prh: one regular expression per rule) and a bare Aho-Corasick scan with
 * `@monyone/aho-corasick` (no normalisation, no Markdown, no findings), on the same generated
 * dictionary and text, in one run. All three must report the same spans; the run fails
 * otherwise.
 *
 * `npx tsx bench/caliber.bench.ts` (full sizes, about a minute, most of it prh);
 * `BENCH_QUICK=1` for small sizes; `BENCH_CALIBER_PACKS_ONLY=1` for the every-pack table alone.
 */
import { AhoCorasick } from '@monyone/aho-corasick';
import { AhoCorasick as FastAhoCorasick } from '@monyone/aho-corasick/fast';
import { Engine } from 'prh';
import { readdirSync, readFileSync } from 'node:fs';
import * as caliber from '../src/caliber/index';
import { checkCaliber, defineRuleSet, type Rule, type RuleSet } from '../src/caliber/index';
import { foldTraditionalCode } from '../src/text/traditional';
import { lexicon } from '../src/caliber/lexicon/lexicon';
import { findNonWords, NON_WORD_TUNING } from '../src/caliber/lexicon/non-words';
import { packedLexicon } from '../src/caliber/lexicon/packed-lexicon';
import { packedNearWords } from '../src/caliber/lexicon/packed-near-words';
import { generatedNotice } from './generated-notice';
// Deterministic input: the same dictionary and text on every run and machine.
import { mulberry32 } from '../scripts/seeded-random';

const QUICK = process.env.BENCH_QUICK === '1';

interface Case {
  terms: number;
  chars: number;
}
// BENCH_CALIBER_PACKS_ONLY=1 runs only the every-pack table at the end (the prh rows take minutes).
const CASES: Case[] = process.env.BENCH_CALIBER_PACKS_ONLY === '1'
  ? []
  : QUICK
  ? [
      { terms: 500, chars: 10_000 },
      { terms: 2_000, chars: 50_000 },
    ]
  : [
      { terms: 5_000, chars: 100_000 },
      { terms: 20_000, chars: 100_000 },
      { terms: 5_000, chars: 1_000_000 },
      { terms: 20_000, chars: 1_000_000 },
    ];

// Han characters that traditional→simplified folding leaves alone, so that govpub (which
// folds) and prh (which does not) are asked the same question. Terms and filler use disjoint
// alphabets, and at least one filler character separates two inserted terms, so no match can
// straddle two of them and the engines' overlap rules cannot disagree.
function alphabets(): { term: string[]; filler: string[] } {
  const usable: string[] = [];
  for (let c = 0x4e00; c <= 0x9fa5; c++) if (foldTraditionalCode(c) === c) usable.push(String.fromCharCode(c));
  const rnd = mulberry32(7);
  for (let i = usable.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [usable[i], usable[j]] = [usable[j]!, usable[i]!];
  }
  return { term: usable.slice(0, 2500), filler: usable.slice(2500, 5000) };
}

function dictionary(count: number, alphabet: string[]): string[] {
  const rnd = mulberry32(count);
  const terms = new Set<string>();
  while (terms.size < count) {
    const length = 2 + Math.floor(rnd() * 5);
    let t = '';
    for (let i = 0; i < length; i++) t += alphabet[Math.floor(rnd() * alphabet.length)];
    terms.add(t);
  }
  return [...terms];
}

function document(chars: number, terms: string[], filler: string[]): string {
  const rnd = mulberry32(chars + terms.length);
  const parts: string[] = [];
  let length = 0;
  let sinceBreak = 0;
  while (length < chars) {
    const gap = 10 + Math.floor(rnd() * 40);
    let f = '';
    for (let i = 0; i < gap; i++) f += filler[Math.floor(rnd() * filler.length)];
    // Sentences and paragraphs like a real article (prh works paragraph by paragraph).
    sinceBreak += gap;
    if (sinceBreak > 300) {
      f += '。\n\n';
      sinceBreak = 0;
    } else if (rnd() < 0.3) f += '，';
    parts.push(f);
    const t = terms[Math.floor(rnd() * terms.length)]!;
    parts.push(t);
    length += f.length + t.length;
  }
  parts.push('。');
  return parts.join('');
}

function time(run: () => unknown, minRuns: number, budgetMs: number): { ms: number; runs: number } {
  (globalThis as { gc?: () => void }).gc?.(); // bench/run.ts passes --expose-gc: start each engine clean
  run(); // warm-up (and compile, for govpub, whose first call builds the automaton)
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < minRuns || (performance.now() - started < budgetMs && samples.length < 50)) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)]!, runs: samples.length };
}

/** prh's and the bare scan's matches resolved as govpub resolves overlaps: leftmost, then longest. */
function leftmostLongest(spans: [number, number][]): string[] {
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: string[] = [];
  let end = -1;
  for (const [s, e] of spans) {
    if (s < end) continue;
    out.push(`${s}:${e}`);
    end = e;
  }
  return out;
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const { term: termAlphabet, filler } = alphabets();
let mismatch = false;

// Rows are printed as they are measured: the full-size prh runs take a while.
console.log(
  '| terms | chars | findings | identical | govpub ms | prh ms | bare AC ms | bare AC (fast) ms | prh ÷ govpub | govpub ÷ bare AC | govpub ÷ bare AC (fast) | define + compile ms (once) |',
);
console.log('|---:|---:|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|');

for (const { terms: termCount, chars } of CASES) {
  const terms = dictionary(termCount, termAlphabet);
  const text = document(chars, terms, filler);
  const rules = terms.map((t, i) => ({ id: `t${i}`, type: 'replace' as const, patterns: [t], expected: `规范${i}` }));

  const defineStart = performance.now();
  const ruleSet: RuleSet = defineRuleSet({ id: 'bench', rules });
  const defineMs = performance.now() - defineStart;
  const compileStart = performance.now();
  checkCaliber('', ruleSet);
  const compileMs = performance.now() - compileStart;

  const prh = new Engine({ version: 1, rules: terms.map((t, i) => ({ expected: `规范${i}`, patterns: [t] })) });
  const ac = new AhoCorasick(terms);
  const fastAc = new FastAhoCorasick(terms);

  const ours = checkCaliber(text, ruleSet).map((f) => `${f.start}:${f.end}`);
  const theirs = leftmostLongest(prh.makeChangeSet('bench.md', text).diffs.map((d) => [d.index, d.tailIndex] as [number, number]));
  const bare = leftmostLongest(ac.matchInText(text).map((m) => [m.begin, m.end] as [number, number]));
  const identical = same(ours, theirs) && same(ours, bare);
  if (!identical) mismatch = true;

  const budget = QUICK ? 200 : 3000;
  const govpub = time(() => checkCaliber(text, ruleSet), 5, budget);
  const bareScan = time(() => ac.matchInText(text), 5, budget);
  const fastScan = time(() => fastAc.matchInText(text), 5, budget);
  const prhRun = time(() => prh.makeChangeSet('bench.md', text), 1, QUICK ? 200 : 1);

  console.log(
    `| ${termCount.toLocaleString('en')} | ${chars.toLocaleString('en')} | ${ours.length} | ${identical ? 'yes' : '**NO**'} | ` +
      `${govpub.ms.toFixed(2)} | ${prhRun.ms.toFixed(0)} | ${bareScan.ms.toFixed(2)} | ${fastScan.ms.toFixed(2)} | ` +
      `**${(prhRun.ms / govpub.ms).toFixed(0)}×** | ${(govpub.ms / bareScan.ms).toFixed(2)}× | ${(govpub.ms / fastScan.ms).toFixed(2)}× | ` +
      `${defineMs.toFixed(0)} + ${compileMs.toFixed(0)} |`,
  );
}

console.log(
  '\nMedian of repeated runs after a warm-up (prh at full size: one run after the warm-up). govpub includes' +
    ' Markdown skip ranges, normalisation (NFKC, case, traditional) with the offset map, the scan, overlap' +
    ' resolution and complete findings (line, column, excerpt, fix); the bare scans return raw overlapping matches only.',
);

// ---------------------------------------------------------------------------------------------
// Every built-in pack on, over realistic official prose: the sentences of the evaluation
// corpus (test/fixtures/caliber-eval, clean and with errors) shuffled into paragraphs up to
// 100,000 characters, against a bare Aho-Corasick scan of the same text with the same literal
// dictionary (every term, pattern, exception, name and variant of those packs).

function officialProse(chars: number, folders: readonly string[] = ['clean', 'errors']): string {
  const root = new URL('../test/fixtures/caliber-eval/', import.meta.url);
  const lines: string[] = [];
  for (const folder of folders) {
    const dir = new URL(`${folder}/`, root);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) {
      for (const line of readFileSync(new URL(f, dir), 'utf8').split('\n')) if (line.trim()) lines.push((JSON.parse(line) as { text: string }).text);
    }
  }
  const rnd = mulberry32(2026);
  let text = '';
  let paragraph = 0;
  while (text.length < chars) {
    text += lines[Math.floor(rnd() * lines.length)]!;
    if (++paragraph % 5 === 0) text += '\n\n';
  }
  return text.slice(0, chars);
}

function literals(sets: readonly RuleSet[]): string[] {
  const out = new Set<string>();
  const add = (xs: readonly string[] | undefined) => xs?.forEach((x) => out.add(x));
  for (const set of sets) {
    for (const rule of set.rules as readonly Rule[]) {
      if (rule.type === 'banned') add([...rule.terms, ...(rule.exceptions ?? [])]);
      else if (rule.type === 'replace') add([...rule.patterns, ...(rule.exceptions ?? []), rule.expected]);
      else if (rule.type === 'dictionary') for (const e of rule.entries) add([...e.patterns, e.expected]);
      else if (rule.type === 'title') add([rule.name]);
      else if (rule.type === 'consistency') add(rule.variants);
    }
  }
  return [...out];
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

const api = caliber as unknown as Record<string, unknown>;
const defaults = [...((api.defaultRuleSets as readonly RuleSet[] | undefined) ?? [caliber.zhGovRules])];
for (const extra of [caliber.zhGovTypos, caliber.zhGovDeDiDe]) if (!defaults.some((x) => x.id === extra.id)) defaults.push(extra);
const chars = QUICK ? 20_000 : 100_000;
const prose = officialProse(chars);
// The clean sentences alone: edited official prose as an office publishes it (the corpus with
// its error lines holds a planted error every few dozen characters, far denser than real drafts).
const cleanProse = officialProse(chars, ['clean']);
// Everyday notices (bench/generated-notice.ts): clean prose, few findings.
let notices = '';
for (let seed = 1; notices.length < chars; seed++) notices += `${generatedNotice(seed)}\n\n`;
notices = notices.slice(0, chars);
/** The three texts every realistic-prose row is measured on. */
const TEXTS = [
  ['eval corpus sentences', prose],
  ['clean corpus sentences', cleanProse],
  ['generated notices', notices],
] as const;

/**
 * Median ms of `ours` and of the bare scan `ac` over `text`, measured in alternated rounds so
 * that a change in machine load shifts both medians alike.
 */
function againstBareScan(ours: () => unknown, ac: AhoCorasick, text: string): { oursMs: number; bareMs: number } {
  const budget = QUICK ? 200 : 3000;
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < 5; round++) {
    a.push(time(ours, 3, budget / 5).ms);
    b.push(time(() => ac.matchInText(text), 3, budget / 5).ms);
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { oursMs: median(a), bareMs: median(b) };
}

// The non-word pack's load, step by step, before anything else has touched its tables: what the
// first check that includes `zhGovNonWords` pays once (parse the word list, pack it for the
// segmenter, index the common words one character apart), and what stays on the heap.
console.log('\n### Loading the non-word pack (first use, once per process)\n');
console.log('| step | ms | heap after, MB (growth) |');
console.log('|---|---:|---:|');
{
  let heap = heapMb();
  const step = (label: string, run: () => unknown) => {
    const t0 = performance.now();
    run();
    const ms = performance.now() - t0;
    const after = heapMb();
    console.log(`| ${label} | ${ms.toFixed(0)} | ${after.toFixed(1)} (+${(after - heap).toFixed(1)}) |`);
    heap = after;
  };
  const loadStart = performance.now();
  const heapStart = heap;
  step('parse the word list (`lexicon()`: 78,000 words into a Map)', () => lexicon());
  step('pack it as a trie over character ids (`packedLexicon`)', () => packedLexicon(lexicon()));
  step('index the common words one character apart (`packedNearWords`)', () => packedNearWords(lexicon(), NON_WORD_TUNING.minTargetBucket));
  step('first `findNonWords` (a sentence with one slip)', () => findNonWords('新门诊楼已于9月底峻工。'));
  console.log(`| **total** | **${(performance.now() - loadStart).toFixed(0)}** | **+${(heapMb() - heapStart).toFixed(1)}** |`);
}

console.log('\n### Every built-in pack, realistic prose\n');
console.log('| rule sets | text | rules | literal patterns | chars | findings | govpub ms | bare AC ms | govpub ÷ bare AC | compile ms (once) | heap after compile MB |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
// Every dictionary and rule pack without the non-word detector (a segmenter, not a scan), then
// `defaultRuleSets` as a publisher runs it, detector included.
const withoutNonWords = defaults.filter((set) => set.id !== caliber.zhGovNonWords.id);
for (const [label, sets] of [
  ['every pack but the non-word detector', withoutNonWords],
  ['`defaultRuleSets` (with the non-word detector)', [...withoutNonWords, caliber.zhGovNonWords]],
] as const) {
  const before = heapMb();
  const t0 = performance.now();
  checkCaliber('峻工', sets); // builds the automaton (and, with non-words, parses the lexicon)
  const compileMs = performance.now() - t0;
  const heap = heapMb() - before;
  const patterns = literals(sets);
  const ac = new AhoCorasick(patterns);
  for (const [name, text] of TEXTS) {
    const findings = checkCaliber(text, sets).length;
    const { oursMs, bareMs } = againstBareScan(() => checkCaliber(text, sets), ac, text);
    const rules = (sets as readonly RuleSet[]).reduce((n: number, x) => n + x.rules.length, 0);
    console.log(
      `| ${label} (${sets.map((x) => x.id).join(', ')}) | ${name} | ${rules} | ${patterns.length.toLocaleString('en')} | ${text.length.toLocaleString('en')} | ${findings} | ` +
        `${oursMs.toFixed(2)} | ${bareMs.toFixed(2)} | **${(oursMs / bareMs).toFixed(2)}×** | ${compileMs.toFixed(0)} | ${heap.toFixed(1)} |`,
    );
  }
}
// The detector alone (findNonWords, no engine), against the same bare scan: its share of the
// defaultRuleSets row.
{
  const ac = new AhoCorasick(literals(defaults));
  for (const [name, text] of TEXTS) {
    const hits = findNonWords(text).length;
    const { oursMs, bareMs } = againstBareScan(() => findNonWords(text), ac, text);
    console.log(
      `| the non-word detector alone (\`findNonWords\`) | ${name} | | | ${text.length.toLocaleString('en')} | ${hits} | ` +
        `${oursMs.toFixed(2)} | ${bareMs.toFixed(2)} | **${(oursMs / bareMs).toFixed(2)}×** | | |`,
    );
  }
}
// The same defaults against a bare scan whose dictionary also holds the non-word detector's word
// list: issue 11 asks for the bare scan "with the same dictionary", and the detector's
// dictionary is that list (78,000 words), so this floor scans for every word it knows.
{
  const patterns = [...new Set([...literals(defaults), ...lexicon().buckets.keys()])];
  const ac = new AhoCorasick(patterns);
  for (const [name, text] of TEXTS) {
    const { oursMs, bareMs } = againstBareScan(() => checkCaliber(text, defaults), ac, text);
    console.log(
      `| \`defaultRuleSets\` against a bare scan of the pack literals and the detector's word list | ${name} | | ${patterns.length.toLocaleString('en')} | ${text.length.toLocaleString('en')} | | ` +
        `${oursMs.toFixed(2)} | ${bareMs.toFixed(2)} | **${(oursMs / bareMs).toFixed(2)}×** | | |`,
    );
  }
}
console.log(
  '\ngovpub here runs every rule (regexes, built-in checks, context conditions) besides the literal scan; the' +
    ' bare scan only reports raw matches of the literal dictionary. Compile = first check of that combination of rule sets' +
    ' (automaton build; the non-word tables were loaded by the table above); heap = heapUsed growth across that first check' +
    ' after a forced GC (run with --expose-gc, as bench/run.ts does).',
);

if (mismatch) {
  console.error('Findings differ between engines');
  process.exit(1);
}
