/**
 * `npx tsx bench/postgres-scale.bench.ts` (needs DATABASE_URL; see scripts/ci-postgres.sh).
 *
 * 1. Duplicate queries against the shared fingerprint index (migration 3) at growing corpus
 *    sizes (default 100k and 300k documents; BENCH_SCALE_SIZES=100000,300000,1000000 for
 *    more). Each query is what the duplicates gate does over PostgreSQL: fingerprint the
 *    draft, ask `fingerprints.candidates`, fetch the candidates' documents, align them. The
 *    filler corpus is seeded by bench/postgres-seed.ts (BENCH-ONLY bulk path): notices of
 *    ~1,500 characters generated in Node, fingerprinted with the real `fingerprintHashes`,
 *    written in multi-row statements as the rows govpub_commit would write for documents and
 *    the fingerprint tables; 500 real notices are committed through the adapter, and the
 *    queries are near-copies of them (must be found) and new texts. Prints the load rate,
 *    table and index sizes, p50/p95 per size, recall, and the host's RSS at each size — next
 *    to what an in-memory index of the same corpus would hold.
 * 2. Commit throughput with 1, 4 and 16 connections: `adapter.commit` (one govpub_commit
 *    statement: document, version row, event, fingerprints, feed position) next to a floor
 *    measured in the same run — one bare transaction writing one row and one event, as one
 *    statement and as BEGIN/INSERT/INSERT/COMMIT — and next to migration 3's govpub_commit
 *    (feed positions under an exclusive lock), restored in a scratch schema: the "before"
 *    of migration 6. BENCH_COMMITS sets the commits per cell (default 2000), split over
 *    BENCH_ROUNDS interleaved rounds (default 3) whose median is reported.
 *
 * BENCH_SCALE_PART=queries|commits runs one part; BENCH_SCALE_KEEP=1 keeps the corpus.
 * BENCH_QUICK=1: 20k documents, fewer commits (a smoke run).
 */
import pg from 'pg';
import { createDuplicateIndex, duplicateProbe, fingerprintHashes, fingerprintScheme } from '../src/duplicates/index';
import { migrate, postgresAdapter } from '../src/postgres/index';
import { migration3 } from '../src/postgres/migration-3';
import type { StorageAdapter } from '../src/storage/adapter';
import { makeDocument, makeEvents } from '../src/testing/index';
import { generatedNotice } from './generated-notice';
import { dropFingerprintKey, fillerText, rebuildFingerprintKey, seedCorpus } from './postgres-seed';

const url = process.env.DATABASE_URL;
if (!url) {
  console.log('postgres-scale.bench: skipped — DATABASE_URL is not set. Run: eval "$(bash scripts/ci-postgres.sh)"');
  process.exit(0);
}
const quick = process.env.BENCH_QUICK === '1';
const SIZES = (process.env.BENCH_SCALE_SIZES ?? (quick ? '20000' : '100000,300000')).split(',').map(Number);
const PLANTED = quick ? 100 : 500;
const NEAR_QUERIES = quick ? 40 : 200;
const NEW_QUERIES = quick ? 20 : 100;
const COMMITS = Number(process.env.BENCH_COMMITS ?? (quick ? 200 : 2000));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (quick ? 1 : 3));
const SCHEMA = process.env.BENCH_SCALE_SCHEMA ?? 'bench_scale';
const scheme = fingerprintScheme();
const pool = new pg.Pool({ connectionString: url, max: 16 });

const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const text = (seed: number) => generatedNotice(seed) + generatedNotice(seed + 1_000_003) + generatedNotice(seed + 2_000_006);

/** The duplicates gate's query over the shared index, as the gate runs it. */
async function gateQuery(storage: StorageAdapter, draft: string, ownId: string) {
  const probe = duplicateProbe(draft);
  // The gate looks up the 64 smallest of the draft's hashes (a consistent sample).
  const sample = [...probe.hashes].sort((a, b) => a - b).slice(0, 64);
  const candidates = await storage.fingerprints!.candidates(probe.scheme, sample, { limit: 11, exclude: [ownId], withDocuments: true });
  const docs = await Promise.all(candidates.map((c) => c.document ?? storage.getDocument(c.documentId)));
  const texts = docs.flatMap((d) => (d ? [{ id: d.id, text: `${d.title}\n\n${d.body}` }] : []));
  return probe.matches(texts, { limit: 5 });
}

