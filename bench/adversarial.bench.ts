/**
 * Adversarial inputs at 10,000 and 100,000 characters through `formatAll` (all six channels),
 * `truncate` and `detectSensitive`, each timed next to a linear floor measured in the same
 * run on the same input: one `TextEncoder.encode` pass (every byte touched once). The ratio
 * is "how many linear passes the function costs"; linear work keeps it roughly constant from
 * 10k to 100k, quadratic work multiplies it by about ten. The last column says which.
 *
 * `BENCH_QUICK=1` uses 2,000 and 20,000 characters and fewer iterations (smoke test).
 */
import { detectSensitive } from '../src/confidentiality/index';
import { formatAll } from '../src/channels/index';
import { truncate } from '../src/text/index';

const quick = process.env.BENCH_QUICK === '1';
const sizes = quick ? [2_000, 20_000] : [10_000, 100_000];

/** Inputs that broke, or could break, a naive implementation. */
const ADVERSARIES: Record<string, (n: number) => string> = {
  // No fast path for graphemes: emoji with modifiers, flags, combining marks.
  'mixed graphemes': (n) => '政务👍🏽公开é\u0301🇨🇳'.repeat(Math.ceil(n / 12)).slice(0, n),
  // Markdown that makes scanners rescan: unclosed links and emphasis.
  'unclosed ](': (n) => '](['.repeat(Math.ceil(n / 3)).slice(0, n),
  'unclosed **': (n) => '**政'.repeat(Math.ceil(n / 3)).slice(0, n),
  // Raw HTML with many unfinished tags and entities.
  'open tags & entities': (n) => '<a href="&#x'.repeat(Math.ceil(n / 12)).slice(0, n),
  // Digits everywhere: every position a candidate ID, card or phone number.
  'digits and separators': (n) => '1101 05-1949 1231 '.repeat(Math.ceil(n / 18)).slice(0, n),
  // Pasted prose: one paragraph per line, every line a sentence.
  'single line breaks': (n) => '现将有关事项通知如下。\n'.repeat(Math.ceil(n / 11)).slice(0, n),
};

const encoder = new TextEncoder();

function time(fn: () => unknown, budgetMs: number): number {
  fn(); // warm up once
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < 7 || (performance.now() - started < budgetMs && samples.length < 50)) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const OPERATIONS: Record<string, (text: string) => unknown> = {
  formatAll: (body) => formatAll({ title: '关于开展春季植树活动的通知', body }, ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'], { sms: { signature: '某某市人民政府' } }),
  truncate: (text) => truncate(text, Math.floor(text.length / 2), { boundary: 'sentence' }),
  detectSensitive: (text) => detectSensitive(text, { now: new Date('2025-01-01T00:00:00Z') }),
};

const rows: string[][] = [];
for (const [adversary, make] of Object.entries(ADVERSARIES)) {
  for (const [operation, run] of Object.entries(OPERATIONS)) {
    const ratios: number[] = [];
    const cells: string[] = [];
    for (const n of sizes) {
      const text = make(n);
      // One pass takes microseconds: time 100 and divide, so timer noise does not set the ratio.
      const floor = time(() => {
        for (let k = 0; k < 100; k++) encoder.encode(text);
      }, quick ? 20 : 200) / 100;
      (globalThis as { gc?: () => void }).gc?.();
      const ms = time(() => run(text), quick ? 50 : 600);
      ratios.push(ms / floor);
      cells.push(`${ms.toFixed(1)} ms (${(ms / floor).toFixed(0)}× floor)`);
    }
    const growth = ratios[1]! / ratios[0]!;
    rows.push([adversary, operation, ...cells, `${growth.toFixed(1)}× ${growth < 3 ? 'linear' : growth < 6 ? 'CHECK' : 'SUPERLINEAR'}`]);
  }
}

const header = ['input', 'operation', `${sizes[0]!.toLocaleString('en')} chars`, `${sizes[1]!.toLocaleString('en')} chars`, 'ratio growth (10× input)'];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log('\nfloor: one TextEncoder.encode pass over the same input, measured in the same run.');
console.log('ratio growth: (time/floor at the large size) ÷ (time/floor at the small size); ~1 is linear, ~10 is quadratic.');
