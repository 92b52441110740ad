/**
 * Time budgets for every public function that takes text, on adversarial inputs (issue 13 §4).
 *
 * Each function runs on each hostile input at n, 4n and 16n characters. Next to it, in the same
 * run and on the same string, a linear floor: one plain scan (`charCodeAt` over every code unit).
 * The table prints time ÷ floor at each size and the exponent fitted on the two largest sizes
 * (where fixed per-call costs weigh least): time ∝ length^k. Linear work keeps the ratio flat (k ≈ 1); quadratic work
 * multiplies it by 4 from 4n to 16n (k ≈ 2). Rows with k > 1.3 are flagged SUPERLINEAR,
 * 1.15–1.3 CHECK. A run over `CAP_MS` stops that row's larger sizes (and is itself the flag).
 *
 * This is the budget check the fuzz suite (test/fuzz) defers to: no timing threshold lives in a
 * unit test, because two shared cores make absolute times meaningless; ratios measured side by
 * side in one process are not.
 *
 * `npx tsx --expose-gc bench/adversarial.bench.ts`; `BENCH_QUICK=1` for 1k/4k/16k characters
 * (smoke test). `BENCH_FILTER=caliber` runs only operations whose name contains it.
 */
import { Document, Packer, Paragraph } from 'docx';
import { checkCaliber, zhGovRules } from '../src/caliber/index';
import { formatFor } from '../src/channels/index';
import { detectSensitive } from '../src/confidentiality/index';
import { createDuplicateIndex } from '../src/duplicates/index';
import { importDocx } from '../src/import/index';
import { normalizeText, truncate } from '../src/text/index';
import { trace } from '../src/trace/index';

const QUICK = process.env.BENCH_QUICK === '1';
const FILTER = process.env.BENCH_FILTER ?? '';
const BASE = QUICK ? 1_000 : 5_000;
const SIZES = [BASE, 4 * BASE, 16 * BASE];
/** One call slower than this stops the row: the growth is already plain, and the run must end. */
const CAP_MS = QUICK ? 2_000 : 8_000;

const repeatTo = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Inputs that broke, or could break, a naive implementation. */
const ADVERSARIES: Record<string, (n: number) => string> = {
  // Grapheme work without a fast path: emoji with modifiers, flags, combining marks.
  'mixed graphemes': (n) => repeatTo('政务👍🏽公开é\u0301🇨🇳', n),
  // Markdown that makes scanners rescan: unclosed links, emphasis, nested brackets, backticks.
  'unclosed ](': (n) => repeatTo('](', n),
  'nested [a](': (n) => repeatTo('[a](', n),
  'unclosed **': (n) => repeatTo('**政', n),
  'backtick runs': (n) => repeatTo('`a``b```c', n),
  // Raw HTML: unfinished tags and references; markup splitting every character (issue 13 §2).
  'open tags & entities': (n) => repeatTo('<a href="&#x', n),
  'markup between characters': (n) => repeatTo('机<i></i>密&#26426;\u200b', n),
  // Every position a candidate ID, card or phone number.
  'digits and separators': (n) => repeatTo('1101 05-1949 1231 ', n),
  'one long digit run': (n) => repeatTo('13812345678', n),
  // Sentence and line splitting: one sentence per line, and one endless sentence.
  'single line breaks': (n) => repeatTo('现将有关事项通知如下。\n', n),
  'no punctuation at all': (n) => repeatTo('政务公开工作要点', n),
  // Latin without spaces (word segmentation), and whitespace runs.
  'one long word': (n) => repeatTo('abcdefghij', n),
  'whitespace runs': (n) => repeatTo(' \t \u3000', n),
};

const OPERATIONS: Record<string, (text: string) => unknown> = {
  normalizeText: (text) => normalizeText(text),
  truncate: (text) => truncate(text, Math.floor(text.length / 2), { boundary: 'sentence' }),
  checkCaliber: (text) => checkCaliber(text, zhGovRules),
  detectSensitive: (text) => detectSensitive(text, { now: new Date('2025-01-01T00:00:00Z') }),
  ...Object.fromEntries(
    ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'].map((channel) => [
      `formatFor ${channel}`,
      (body: string) => formatFor(channel, { title: '关于开展春季植树活动的通知', body, url: 'https://www.example.gov.cn/a.html' }, channel === 'sms' ? { signature: '某某市人民政府' } : {}),
    ]),
  ),
  // The duplicate index: analysing a text (add) and searching for it against one other entry.
  'duplicates add+query': (text) => {
    const index = createDuplicateIndex();
    index.add('other', '关于开展春季植树活动的通知。各单位要高度重视。');
    index.add('this', text);
    return index.query(text, { limit: 5 });
  },
};