async function queries(storage: StorageAdapter, plantedIds: string[], plantedTexts: string[]) {
  const near: number[] = [];
  const fresh: number[] = [];
  let found = 0;
  for (let q = 0; q < NEAR_QUERIES; q++) {
    const k = (q * 7) % plantedIds.length;
    const original = plantedTexts[k]!;
    const draft = `本站讯${q}。${original.slice(15, -15)}（完）`;
    const t = performance.now();
    const matches = await gateQuery(storage, draft, `query-${q}`);
    near.push(performance.now() - t);
    if (matches[0]?.id === plantedIds[k] && matches[0]!.containment >= 0.8) found++;
  }
  let falseHits = 0;
  for (let q = 0; q < NEW_QUERIES; q++) {
    const t = performance.now();
    const matches = await gateQuery(storage, `${'关于做好新一轮工作的通知'}\n\n${fillerText(900_000_000 + q * 7)}`, `new-${q}`);
    fresh.push(performance.now() - t);
    if (matches.some((m) => m.containment >= 0.8)) falseHits++;
  }
  near.sort((a, b) => a - b);
  fresh.sort((a, b) => a - b);
  return { near, fresh, recall: found / NEAR_QUERIES, falseHits };
}

async function scale(): Promise<void> {
  // BENCH_SCALE_RESUME=1 continues a corpus kept by BENCH_SCALE_KEEP=1 (seeding is in
  // whole-batch transactions, so the fillers present are always a prefix 1..n).
  const resume = process.env.BENCH_SCALE_RESUME === '1';
  if (!resume) await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await migrate(pool, { schema: SCHEMA });
  const storage = postgresAdapter({ client: pool, schema: SCHEMA });
  let loaded = resume ? Number((await pool.query(`SELECT count(*) AS n FROM ${SCHEMA}.documents WHERE id LIKE 'f%'`)).rows[0].n) : 0;

  // Notices committed through the adapter with their fingerprints: the originals the
  // near-copy queries must find. Made like the fillers (mostly their own text, some shared
  // boilerplate), so their fingerprints are as common in the corpus as real notices' are.
  const plantedIds: string[] = [];
  const plantedTexts: string[] = [];
  const memoryIndex = createDuplicateIndex();
  for (let i = 0; i < PLANTED; i++) {
    const doc = makeDocument({ id: `planted-${i}`, title: `关于做好第${i}批项目申报工作的通知`, body: fillerText(10_000_000 + i * 7), state: 'in_review' });
    const full = `${doc.title}\n\n${doc.body}`;
    if (!(resume && (await storage.getDocument(doc.id)))) {
      await storage.commit({ document: doc, expectedVersion: null, events: makeEvents(doc, 1), fingerprints: { scheme, hashes: fingerprintHashes(full) } });
    }
    plantedIds.push(doc.id);
    plantedTexts.push(full);
    memoryIndex.add(doc.id, full);
  }
  // What an in-memory index needs per document of this size (typed arrays and the kept texts).
  const stats = memoryIndex.stats();
  const perDocBytes = (stats.typedArrayBytes + stats.textUnits * 2) / stats.documents;
  const rows: string[] = [];
  for (const size of SIZES) {
    if (size < loaded) continue;
    // Bench-only bulk seeding (bench/postgres-seed.ts): generated notices with their real
    // fingerprints, written in multi-row statements; the lookup key is rebuilt afterwards.
    await dropFingerprintKey(pool, SCHEMA);
    let t = performance.now();
    await seedCorpus(pool, SCHEMA, loaded + 1, size, {
      connections: Number(process.env.BENCH_SEED_CONNECTIONS ?? 2),
      progress: (done) => {
        if (done % 100_000 === 0 && done > 0) console.error(`  seeded ${loaded + done} (${(done / ((performance.now() - t) / 1000)).toFixed(0)} docs/s)`);
      },
    });
    const seedSeconds = (performance.now() - t) / 1000;
    const seededNow = size - loaded;
    const rate = seededNow / seedSeconds;
    t = performance.now();
    await rebuildFingerprintKey(pool, SCHEMA);
    const keySeconds = (performance.now() - t) / 1000;
    loaded = size;
    const { rows: sizeRows } = await pool.query(
      `SELECT (SELECT count(*) FROM ${SCHEMA}.fingerprints)::bigint AS n, (SELECT count(*) FROM ${SCHEMA}.documents)::bigint AS docs_n,
              pg_relation_size('${SCHEMA}.fingerprints') AS fp_heap, pg_indexes_size('${SCHEMA}.fingerprints') AS fp_index,
              pg_total_relation_size('${SCHEMA}.fingerprint_documents') AS fpd, pg_total_relation_size('${SCHEMA}.documents') AS docs`,
    );
    const info = sizeRows[0] as { n: string; docs_n: string; fp_heap: string; fp_index: string; fpd: string; docs: string };
    await queries(storage, plantedIds, plantedTexts); // warm-up: caches and JIT, as a running host has them
    globalThis.gc?.();
    const r = await queries(storage, plantedIds, plantedTexts);
    globalThis.gc?.();
    const rss = process.memoryUsage().rss;
    rows.push(
      `| ${Number(info.docs_n).toLocaleString('en')} | ${seededNow > 0 ? `${rate.toFixed(0)} docs/s (${seedSeconds.toFixed(0)} s)` : 'kept from an earlier run'} + key ${keySeconds.toFixed(0)} s | ${Number(info.n).toLocaleString('en')} | ${mb(Number(info.fp_heap))} + ${mb(Number(info.fp_index))} | ${mb(Number(info.fpd))} | ${mb(Number(info.docs))} | ${pct(r.near, 0.5).toFixed(1)} / ${pct(r.near, 0.95).toFixed(1)} | ${pct(r.fresh, 0.5).toFixed(1)} / ${pct(r.fresh, 0.95).toFixed(1)} | ${(r.recall * 100).toFixed(1)} % | ${r.falseHits} | ${mb(rss)} | ${mb(perDocBytes * Number(info.docs_n))} |`,
    );
    console.log(rows[rows.length - 1]);
  }
  console.log('\nDuplicate queries over the shared fingerprint index (PostgreSQL server, same machine, TCP)\n');
  console.log('| documents | load (seeding, then the fingerprints key) | fingerprint rows | fingerprints heap + index MB | fingerprint_documents MB | documents MB | near-copy p50 / p95 ms | new text p50 / p95 ms | recall | false hits | host RSS MB | in-memory index would hold MB |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
}

/** Commits per second through `commitOne` with `workers` concurrent loops over a pool of that size. */
async function throughput(workers: number, total: number, commitOne: (db: pg.Pool, i: number) => Promise<void>): Promise<number> {
  const db = new pg.Pool({ connectionString: url, max: workers });
  try {
    await Promise.all(Array.from({ length: workers }, () => db.query('SELECT 1'))); // open the connections first
    let next = 0;
    const t = performance.now();
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < total) await commitOne(db, next++);
      }),
    );
    return total / ((performance.now() - t) / 1000);
  } finally {
    await db.end();
  }
}

