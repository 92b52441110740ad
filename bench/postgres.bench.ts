/**
 * `npx tsx bench/postgres.bench.ts` (needs DATABASE_URL; see scripts/ci-postgres.sh).
 *
 * 1. Committed lifecycles per second through the real publisher (createPublisher) on the
 *    PostgreSQL server, with 1, 4 and 16 concurrent host connections (pool size = workers,
 *    each worker driving its own documents). A lifecycle is createDraft → submit → three
 *    reviews → publish: 6 commits (6 transactions, 6 audit events) plus the reads each
 *    command makes. Baseline: the same lifecycle on memoryAdapter() in the same run.
 * 2. Contention: N workers editing ONE document, each read → updateDraft(expectedVersion) →
 *    on CONFLICT re-read and retry. Reports the share of attempts refused with CONFLICT and
 *    the committed edits per second.
 *
 * BENCH_QUICK=1 uses small counts (a smoke run of a few seconds).
 */
import pg from 'pg';
import { isGovpubError } from '../src/errors/govpub-error';
import { migrate, postgresAdapter } from '../src/postgres/index';
import type { StorageAdapter } from '../src/storage/adapter';
import { memoryAdapter } from '../src/storage/memory-adapter';
import { createPublisher } from '../src/workflow/create-publisher';
import type { Actor } from '../src/document/index';
import { generatedNotice } from './generated-notice';

const url = process.env.DATABASE_URL;
if (!url) {
  console.log('postgres.bench: skipped — DATABASE_URL is not set. Run: eval "$(bash scripts/ci-postgres.sh)"');
  process.exit(0);
}

const quick = process.env.BENCH_QUICK === '1';
const LIFECYCLES = quick ? 8 : 240;
const EDITS_PER_WORKER = quick ? 3 : 25;
const CONCURRENCY = [1, 4, 16];

const staff = {
  author: { id: 'author', roles: ['author'], department: '办公室' },
  r1: { id: 'reviewer-1', roles: ['reviewer'], department: '办公室' },
  r2: { id: 'reviewer-2', roles: ['reviewer'], department: '办公室' },
  approver: { id: 'approver', roles: ['approver'], department: '办公室' },
  publisher: { id: 'publisher', roles: ['publisher'], department: '办公室' },
} satisfies Record<string, Actor>;


// The database outlives a run, and the duplicates gate restores every published text from it:
// each run draws its texts from its own part of the seed space.
let seed = Math.floor(Math.random() * 2 ** 30);

function publisherOn(storage: StorageAdapter) {
  let n = 0;
  const prefix = Math.random().toString(36).slice(2, 8);
  return createPublisher({ storage, idGenerator: () => `${prefix}-${++n}` });
}

async function lifecycle(publisher: ReturnType<typeof publisherOn>, i: number): Promise<void> {
  const doc = await publisher.createDraft({ title: `关于做好第${i}批项目申报工作的通知`, body: generatedNotice(seed++), level: 'public', channels: ['website', 'wechat'], department: '办公室' }, staff.author);
  await publisher.submit(doc.id, staff.author);
  await publisher.review(doc.id, staff.r1, { decision: 'approve' });
  await publisher.review(doc.id, staff.r2, { decision: 'approve' });
  await publisher.review(doc.id, staff.approver, { decision: 'approve' });
  await publisher.publish(doc.id, staff.publisher);
}

/** Runs `total` lifecycles split over `workers` concurrent loops; returns lifecycles per second. */
async function lifecyclesPerSecond(storage: StorageAdapter, workers: number, total: number): Promise<number> {
  const publisher = publisherOn(storage);
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < total) await lifecycle(publisher, next++);
    }),
  );
  return total / ((performance.now() - start) / 1000);
}

/** N workers editing one document with optimistic retries; conflict share and edits per second. */
async function contention(storage: StorageAdapter, workers: number): Promise<{ attempts: number; conflicts: number; perSecond: number }> {
  const publisher = publisherOn(storage);
  const doc = await publisher.createDraft({ title: '争用测试', body: generatedNotice(seed++), level: 'public' }, staff.author);
  let attempts = 0;
  let conflicts = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let done = 0; done < EDITS_PER_WORKER; ) {
        const current = await publisher.get(doc.id);
        attempts++;
        try {
          await publisher.updateDraft(doc.id, { summary: `worker ${w} edit ${done}` }, staff.author, { expectedVersion: current.version });
          done++;
        } catch (e) {
          if (!isGovpubError(e) || e.code !== 'CONFLICT') throw e;
          conflicts++;
        }
      }
    }),
  );
  const perSecond = (workers * EDITS_PER_WORKER) / ((performance.now() - start) / 1000);
  return { attempts, conflicts, perSecond };
}

const schema = `bench_${process.pid}`;
const admin = new pg.Pool({ connectionString: url, max: 2 });
try {
  await migrate(admin, { schema });
  const fmt = (n: number) => n.toFixed(n >= 100 ? 0 : 1);

  // Warm up both adapters (JIT, connection set-up, the server's plan cache).
  await lifecyclesPerSecond(memoryAdapter(), 1, quick ? 2 : 20);
  {
    const warm = new pg.Pool({ connectionString: url, max: 4 });
    await lifecyclesPerSecond(postgresAdapter({ client: warm, schema }), 4, quick ? 2 : 20);
    await warm.end();
  }

  const memory = await lifecyclesPerSecond(memoryAdapter(), 1, LIFECYCLES);
  console.log(`Committed lifecycles per second (createDraft → submit → 3 reviews → publish = 6 commits), ${LIFECYCLES} lifecycles each\n`);
  console.log('| storage | host connections | lifecycles/s | commits/s | vs memoryAdapter | vs 1 connection |');
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(`| memoryAdapter() (baseline) | — | ${fmt(memory)} | ${fmt(memory * 6)} | 1.00 | — |`);
  let single = 0;
  for (const workers of CONCURRENCY) {
    const pool = new pg.Pool({ connectionString: url, max: workers });
    try {
      const rate = await lifecyclesPerSecond(postgresAdapter({ client: pool, schema }), workers, LIFECYCLES);
      if (workers === 1) single = rate;
      console.log(`| PostgreSQL, pg Pool | ${workers} | ${fmt(rate)} | ${fmt(rate * 6)} | ${(rate / memory).toFixed(2)} | ${(rate / single).toFixed(2)} |`);
    } finally {
      await pool.end();
    }
  }

  console.log(`\nContention on ONE document: each worker does ${EDITS_PER_WORKER} updateDraft edits, re-reading and retrying on CONFLICT\n`);
  console.log('| storage | workers (= connections) | attempts | CONFLICT | conflict rate | committed edits/s |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const workers of CONCURRENCY) {
    const mem = await contention(memoryAdapter(), workers);
    console.log(`| memoryAdapter() | ${workers} | ${mem.attempts} | ${mem.conflicts} | ${((mem.conflicts / mem.attempts) * 100).toFixed(1)}% | ${fmt(mem.perSecond)} |`);
    const pool = new pg.Pool({ connectionString: url, max: workers });
    try {
      const r = await contention(postgresAdapter({ client: pool, schema }), workers);
      console.log(`| PostgreSQL, pg Pool | ${workers} | ${r.attempts} | ${r.conflicts} | ${((r.conflicts / r.attempts) * 100).toFixed(1)}% | ${fmt(r.perSecond)} |`);
    } finally {
      await pool.end();
    }
  }
} finally {
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
}