/** Async operations, timed the same way (awaited). */
const ASYNC_OPERATIONS: Record<string, { prepare: (text: string) => Promise<() => Promise<unknown>> }> = {
  // Tracing a copy of a published revision back to it (index proposes, sentences are aligned).
  trace: {
    async prepare(text) {
      const index = createDuplicateIndex();
      const revision = { id: 'r1', documentId: 'd1', revision: 1, title: '通知', body: text, publishedAt: '2025-01-01T08:00:00+08:00' };
      index.add('r1', `${revision.title}\n\n${revision.body}`);
      const revisions = new Map([['r1', revision]]);
      return () => trace(`${text}\n转载`, { index, revisions });
    },
  },
  // A Word file whose paragraphs hold the hostile text (built once, outside the timing).
  importDocx: {
    async prepare(text) {
      const paragraphs = text.split('\n').map((line) => new Paragraph(line));
      const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
      return () => importDocx(bytes);
    },
  },
};

let sink = 0;
/** The linear floor: one plain pass over every UTF-16 code unit. */
function plainScan(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h + text.charCodeAt(i)) | 0;
  return h;
}

/** Median milliseconds of `fn` over a few runs, within `budgetMs` (at least 3 runs, unless one run exceeds the cap). */
async function time(fn: () => unknown, budgetMs: number): Promise<number> {
  const first = performance.now();
  await fn(); // warm-up, and a guard: a run over the cap is the measurement
  const warm = performance.now() - first;
  if (warm > CAP_MS) return warm;
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < 3 || (performance.now() - started < budgetMs && samples.length < 25)) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

async function floorMs(text: string): Promise<number> {
  // One pass takes microseconds: time 200 and divide, so timer resolution does not set the ratio.
  return (
    (await time(() => {
      for (let k = 0; k < 200; k++) sink ^= plainScan(text);
    }, QUICK ? 20 : 100)) / 200
  );
}

interface Row {
  adversary: string;
  operation: string;
  cells: string[];
  exponent: number | null;
  verdict: string;
}

async function measure(adversary: string, make: (n: number) => string, operation: string, prepare: (text: string) => Promise<() => unknown>): Promise<Row> {
  const ratios: number[] = [];
  const cells: string[] = [];
  let capped = false;
  for (const n of SIZES) {
    if (capped) {
      cells.push('skipped');
      continue;
    }
    const text = make(n);
    const run = await prepare(text);
    const floor = await floorMs(text);
    (globalThis as { gc?: () => void }).gc?.();
    const ms = await time(run, QUICK ? 40 : 300);
    ratios.push(ms / floor);
    cells.push(`${ms < 10 ? ms.toFixed(2) : ms.toFixed(0)} ms (${(ms / floor).toFixed(0)}×)`);
    if (ms > CAP_MS) capped = true;
  }
  // time ∝ n^k, with the floor's own growth (≈ n) divided out: k = 1 + log(ratio growth) / log(size growth),
  // fitted on the two largest sizes measured, where fixed per-call costs weigh least.
  const last = ratios.length - 1;
  const exponent = last > 0 ? 1 + Math.log(ratios[last]! / ratios[last - 1]!) / Math.log(SIZES[last]! / SIZES[last - 1]!) : null;
  const verdict = capped ? `SUPERLINEAR (over ${CAP_MS / 1000} s)` : exponent === null ? '?' : exponent > 1.3 ? 'SUPERLINEAR' : exponent > 1.15 ? 'CHECK' : 'linear';
  return { adversary, operation, cells, exponent, verdict };
}

const rows: Row[] = [];
for (const [adversary, make] of Object.entries(ADVERSARIES)) {
  for (const [operation, run] of Object.entries(OPERATIONS)) {
    if (!operation.includes(FILTER)) continue;
    rows.push(await measure(adversary, make, operation, async (text) => () => run(text)));
  }
  for (const [operation, { prepare }] of Object.entries(ASYNC_OPERATIONS)) {
    if (!operation.includes(FILTER)) continue;
    rows.push(await measure(adversary, make, operation, prepare));
  }
}

const header = ['input', 'operation', ...SIZES.map((n) => `${n.toLocaleString('en')} chars`), 'k (time ∝ n^k)', 'verdict'];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${[r.adversary, r.operation, ...r.cells, r.exponent === null ? '–' : r.exponent.toFixed(2), r.verdict].join(' | ')} |`);
const flagged = rows.filter((r) => r.verdict !== 'linear');
console.log(`\nfloor: one charCodeAt pass over the same input, measured in the same run; (N×) = time ÷ floor.`);
console.log(`k fitted on the two largest sizes measured; linear ≈ 1, quadratic ≈ 2. Shared machine: single rows are noisy, rerun a flagged row with BENCH_FILTER.`);
console.log(flagged.length ? `\nflagged (${flagged.length}): ${flagged.map((r) => `${r.operation} on ${r.adversary} (k=${r.exponent?.toFixed(2)})`).join('; ')}` : '\nflagged: none');
if (sink === 42) console.log('');
