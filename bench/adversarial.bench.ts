/**
 * Time budgets for every public function that takes text, on adversarial inputs (issue 13 §4).
 *
 * Each function runs on each hostile input at n, 4n and 16n characters and, in the same run and
 * at the same lengths, on plain prose (generated notices: the linear baseline, the function's
 * normal work) and a plain scan (`charCodeAt` over every code unit: the floor). The table prints
 * the hostile time, its ratio to the same function on prose of the same length, and how that
 * ratio grows from 4n to 16n as an exponent: time ∝ n^(1+g) relative to prose. Linear work
 * keeps the ratio flat (g ≈ 0); quadratic work on the hostile shape multiplies it by 4 (g ≈ 1).
 * Rows with g > 0.5 are flagged SUPERLINEAR, 0.25–0.5 CHECK. A run over `CAP_MS` stops the
 * row's larger sizes (and is itself the flag). The prose rows also print their exponent against
 * the plain scan, so a function that is super-linear even on prose shows there.
 *
 * Why prose and not only the scan: at 80,000 characters every function's arrays leave the CPU
 * caches and garbage collection starts to show, so against a scan that fits in cache even
 * linear functions look like n^1.3–1.8 on a shared two-core machine. Against the same function on
 * prose of the same length those effects cancel and only the hostile shape's own cost remains.
 *
 * No timing threshold lives in a unit test (test/fuzz defers to this file): two shared cores make
 * absolute times meaningless; ratios measured side by side in one process are not.
 *
 * `npx tsx --expose-gc bench/adversarial.bench.ts`; `BENCH_QUICK=1` for 1k/4k/16k characters
 * (smoke test). `BENCH_FILTER=caliber` runs only operations whose name contains it;
 * `BENCH_BASE=20000` sets n (confirm a flag at sizes past the cache step before acting on it).
 */
import { Document, Packer, Paragraph } from 'docx';
import { checkCaliber, zhGovRules } from '../src/caliber/index';
import { formatFor } from '../src/channels/index';
import { detectSensitive } from '../src/confidentiality/index';
import { createDuplicateIndex } from '../src/duplicates/index';
import { importDocx } from '../src/import/index';
import { normalizeText, truncate } from '../src/text/index';
import { trace } from '../src/trace/index';
import { generatedNotice } from './generated-notice';

const QUICK = process.env.BENCH_QUICK === '1';
const FILTER = process.env.BENCH_FILTER ?? '';
/** n; `BENCH_BASE=20000` measures 20k/80k/320k to confirm a flag beyond the cache step at ~80k. */
const BASE = Number(process.env.BENCH_BASE) || (QUICK ? 1_000 : 5_000);
const SIZES = [BASE, 4 * BASE, 16 * BASE];
/** One call slower than this stops the row: the growth is already plain, and the run must end. */
const CAP_MS = QUICK ? 2_000 : 8_000;

const repeatTo = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** The linear baseline's input: ordinary notices, paragraph after paragraph. */
function prose(n: number): string {
  let s = '';
  for (let seed = 1; s.length < n; seed++) s += generatedNotice(seed) + '\n\n';
  return s.slice(0, n);
}

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
  // Thousands of real candidates on one endless line: each one's context looked for its line
  // (and a table row) back to the text's start, quadratic until the row search was bounded.
  'IDs on one line': (n) => repeatTo('身份证号11010519491231002X，', n),
  // A long table with a candidate in every row: each row walked up to the header.
  'table of phone numbers': (n) => '| 姓名 | 电话 |\n|---|---|\n' + repeatTo('| 张三 | 13812345678 |\n', n),
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

/**
 * Fastest milliseconds of `fn` over several runs, within `budgetMs` (at least 5 runs, unless one
 * run exceeds the cap). The fastest, not the median: on a shared two-core machine a garbage
 * collection or another process lands in some runs at random, and a median over a few runs
 * inflated 80,000-character rows by 10× (normalizeText: 0.9 ms fastest, 12 ms median); the
 * algorithm's cost is what every run pays.
 */
async function time(fn: () => unknown, budgetMs: number): Promise<number> {
  const first = performance.now();
  await fn(); // warm-up, and a guard: a run over the cap is the measurement
  const warm = performance.now() - first;
  if (warm > CAP_MS) return warm;
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < 5 || (performance.now() - started < budgetMs && samples.length < 25)) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return Math.min(...samples);
}

interface Row {
  adversary: string;
  operation: string;
  cells: string[];
  /** Growth exponent of the ratio to the baseline from 4n to 16n. */
  growth: number | null;
  verdict: string;
}

