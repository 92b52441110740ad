// The generated filler corpus of the PostgreSQL scale benchmarks, loaded in SQL so that
// hundreds of thousands of documents load in minutes: bodies of ~1,536 Chinese characters,
// 165 fingerprints each (130 random, 35 drawn from real notices' hashes, so common k-grams
// reach the document-frequency cap as boilerplate does).
import type pg from 'pg';
import { fingerprintScheme } from '../src/duplicates/index';

/** Fillers `from..to` (1-based, inclusive): documents, fingerprint_documents, then fingerprint rows. */
export async function loadFillers(pool: pg.Pool, SCHEMA: string, from: number, to: number, common: number[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '1GB'");
    const BATCH = 50_000;
    for (let a = from; a <= to; a += BATCH) {
      const b = Math.min(to, a + BATCH - 1);
      // ~1,536 Chinese characters per body, different for every document.
      await client.query(
        `INSERT INTO ${SCHEMA}.documents (id, version, revision, state, department, channels, author_id, level, needs_retrospective_review, created_at, updated_at, doc, commit_seq)
         SELECT 'f' || lpad(i::text, 8, '0'), 1, 1, 'in_review', '办公室', ARRAY['website'], 'bench', 'public', false, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z',
           jsonb_build_object('id', 'f' || lpad(i::text, 8, '0'), 'version', 1, 'revision', 1, 'state', 'in_review', 'title', '第' || i || '号通知',
             'body', translate(repeat(md5(i::text) || md5((i::bigint * 7919)::text), 24), '0123456789abcdef', '的一是在不了有和人这中大为上个国'),
             'level', 'public', 'channels', '["website"]'::jsonb, 'authorId', 'bench', 'createdAt', '2025-01-01T00:00:00.000Z', 'updatedAt', '2025-01-01T00:00:00.000Z'),
           nextval('${SCHEMA}.commit_seq')
         FROM generate_series($1::integer, $2::integer) AS i`,
        [a, b],
      );
      // 130 random hashes and 35 drawn from real notices' hashes (the subqueries mention i,
      // so PostgreSQL draws them again for every document).
      await client.query(
        `INSERT INTO ${SCHEMA}.fingerprint_documents (document_id, scheme, hash_count, hashes)
         SELECT id, $4, cardinality(h), h FROM (
           SELECT 'f' || lpad(i::text, 8, '0') AS id, ARRAY(
             SELECT DISTINCT x FROM (
               SELECT (floor(random() * 4294967296) - 2147483648)::integer AS x FROM generate_series(1, 130 + 0 * i)
               UNION ALL
               SELECT ($3::integer[])[1 + floor(random() * cardinality($3::integer[]))::integer] FROM generate_series(1, 35 + 0 * i)
             ) AS u) AS h
           FROM generate_series($1::integer, $2::integer) AS i) AS t`,
        [a, b, common, fingerprintScheme()],
      );
    }
    await client.query(`ALTER TABLE ${SCHEMA}.fingerprints DROP CONSTRAINT IF EXISTS fingerprints_pkey`);
    await client.query(
      `INSERT INTO ${SCHEMA}.fingerprints (hash, document_id)
       SELECT DISTINCT unnest(hashes), document_id FROM ${SCHEMA}.fingerprint_documents
       WHERE document_id BETWEEN 'f' || lpad($1::text, 8, '0') AND 'f' || lpad($2::text, 8, '0')`,
      [from, to],
    );
    await client.query(`ALTER TABLE ${SCHEMA}.fingerprints ADD PRIMARY KEY (hash, document_id)`);
    await client.query(`VACUUM ANALYZE ${SCHEMA}.fingerprints`);
    await client.query(`VACUUM ANALYZE ${SCHEMA}.fingerprint_documents`);
    await client.query(`VACUUM ANALYZE ${SCHEMA}.documents`);
  } finally {
    client.release();
  }
}

