/**
 * Inspection benchmark (issue 16): `inspect` over 100,000 generated publication records for a
 * year (200 accounts), next to two floors over the same array in the same run:
 *   - a bare pass summing `publishedAt` string lengths (what touching every record costs);
 *   - a pass summing `Date.parse(publishedAt)` (inspect must parse every timestamp too).
 * Also `cadenceAlerts` on the same records; the hand check of the records `inspect` runs
 * before trusting them; and, for comparison, the zod schema over the same input (what
 * `inspect` runs only when a record fails the hand check, to report the issues).
 *
 * Then `inspectStorage` over stored documents (each committed through `storage.commit` with a
 * valid audit chain: created → published, some urgent, withdrawn, revised and republished, or
 * declared reposts) on the memory adapter and on PostgreSQL (PGlite), next to the pure
 * `inspect` over the same records and to the bare cost of reading storage (paging the
 * documents; reading each one's events) in the same run.
 *
 * `npx tsx bench/inspection.bench.ts`; `BENCH_QUICK=1` for 10,000 records (2,000 stored
 * documents); `BENCH_STORED=n` and `BENCH_STORED_PG=n` set the stored documents per adapter.
 */
import { performance } from 'node:perf_hooks';
import { mulberry32 } from '../scripts/seeded-random';
import { cadenceAlerts, inspect, type InspectionAccount, type PublicationRecord } from '../src/inspection/index';
import { precheckRecords } from '../src/inspection/record-precheck';
import { PGlite } from '@electric-sql/pglite';
import type { AuditEvent, GovDocument } from '../src/document/index';
import { collectPublicationRecords, inspectStorage } from '../src/inspection/index';
import { migrate, postgresAdapter } from '../src/postgres/index';
import { memoryAdapter, type StorageAdapter } from '../src/storage/index';
import { makeDocument } from '../src/testing/index';
import { chainEvents } from '../src/workflow/index';
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

// ---------------------------------------------------------------------------------------
// inspectStorage: the same computation fed from storage.

const STORED = Number(process.env.BENCH_STORED ?? (QUICK ? 2_000 : 100_000));
// PGlite runs PostgreSQL single-threaded in WebAssembly: 100,000 commits take minutes here,
// so the default is 20,000 (set BENCH_STORED_PG to change it).
const STORED_PG = Number(process.env.BENCH_STORED_PG ?? (QUICK ? 2_000 : 20_000));
// One run by default: a pass over 100,000 stored documents takes seconds, and the machine is shared.
const STORAGE_RUNS = Number(process.env.BENCH_STORAGE_RUNS ?? 1);
const CHANNELS = ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'];
const ACTOR = { id: 'bench', roles: ['publisher' as const], department: '办公室' };

/** A published document and its chain, as the publisher would have left them. */
function storedDocument(i: number, random: () => number): { document: GovDocument; events: AuditEvent[] } {
  const yearStart = Date.parse('2024-01-01T00:00:00+08:00');
  const created = yearStart + Math.floor((i / STORED) * 360 * 86_400_000);
  const publishedMs = created + Math.floor(random() * 3 * 86_400_000);
  const iso = (ms: number) => new Date(ms).toISOString();
  const channels = [CHANNELS[i % CHANNELS.length]!, ...(random() < 0.3 ? [CHANNELS[(i + 1) % CHANNELS.length]!] : [])];
  const urgent = random() < 0.02;
  const revised = random() < 0.05;
  const withdrawn = random() < 0.01;
  const outputs = (revision: number) => channels.map((channel) => ({ channel, sourceRevision: revision, contentHash: 'ab'.repeat(32) }));
  const id = `doc-${String(i).padStart(6, '0')}`;
  const bodies: Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>[] = [
    { documentId: id, type: 'created', actor: ACTOR, at: iso(created), revision: 1, data: { title: '通知', level: 'public', channels } },
    { documentId: id, type: 'published', actor: ACTOR, at: iso(publishedMs), revision: 1, data: urgent ? { urgent: true, reason: '紧急', pendingSteps: ['final'], outputs: outputs(1) } : { outputs: outputs(1) } },
  ];
  let revision = 1;
  let lastMs = publishedMs;
  if (revised) {
    revision = 2;
    lastMs = publishedMs + 2 * 86_400_000;
    bodies.push({ documentId: id, type: 'revised', actor: ACTOR, at: iso(publishedMs + 86_400_000), revision: 2, data: { from: 1, to: 2 } });
    bodies.push({ documentId: id, type: 'published', actor: ACTOR, at: iso(lastMs), revision: 2, data: { outputs: outputs(2) } });
  }
  if (withdrawn) bodies.push({ documentId: id, type: 'withdrawn', actor: ACTOR, at: iso(lastMs + 3_600_000), revision, data: { reason: '有误', revision } });
  const events = chainEvents(null, bodies);
  const last = events[events.length - 1]!;
  const base = makeDocument({ id, createdAt: iso(created) });
  const document: GovDocument = {
    ...base,
    version: 1,
    revision,
    state: withdrawn ? 'withdrawn' : 'published',
    channels,
    ...(random() < 0.03 ? { repostOf: 'doc-000000' } : {}),
    published: {
      revision,
      title: base.title,
      body: base.body,
      level: 'public',
      publishedAt: iso(lastMs),
      publishedBy: ACTOR.id,
      outputs: outputs(revision),
      withdrawn: withdrawn ? { at: iso(lastMs + 3_600_000), by: ACTOR.id, reason: '有误' } : null,
    },
    retrospectiveReview: urgent && !revised && !withdrawn && random() < 0.5 ? { reason: '紧急', actorId: ACTOR.id, at: iso(publishedMs), pendingSteps: ['final'] } : null,
    historyHead: { seq: last.seq, hash: last.hash },
    updatedAt: last.at,
  };
  return { document, events };
}

