/**
 * Trace benchmark (issue 16): `trace` latency p50/p95 against an index of generated published
 * notices, next to the duplicate index `query` it builds on, on the same copies in the same
 * run. Also how often `trace` names the right revision and the expected verdict.
 *
 * Copies: half repost a notice with one figure changed (expected `altered`), half drop its
 * last three sentences (expected `abridged`).
 *
 * `npx tsx bench/trace.bench.ts` (20,000 and 100,000 documents; `BENCH_SIZES=20000` to choose);
 * `BENCH_QUICK=1` for 2,000.
 */
import { performance } from 'node:perf_hooks';
import { createDuplicateIndex } from '../src/duplicates/index';
import { trace, type PublishedRevision } from '../src/trace/index';
import { generatedNotice } from './generated-notice';
import { mulberry32 } from '../scripts/seeded-random';

const QUICK = process.env.BENCH_QUICK === '1';
const SIZES = QUICK ? [2_000] : (process.env.BENCH_SIZES ?? '20000,100000').split(',').map(Number);
const QUERIES = QUICK ? 50 : 300;

function revisionOf(seed: number): PublishedRevision {
  // A figure in every notice, so a changed figure has something to change.
  const body = `${generatedNotice(seed)}本次涉及居民${100 + (seed % 900)}户，总投资${10 + (seed % 90)}万元。`;
  return { id: `doc-${seed}@1`, documentId: `doc-${seed}`, revision: 1, title: `关于第${seed}号事项的通知`, body, publishedAt: '2024-05-15T09:30:00+08:00' };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

for (const size of SIZES) {
  const revisions = new Map<string, PublishedRevision>();
  const index = createDuplicateIndex();
  const t0 = performance.now();
  for (let seed = 1; seed <= size; seed++) {
    const r = revisionOf(seed);
    revisions.set(r.id, r);
    index.add(r.id, `${r.title}\n\n${r.body}`);
  }
  const buildMs = performance.now() - t0;

  const random = mulberry32(size);
  const copies: { text: string; id: string; verdict: string }[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const r = revisionOf(1 + Math.floor(random() * size));
    if (i % 2 === 0) copies.push({ text: r.body.replace(/居民(\d+)户/, (_, n: string) => `居民${Number(n) + 1}户`), id: r.id, verdict: 'altered' });
    else copies.push({ text: r.body.split('。').slice(0, -4).join('。') + '。', id: r.id, verdict: 'abridged' });
  }

  // Warm up both paths, then time them alternately so load on the machine hits both alike.
  for (const c of copies.slice(0, 10)) {
    index.query(c.text, { limit: 5 });
    await trace(c.text, { index, revisions });
  }
  const queryMs: number[] = [];
  const traceMs: number[] = [];
  let rightRevision = 0;
  let rightVerdict = 0;
  for (const c of copies) {
    let s = performance.now();
    index.query(c.text, { limit: 5 });
    queryMs.push(performance.now() - s);
    s = performance.now();
    const result = await trace(c.text, { index, revisions });
    traceMs.push(performance.now() - s);
    if (result.revision?.id === c.id) rightRevision++;
    if (result.verdict === c.verdict) rightVerdict++;
  }
  queryMs.sort((a, b) => a - b);
  traceMs.sort((a, b) => a - b);
  console.log(`\n${size.toLocaleString('en')} documents indexed in ${(buildMs / 1000).toFixed(1)} s; ${QUERIES} copies (Node ${process.version})\n`);
  console.log('| | p50 ms | p95 ms |');
  console.log('|---|---:|---:|');
  console.log(`| duplicate index query (limit 5) | ${quantile(queryMs, 0.5).toFixed(2)} | ${quantile(queryMs, 0.95).toFixed(2)} |`);
  console.log(`| trace (query + sentence alignment of 5 candidates) | ${quantile(traceMs, 0.5).toFixed(2)} | ${quantile(traceMs, 0.95).toFixed(2)} |`);
  console.log(`| ratio trace / query | ${(quantile(traceMs, 0.5) / quantile(queryMs, 0.5)).toFixed(2)}× | ${(quantile(traceMs, 0.95) / quantile(queryMs, 0.95)).toFixed(2)}× |`);
  console.log(`\nright revision: ${rightRevision}/${QUERIES}; expected verdict: ${rightVerdict}/${QUERIES}`);
}
