/**
 * Inspection benchmark (issue 16): `inspect` over 100,000 generated publication records for a
 * year (200 accounts), next to two floors over the same array in the same run:
 *   - a bare pass summing `publishedAt` string lengths (what touching every record costs);
 *   - a pass summing `Date.parse(publishedAt)` (inspect must parse every timestamp too).
 * Also `cadenceAlerts` on the same records; the hand check of the records `inspect` runs
 * before trusting them; and, for comparison, the zod schema over the same input (what
 * `inspect` runs only when a record fails the hand check, to report the issues).
 *
 * Then `inspectStorage` over 100,000 stored documents for a year (each with a valid audit
 * chain: created → published, some urgent, withdrawn, revised and republished, or declared
 * reposts; bodies of about 500 characters, and each `published` event carrying its revision's
 * text as the publisher writes it) on the memory adapter and on PostgreSQL, next to the pure
 * `inspect` over the same records and to floors measured in the same run: on the memory
 * adapter one pass of `listDocuments`; on PostgreSQL a bare `SELECT count(*)` and one full
 * scan of the same rows read into Node. PostgreSQL runs twice: through the adapter's
 * `publicationFacts` (SQL over migration 5's generated columns) and through the base contract
 * (`listDocuments` + `getEvents`, what any adapter without it gets).
 *
 * The memory adapter is filled through `storage.commit`; PostgreSQL with multi-row inserts of
 * the same rows (`bench/inspection-pg-load.ts`). PostgreSQL is the real server at
 * `DATABASE_URL` (schema `bench_inspection`, dropped and recreated), else PGlite.
 *
 * `npx tsx bench/inspection.bench.ts`; `BENCH_QUICK=1` for 10,000 records (2,000 stored
 * documents); `BENCH_STORED=n` and `BENCH_STORED_PG=n` set the stored documents per adapter;
 * `BENCH_FALLBACK_PG=0` skips the (slow) base-contract pass on PostgreSQL.
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
import pg from 'pg';
import type { PostgresClient } from '../src/postgres/index';
import { bulkLoad } from './inspection-pg-load';
import { generatedNotice } from './generated-notice';

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
const STORED_PG = Number(process.env.BENCH_STORED_PG ?? (QUICK ? 2_000 : 100_000));
// One run by default: a pass over 100,000 stored documents through the base contract takes
// seconds, and the machine is shared. The SQL path is timed as the median of 5.
const STORAGE_RUNS = Number(process.env.BENCH_STORAGE_RUNS ?? 1);
const FAST_RUNS = QUICK ? 3 : 5;
const CHANNELS = ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'];
const ACTOR = { id: 'bench', roles: ['publisher' as const], department: '办公室' };

/** A published document and its chain, as the publisher would have left them. */
function storedDocument(i: number, count: number, random: () => number): { document: GovDocument; events: AuditEvent[] } {
  const yearStart = Date.parse('2024-01-01T00:00:00+08:00');
  const created = yearStart + Math.floor((i / count) * 360 * 86_400_000);
  const publishedMs = created + Math.floor(random() * 3 * 86_400_000);
  const iso = (ms: number) => new Date(ms).toISOString();
  const channels = [CHANNELS[i % CHANNELS.length]!, ...(random() < 0.3 ? [CHANNELS[(i + 1) % CHANNELS.length]!] : [])];
  const urgent = random() < 0.02;
  const revised = random() < 0.05;
  const withdrawn = random() < 0.01;
  const repost = random() < 0.03;
  const copied = !repost && random() < 0.1 ? 0.5 + Math.round(random() * 400) / 1000 : null;
  const originality = { original: !repost && copied === null, copied };
  const title = `关于第${i}号事项的通知`;
  const body = generatedNotice(i);
  const outputs = (revision: number) => channels.map((channel) => ({ channel, sourceRevision: revision, contentHash: 'ab'.repeat(32) }));
  const id = `doc-${String(i).padStart(6, '0')}`;
  const publishedData = (revision: number, text: string) => ({ outputs: outputs(revision), text: { title, body: text }, originality });
  const bodies: Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>[] = [
    { documentId: id, type: 'created', actor: ACTOR, at: iso(created), revision: 1, data: { title: '通知', level: 'public', channels } },
    { documentId: id, type: 'published', actor: ACTOR, at: iso(publishedMs), revision: 1, data: urgent ? { urgent: true, reason: '紧急', pendingSteps: ['final'], ...publishedData(1, body) } : publishedData(1, body) },
  ];
  let revision = 1;
  let lastMs = publishedMs;
  let text = body;
  if (revised) {
    revision = 2;
    lastMs = publishedMs + 2 * 86_400_000;
    text = body.replace('。', '，另行通知。');
    bodies.push({ documentId: id, type: 'revised', actor: ACTOR, at: iso(publishedMs + 86_400_000), revision: 2, data: { from: 1, to: 2 } });
    bodies.push({ documentId: id, type: 'published', actor: ACTOR, at: iso(lastMs), revision: 2, data: publishedData(2, text) });
  }
  if (withdrawn) bodies.push({ documentId: id, type: 'withdrawn', actor: ACTOR, at: iso(lastMs + 3_600_000), revision, data: { reason: '有误', revision } });
  const events = chainEvents(null, bodies);
  const last = events[events.length - 1]!;
  const base = makeDocument({ id, createdAt: iso(created) });
  const document: GovDocument = {
    ...base,
    version: 1,
    revision,
    title,
    body: text,
    state: withdrawn ? 'withdrawn' : 'published',
    channels,
    ...(repost ? { repostOf: 'doc-000000' } : {}),
    published: {
      revision,
      title,
      body: text,
      level: 'public',
      publishedAt: iso(lastMs),
      publishedBy: ACTOR.id,
      outputs: outputs(revision),
      withdrawn: withdrawn ? { at: iso(lastMs + 3_600_000), by: ACTOR.id, reason: '有误' } : null,
      originality,
    },
    retrospectiveReview: urgent && !revised && !withdrawn && random() < 0.5 ? { reason: '紧急', actorId: ACTOR.id, at: iso(publishedMs), pendingSteps: ['final'] } : null,
    historyHead: { seq: last.seq, hash: last.hash },
    updatedAt: last.at,
  };
  return { document, events };
}