async function fill(storage: StorageAdapter, count: number): Promise<number> {
  const random = mulberry32(1616);
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const { document, events } = storedDocument(i, random);
    await storage.commit({ document, expectedVersion: null, events });
  }
  return performance.now() - t0;
}

async function medianAsync(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function storageRows(name: string, storage: StorageAdapter, count: number): Promise<void> {
  const fillMs = await fill(storage, count);
  const storedWindow = { from: '2024-01-01T00:00:00+08:00', to: '2024-12-31T23:59:59+08:00', now: '2024-12-31T18:00:00+08:00' };
  const storedRecords = await collectPublicationRecords(storage, { to: storedWindow.now });
  const accountsOf = [...new Set(storedRecords.map((r) => r.channel))].map((c) => ({ id: c, name: c, channel: c }));
  const pure = median(() => inspect({ records: storedRecords, accounts: accountsOf, ...storedWindow }));
  const paging = await medianAsync(STORAGE_RUNS, async () => {
    let cursor: string | undefined;
    let n = 0;
    do {
      const page = await storage.listDocuments({ limit: 500, ...(cursor === undefined ? {} : { cursor }) });
      n += page.items.length;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    sink += n;
  });
  const events = await medianAsync(STORAGE_RUNS, async () => {
    for (let i = 0; i < count; i += 8) {
      const ids = Array.from({ length: Math.min(8, count - i) }, (_, k) => `doc-${String(i + k).padStart(6, '0')}`);
      sink += (await Promise.all(ids.map((id) => storage.getEvents(id)))).length;
    }
  });
  const records = await medianAsync(STORAGE_RUNS, () => collectPublicationRecords(storage, { to: storedWindow.now }));
  const whole = await medianAsync(STORAGE_RUNS, () => inspectStorage(storage, storedWindow));
  const r = (label: string, ms: number) => console.log(`| ${name} | ${label} | ${ms.toFixed(0)} | ${(ms / pure).toFixed(1)}× |`);
  console.log(`\n${name}: ${count.toLocaleString('en')} stored documents (${storedRecords.length.toLocaleString('en')} publication records), filled in ${(fillMs / 1000).toFixed(1)} s; median of ${STORAGE_RUNS}\n`);
  console.log('| storage | pass | ms | vs pure inspect |');
  console.log('|---|---|---:|---:|');
  r('pure `inspect` over the same records', pure);
  r('paging `listDocuments` only (floor)', paging);
  r('`getEvents` for every document only (floor)', events);
  r('`publicationRecords` (pages + events + records)', records);
  r('**`inspectStorage`**', whole);
}

await storageRows('memory', memoryAdapter(), STORED);
const db = new PGlite();
await migrate(db);
await storageRows('PGlite', postgresAdapter({ client: db }), STORED_PG);
await db.close();
