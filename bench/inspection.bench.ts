/**
 * Inspection benchmark (issue 16): `inspect` over 100,000 generated publication records for a
 * year (200 accounts), next to two floors over the same array in the same run:
 *   - a bare pass summing `publishedAt` string lengths (what touching every record costs);
 *   - a pass summing `Date.parse(publishedAt)` (inspect must parse every timestamp too).
 * Also `cadenceAlerts` on the same records; the hand check of the records `inspect` runs
 * before trusting them; and, for comparison, the zod schema over the same input (what
 * `inspect` runs only when a record fails the hand check, to report the issues).
 *
 * `npx tsx bench/inspection.bench.ts`; `BENCH_QUICK=1` for 10,000 records.
 */
import { performance } from 'node:perf_hooks';
import { mulberry32 } from '../scripts/seeded-random';
import { cadenceAlerts, inspect, type InspectionAccount, type PublicationRecord } from '../src/inspection/index';
import { precheckRecords } from '../src/inspection/record-precheck';
import { inspectInputSchema } from '../src/inspection/schemas';

const QUICK = process.env.BENCH_QUICK === '1';
const RECORDS = QUICK ? 10_000 : 100_000;
const ACCOUNTS = 200;
const RUNS = QUICK ? 3 : 7;

function generate(): { records: PublicationRecord[]; accounts: InspectionAccount[] } {
  const random = mulberry32(16);
  const accounts: InspectionAccount[] = Array.from({ length: ACCOUNTS }, (_, i) => ({
    id: `acct-${i}`,
    name: `账号${i}`,
    channel: i % 3 === 0 ? 'weibo' : 'wechat',
    ...(i % 5 === 0 ? { cadence: { perWeek: 3 } } : {}),
  }));
  const start = Date.parse('2024-01-01T00:00:00+08:00');
  const year = 366 * 86_400_000;
  const records: PublicationRecord[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const ms = start + Math.floor(random() * year);
    // Offsets as storage writes them: +08:00 local time.
    const iso = new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    const r: PublicationRecord = {
      documentId: `doc-${i}`,
      revision: 1 + (i % 3),
      accountId: `acct-${Math.floor(random() * ACCOUNTS)}`,
      channel: 'wechat',
      publishedAt: iso,
      urgent: random() < 0.02,
      retrospectivePending: random() < 0.01,
      original: random() < 0.5 ? random() : random() < 0.5,
      findingsByCategory: { caliber: { caught: random() < 0.2 ? 1 : 0, waived: 0 }, duplicates: { caught: random() < 0.1 ? 1 : 0, waived: random() < 0.05 ? 1 : 0 } },
      deliveryState: random() < 0.01 ? 'failed' : 'delivered',
    };
    if (random() < 0.01) r.withdrawnAt = iso;
    if (random() < 0.01) r.correctionOf = `doc-${i - 1}`;
    records.push(r);
  }
  return { records, accounts };
}

function median(fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const { records, accounts } = generate();
const window = { from: '2024-01-01T00:00:00+08:00', to: '2024-12-31T23:59:59+08:00', now: '2024-12-31T18:00:00+08:00' };
let sink = 0;

const bare = median(() => {
  let s = 0;
  for (const r of records) s += r.publishedAt.length;
  sink += s;
});
const parse = median(() => {
  let s = 0;
  for (const r of records) s += Date.parse(r.publishedAt);
  sink += s;
});
const validate = median(() => inspectInputSchema.parse({ records, accounts, ...window }));
const precheck = median(() => precheckRecords(records));
const full = median(() => inspect({ records, accounts, ...window }));
const alerts = median(() => cadenceAlerts({ records, accounts, now: window.now, warnAfterDays: 10 }));
const result = inspect({ records, accounts, ...window });

const row = (name: string, ms: number) => console.log(`| ${name} | ${ms.toFixed(1)} | ${(ms / parse).toFixed(1)}× |`);
console.log(`${RECORDS.toLocaleString('en')} records, ${ACCOUNTS} accounts, one year; median of ${RUNS} runs (Node ${process.version})\n`);
console.log('| pass over the records | ms | vs Date.parse pass |');
console.log('|---|---:|---:|');
row('bare pass (sum of string lengths)', bare);
row('Date.parse pass (floor)', parse);
row('zod schema over the whole input (the error path)', validate);
row('hand check of the records (the path taken when valid)', precheck);
row('inspect (validation included)', full);
row('cadenceAlerts (validation included)', alerts);
console.log(`\ninspect: ${((full / RECORDS) * 1e6).toFixed(0)} ns per record; the record check is ${Math.round((precheck / full) * 100)}% of it.`);
console.log(`verdicts: ${result.totals.fail} fail, ${result.totals.atRisk} at risk, ${result.totals.pass} pass (sink ${sink % 7})`);