function* generatedDocuments(count: number): Generator<{ document: GovDocument; events: AuditEvent[] }> {
  const random = mulberry32(1616);
  for (let i = 0; i < count; i++) yield storedDocument(i, count, random);
}

async function fill(storage: StorageAdapter, count: number): Promise<number> {
  const t0 = performance.now();
  for (const { document, events } of generatedDocuments(count)) await storage.commit({ document, expectedVersion: null, events });
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

/** The base contract only: what inspection does over an adapter without `publicationFacts`. */
function baseContract(storage: StorageAdapter): StorageAdapter {
  return { getDocument: (id) => storage.getDocument(id), listDocuments: (q) => storage.listDocuments(q), getEvents: (id) => storage.getEvents(id), commit: (r) => storage.commit(r) };
}

const storedWindow = { from: '2024-01-01T00:00:00+08:00', to: '2024-12-31T23:59:59+08:00', now: '2024-12-31T18:00:00+08:00' };

async function pureInspect(storage: StorageAdapter): Promise<{ pure: number; records: number }> {
  const storedRecords = await collectPublicationRecords(storage, { to: storedWindow.now });
  const accountsOf = [...new Set(storedRecords.map((r) => r.channel))].map((c) => ({ id: c, name: c, channel: c }));
  return { pure: median(() => inspect({ records: storedRecords, accounts: accountsOf, ...storedWindow })), records: storedRecords.length };
}

const table: string[] = [];
const line = (storage: string, pass: string, ms: number, floor: number) => table.push(`| ${storage} | ${pass} | ${ms.toFixed(0)} | ${(ms / floor).toFixed(1)}× |`);

async function memoryRows(count: number): Promise<void> {
  const storage = memoryAdapter();
  const fillMs = await fill(storage, count);
  const { pure, records } = await pureInspect(storage);
  const paging = await medianAsync(FAST_RUNS, async () => {
    let cursor: string | undefined;
    let n = 0;
    do {
      const page = await storage.listDocuments({ limit: 500, ...(cursor === undefined ? {} : { cursor }) });
      n += page.items.length;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    sink += n;
  });
  const whole = await medianAsync(FAST_RUNS, () => inspectStorage(storage, storedWindow));
  console.log(`memory adapter: ${count.toLocaleString('en')} documents (${records.toLocaleString('en')} publication records), filled through commit in ${(fillMs / 1000).toFixed(1)} s`);
  const name = `memory, ${count.toLocaleString('en')}`;
  line(name, 'floor: one pass of `listDocuments` (pages of 500)', paging, paging);
  line(name, 'pure `inspect` over the same records', pure, paging);
  line(name, '**`inspectStorage`**', whole, paging);
}

async function postgresRows(client: PostgresClient, label: string, count: number): Promise<void> {
  const schema = 'bench_inspection';
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await migrate(client, { schema });
  const t0 = performance.now();
  await bulkLoad(client, schema, generatedDocuments(count));
  const fillMs = performance.now() - t0;
  const storage = postgresAdapter({ client, schema });
  const { pure, records } = await pureInspect(storage);
  const countMs = await medianAsync(FAST_RUNS, () => client.query(`SELECT count(*) FROM ${schema}.documents`));
  // One full scan of the same rows into Node: id, createdAt and channels of every document.
  const scanMs = await medianAsync(FAST_RUNS, async () => {
    sink += (await client.query(`SELECT id, created_at, channels FROM ${schema}.documents`)).rows.length;
  });
  const factsMs = await medianAsync(FAST_RUNS, async () => {
    let cursor: string | undefined;
    do {
      const page = await storage.publicationFacts!(cursor === undefined ? {} : { cursor });
      sink += page.items.length;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  });
  const whole = await medianAsync(FAST_RUNS, () => inspectStorage(storage, storedWindow));
  console.log(`${label}: ${count.toLocaleString('en')} documents (${records.toLocaleString('en')} publication records), bulk-loaded in ${(fillMs / 1000).toFixed(1)} s`);
  const name = `${label}, ${count.toLocaleString('en')}`;
  line(name, 'floor: `SELECT count(*)`', countMs, scanMs);
  line(name, 'floor: one full scan of the rows into Node (id, created_at, channels)', scanMs, scanMs);
  line(name, '`publicationFacts`, every page (SQL over generated columns)', factsMs, scanMs);
  line(name, 'pure `inspect` over the same records', pure, scanMs);
  line(name, '**`inspectStorage`** (through `publicationFacts`)', whole, scanMs);
  if (process.env.BENCH_FALLBACK_PG !== '0') {
    const fallback = await medianAsync(STORAGE_RUNS, () => inspectStorage(baseContract(storage), storedWindow));
    line(name, '`inspectStorage` through the base contract (`listDocuments` + `getEvents`)', fallback, scanMs);
  }
}

await memoryRows(STORED);
const url = process.env.DATABASE_URL;
if (url) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const version = ((await pool.query('SHOW server_version')).rows[0] as { server_version: string }).server_version;
  await postgresRows(pool, `PostgreSQL ${version.split(' ')[0]}`, STORED_PG);
  await pool.end();
} else {
  const db = new PGlite();
  await postgresRows(db, 'PGlite', STORED_PG);
  await db.close();
}
console.log(`\n| storage, documents | pass | ms | vs floor (full scan / one listing pass) |`);
console.log('|---|---|---:|---:|');
for (const l of table) console.log(l);
console.log(`(sink ${sink % 7})`);
