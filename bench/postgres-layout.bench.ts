/**
 * `npx tsx bench/postgres-layout.bench.ts` (needs DATABASE_URL): the fingerprint table layout
 * of migration 3 — one row per (hash, document), primary key (hash, document_id), a lookup of
 * at most 65 rows per query hash — next to the alternative, each document's hashes as an
 * `integer[]` with a GIN index and `hashes && query`. Same corpus (BENCH_LAYOUT_DOCS, default
 * 100,000 generated documents plus 300 real notices), same 100 near-copy queries (the 64
 * smallest hashes of each, as the gate sends); prints build time, size, p50/p95 and whether
 * the copied notice came first.
 */
import pg from 'pg';
import { duplicateProbe, fingerprintHashes, fingerprintScheme } from '../src/duplicates/index';
import { migrate, postgresAdapter } from '../src/postgres/index';
import { makeDocument, makeEvents } from '../src/testing/index';
import { generatedNotice } from './generated-notice';
import { loadFillers } from './postgres-corpus';

const url = process.env.DATABASE_URL;
if (!url) {
  console.log('postgres-layout.bench: skipped — DATABASE_URL is not set. Run: eval "$(bash scripts/ci-postgres.sh)"');
  process.exit(0);
}
const DOCS = Number(process.env.BENCH_LAYOUT_DOCS ?? (process.env.BENCH_QUICK === '1' ? 10_000 : 100_000));
const SCHEMA = 'bench_layout';
const pool = new pg.Pool({ connectionString: url, max: 4 });
const scheme = fingerprintScheme();
const text = (seed: number) => generatedNotice(seed) + generatedNotice(seed + 1_000_003) + generatedNotice(seed + 2_000_006);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

try {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await migrate(pool, { schema: SCHEMA });
  const storage = postgresAdapter({ client: pool, schema: SCHEMA });
  const planted: string[] = [];
  for (let i = 0; i < 300; i++) {
    const doc = makeDocument({ id: `real-${i}`, title: `关于做好第${i}批项目申报工作的通知`, body: text(i * 11), state: 'in_review' });
    const full = `${doc.title}\n\n${doc.body}`;
    await storage.commit({ document: doc, expectedVersion: null, events: makeEvents(doc, 1), fingerprints: { scheme, hashes: fingerprintHashes(full) } });
    planted.push(full);
  }
  const common = [...new Set(Array.from({ length: 300 }, (_, i) => fingerprintHashes(text(500_000 + i))).flat())].map((h) => h | 0);
  await loadFillers(pool, SCHEMA, 1, DOCS, common);
  const { rows: rowSize } = await pool.query(`SELECT pg_total_relation_size('${SCHEMA}.fingerprints') AS b`);
  let t = performance.now();
  await pool.query(`CREATE INDEX fingerprint_documents_gin ON ${SCHEMA}.fingerprint_documents USING gin (hashes)`);
  const ginBuild = (performance.now() - t) / 1000;
  const { rows: ginSize } = await pool.query(`SELECT pg_relation_size('${SCHEMA}.fingerprint_documents_gin') AS b`);
  await pool.query(`ANALYZE ${SCHEMA}.fingerprint_documents`);

  const queries = Array.from({ length: 100 }, (_, q) => {
    const k = (q * 7) % planted.length;
    const probe = duplicateProbe(`本站讯${q}。${planted[k]!.slice(15, -15)}（完）`);
    return { k, hashes: [...probe.hashes].sort((a, b) => a - b).slice(0, 64) };
  });
  const timesRows: number[] = [];
  const timesGin: number[] = [];
  let firstRows = 0;
  let firstGin = 0;
  for (let round = 0; round < 2; round++) {
    for (const q of queries) {
      t = performance.now();
      const c = await storage.fingerprints!.candidates(scheme, q.hashes, { limit: 11 });
      if (round) timesRows.push(performance.now() - t);
      if (round && c[0]?.documentId === `real-${q.k}`) firstRows++;
      const signed = q.hashes.map((h) => h | 0);
      t = performance.now();
      const { rows } = await pool.query(
        `SELECT document_id, shared FROM (
           SELECT document_id, hash_count, (SELECT count(*) FROM unnest(hashes) AS h WHERE h = ANY($1::integer[]))::integer AS shared
           FROM ${SCHEMA}.fingerprint_documents WHERE hashes && $1::integer[] AND scheme = $2) AS t
         WHERE shared >= 2
         ORDER BY greatest(shared::float8 / $3, shared::float8 / greatest(hash_count, 1)) DESC, document_id LIMIT 11`,
        [signed, scheme, signed.length],
      );
      if (round) timesGin.push(performance.now() - t);
      if (round && (rows[0] as { document_id?: string } | undefined)?.document_id === `real-${q.k}`) firstGin++;
    }
  }
  const mb = (b: unknown) => (Number(b) / 1e6).toFixed(0);
  console.log(`\nFingerprint layouts, ${(DOCS + 300).toLocaleString('en')} documents, 100 near-copy queries (64 hashes each)\n`);
  console.log('| layout | build s | size MB | p50 ms | p95 ms | copied notice first |');
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(`| rows (hash, document_id), primary key — migration 3 | (loaded with the corpus) | ${mb(rowSize[0].b)} | ${pct(timesRows, 0.5).toFixed(1)} | ${pct(timesRows, 0.95).toFixed(1)} | ${firstRows} / 100 |`);
  console.log(`| integer[] + GIN, \`&&\` | ${ginBuild.toFixed(0)} | ${mb(ginSize[0].b)} | ${pct(timesGin, 0.5).toFixed(1)} | ${pct(timesGin, 0.95).toFixed(1)} | ${firstGin} / 100 |`);
} finally {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.end();
}