type Prepare = (text: string) => Promise<() => unknown>;

/** Fastest time of `prepare(make(n))` at each size; stops after a run over the cap. */
async function timesAt(make: (n: number) => string, prepare: Prepare): Promise<(number | null)[]> {
  const out: (number | null)[] = [];
  for (const n of SIZES) {
    if (out.some((ms) => ms !== null && ms > CAP_MS)) {
      out.push(null);
      continue;
    }
    const run = await prepare(make(n));
    (globalThis as { gc?: () => void }).gc?.();
    out.push(await time(run, QUICK ? 40 : 300));
  }
  return out;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

function verdictOf(growth: number | null, capped: boolean): string {
  if (capped) return `SUPERLINEAR (over ${CAP_MS / 1000} s)`;
  if (growth === null) return '?';
  return growth > 0.5 ? 'SUPERLINEAR' : growth > 0.25 ? 'CHECK' : 'linear';
}

/** log₄ of how the ratio a/b grew between the two largest sizes both have. */
function growthOf(a: (number | null)[], b: (number | null)[]): number | null {
  const idx = SIZES.map((_, i) => i).filter((i) => a[i] != null && b[i] != null);
  if (idx.length < 2) return null;
  const [i, j] = idx.slice(-2) as [number, number];
  return Math.log(a[j]! / b[j]! / (a[i]! / b[i]!)) / Math.log(SIZES[j]! / SIZES[i]!);
}

const floors = await timesAt(prose, async (text) => () => {
  for (let k = 0; k < 200; k++) sink ^= plainScan(text);
});
const floor = floors.map((ms) => (ms === null ? null : ms / 200));

const operations: [string, Prepare][] = [
  ...Object.entries(OPERATIONS).map(([name, run]): [string, Prepare] => [name, async (text) => () => run(text)]),
  ...Object.entries(ASYNC_OPERATIONS).map(([name, { prepare }]): [string, Prepare] => [name, prepare]),
].filter(([name]) => name.includes(FILTER));

const rows: Row[] = [];
for (const [operation, prepare] of operations) {
  // Warm the function up first, or the baseline's small sizes are measured before the JIT has
  // compiled it and every hostile ratio looks small there.
  const warm = await prepare(prose(SIZES[1]!));
  for (let k = 0; k < 3; k++) await warm();
  const baseline = await timesAt(prose, prepare);
  const g = growthOf(baseline, floor);
  rows.push({
    adversary: '(plain prose, vs. scan)',
    operation,
    cells: baseline.map((ms, i) => (ms === null ? 'skipped' : `${fmt(ms)} ms (${(ms / floor[i]!).toFixed(0)}× scan)`)),
    growth: g,
    verdict: verdictOf(g, baseline.includes(null)),
  });
  for (const [adversary, make] of Object.entries(ADVERSARIES)) {
    const hostile = await timesAt(make, prepare);
    const growth = growthOf(hostile, baseline);
    rows.push({
      adversary,
      operation,
      cells: hostile.map((ms, i) => (ms === null ? 'skipped' : `${fmt(ms)} ms (${(ms / baseline[i]!).toFixed(1)}×)`)),
      growth,
      verdict: verdictOf(growth, hostile.includes(null)),
    });
  }
}

const header = ['input', 'operation', ...SIZES.map((n) => `${n.toLocaleString('en')} chars`), 'g (vs. baseline)', 'verdict'];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${[r.adversary, r.operation, ...r.cells, r.growth === null ? '–' : r.growth.toFixed(2), r.verdict].join(' | ')} |`);
const flagged = rows.filter((r) => r.verdict !== 'linear');
console.log('\n(N×) = time ÷ the same function on plain prose of the same length, measured in the same run; prose rows: ÷ a charCodeAt scan.');
console.log('g = log₄ of the ratio\'s growth from 4n to 16n: 0 is linear like the baseline, 1 is quadratic. Times are the fastest of several runs.');
console.log('On a shared machine single rows are noisy (a garbage collection or another process lands in a run): rerun a flagged row alone (BENCH_FILTER, BENCH_BASE) before acting on it; a real quadratic case repeats, and grows by ~4× per 4× of input at every size.');
console.log(flagged.length ? `\nflagged (${flagged.length}): ${flagged.map((r) => `${r.operation} on ${r.adversary} (g=${r.growth?.toFixed(2)})`).join('; ')}` : '\nflagged: none');
if (sink === 42) console.log('');