async function commits(): Promise<void> {
  const schema = 'bench_commit';
  // Migration 3's govpub_commit (positions taken last under the exclusive feed lock) in a
  // second scratch schema: the "before" of migration 6, measured in the same run.
  const before = 'bench_commit_m3';
  const lines: string[] = [];
  // The machine is shared: each cell is measured ROUNDS times, the cells interleaved, and the
  // median reported, so a burst of someone else's work does not land on one column only.
  const perRound = Math.ceil(COMMITS / ROUNDS);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const workers of [1, 4, 16]) {
    for (const name of [schema, before]) {
      await pool.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      await migrate(pool, { schema: name });
    }
    const restored = migration3(`"${before}"`).statements.find((t) => t.startsWith(`CREATE FUNCTION "${before}".govpub_commit`))!;
    await pool.query(restored.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
    await pool.query(`CREATE TABLE ${schema}.floor_docs (id text PRIMARY KEY, doc jsonb NOT NULL)`);
    await pool.query(`CREATE TABLE ${schema}.floor_events (document_id text NOT NULL, seq integer NOT NULL, event jsonb NOT NULL, PRIMARY KEY (document_id, seq))`);
    const sample = makeDocument({ id: 'x', body: text(7) });
    const docJson = JSON.stringify(sample);
    const eventJson = JSON.stringify(makeEvents(sample, 1)[0]);
    const hashes = fingerprintHashes(`${sample.title}\n\n${sample.body}`);
    const cells: Record<'floorOne' | 'floorTx' | 'm3' | 'm6' | 'm6fp', number[]> = { floorOne: [], floorTx: [], m3: [], m6: [], m6fp: [] };
    const adapterCell = (target: string, withFingerprints: boolean, prefix: string) => {
      let storage: StorageAdapter | undefined;
      return throughput(workers, perRound, async (db, i) => {
        storage ??= postgresAdapter({ client: db, schema: target });
        const doc = { ...sample, id: `${prefix}-${i}` };
        await storage.commit({ document: doc, expectedVersion: null, events: makeEvents(doc, 1), ...(withFingerprints ? { fingerprints: { scheme, hashes } } : {}) });
      });
    };
    for (let round = 0; round < ROUNDS; round++) {
      const run = `${workers}-${round}`;
      cells.floorOne.push(
        await throughput(workers, perRound, async (db, i) => {
          await db.query(
            `WITH d AS (INSERT INTO ${schema}.floor_docs (id, doc) VALUES ($1, $2::jsonb) RETURNING id)
             INSERT INTO ${schema}.floor_events (document_id, seq, event) SELECT id, 1, $3::jsonb FROM d`,
            [`a${run}-${i}`, docJson, eventJson],
          );
        }),
      );
      cells.floorTx.push(
        await throughput(workers, perRound, async (db, i) => {
          const c = await db.connect();
          try {
            await c.query('BEGIN');
            await c.query(`INSERT INTO ${schema}.floor_docs (id, doc) VALUES ($1, $2::jsonb)`, [`b${run}-${i}`, docJson]);
            await c.query(`INSERT INTO ${schema}.floor_events (document_id, seq, event) VALUES ($1, 1, $2::jsonb)`, [`b${run}-${i}`, eventJson]);
            await c.query('COMMIT');
          } finally {
            c.release();
          }
        }),
      );
      cells.m3.push(await adapterCell(before, false, `e${run}`));
      cells.m6.push(await adapterCell(schema, false, `d${run}`));
      cells.m6fp.push(await adapterCell(schema, true, `c${run}`));
    }
    const [floorOne, floorTx, m3, m6, m6fp] = (['floorOne', 'floorTx', 'm3', 'm6', 'm6fp'] as const).map((k) => median(cells[k]));
    lines.push(
      `| ${workers} | ${floorOne!.toFixed(0)} | ${floorTx!.toFixed(0)} | ${m3!.toFixed(0)} | ${(m3! / floorOne!).toFixed(2)} | ${m6!.toFixed(0)} | ${(m6! / floorOne!).toFixed(2)} | ${m6fp!.toFixed(0)} | ${(m6fp! / floorOne!).toFixed(2)} | ${(m6! / m3!).toFixed(2)} |`,
    );
    console.log(lines[lines.length - 1]);
  }
  for (const name of [schema, before]) await pool.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  console.log(`\nCommits per second (median of ${ROUNDS} interleaved rounds of ${perRound} per cell; a ~1,500-character document and one event)\n`);
  console.log('| connections | floor: 1 row + 1 event, one statement | floor: BEGIN/INSERT/INSERT/COMMIT | govpub commit, migration 3 (feed lock) | vs floor | govpub commit, migration 6 | vs floor | migration 6 + 165 fingerprints | vs floor | migration 6 / migration 3 |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const l of lines) console.log(l);
}

try {
  if (process.env.BENCH_SCALE_PART !== 'commits') await scale();
  if (process.env.BENCH_SCALE_PART !== 'queries') await commits();
} finally {
  if (process.env.BENCH_SCALE_KEEP !== '1') await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.end();
}
