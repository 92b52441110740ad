import type { FingerprintCandidate, FingerprintIndex, FingerprintWrite } from '../storage/index';
import type { GovDocument } from '../document/index';
import { GovpubError } from '../errors/index';
import type { PostgresClient } from './client';

/** Default of {@link FingerprintCandidateOptions.maxDocumentFrequency}, as in the in-memory index. */
const DEFAULT_MAX_DOCUMENT_FREQUENCY = 64;

/**
 * The `fingerprints` part of a commit as `commit_part_fingerprints` reads it: hashes as
 * signed 32-bit integers (the column type), validated here so a bad value is `VALIDATION`
 * and never a database error halfway through a commit.
 */
export function fingerprintPart(write: FingerprintWrite, path: (string | number)[] = ['fingerprints']): { scheme: string; hashes: number[] | null } {
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (typeof write?.scheme !== 'string' || write.scheme.length === 0 || write.scheme.length > 64) {
    issues.push({ path: [...path, 'scheme'], message: 'expected a non-empty string of at most 64 characters' });
  }
  let hashes: number[] | null = null;
  if (write?.hashes !== null) {
    if (!Array.isArray(write?.hashes)) issues.push({ path: [...path, 'hashes'], message: 'expected an array of unsigned 32-bit integers or null' });
    else {
      hashes = [];
      for (const [i, h] of write.hashes.entries()) {
        if (!Number.isInteger(h) || h < 0 || h > 0xffffffff) {
          issues.push({ path: [...path, 'hashes', i], message: 'expected an unsigned 32-bit integer' });
          break;
        }
        hashes.push(h | 0);
      }
    }
  }
  if (issues.length) throw new GovpubError('VALIDATION', 'Invalid fingerprints', { details: { issues } });
  return { scheme: write.scheme, hashes };
}

/**
 * The PostgreSQL {@link FingerprintIndex}: `fingerprints (hash, document_id)` with the pair as
 * primary key, and `fingerprint_documents` saying which document is fingerprinted under which
 * scheme. A candidate lookup reads at most `maxDocumentFrequency + 1` rows per query hash (a
 * hash found more often is dropped, as in the in-memory index), so its cost depends on the
 * query, not on the corpus.
 */
export function postgresFingerprintIndex(db: PostgresClient, s: string): FingerprintIndex {
  return {
    async candidates(scheme, hashes, options) {
      const limit = Math.max(1, Math.min(Math.trunc(options.limit), 1000));
      const maxDf = Math.max(1, Math.min(Math.trunc(options.maxDocumentFrequency ?? DEFAULT_MAX_DOCUMENT_FREQUENCY), 1_000_000));
      const query = fingerprintPart({ scheme, hashes }, ['hashes']).hashes ?? [];
      if (query.length === 0) return [];
      const distinct = [...new Set(query)];
      // Documents sharing one hash only are dropped before the join (at most a handful of
      // the hundreds a query touches are worth ranking); the documents of the ranked few come
      // back in the same statement, so the gate needs no second round trip.
      const { rows } = await db.query(
        `WITH q AS (SELECT DISTINCT h FROM unnest($2::integer[]) AS h),
         hits AS MATERIALIZED (
           SELECT q.h, f.document_id FROM q
           CROSS JOIN LATERAL (SELECT fp.document_id FROM ${s}.fingerprints AS fp WHERE fp.hash = q.h LIMIT $4 + 1) AS f
         ),
         usable AS (SELECT h FROM hits GROUP BY h HAVING count(*) <= $4),
         shared AS (
           SELECT hits.document_id, count(*)::integer AS shared FROM hits JOIN usable USING (h)
           WHERE NOT (hits.document_id = ANY($5::text[]))
           GROUP BY hits.document_id
           HAVING count(*) >= least(2, $3::integer)
         ),
         ranked AS (
           SELECT s.document_id, s.shared, d.hash_count AS total FROM shared AS s
           JOIN ${s}.fingerprint_documents AS d ON d.document_id = s.document_id AND d.scheme = $1
           ORDER BY greatest(s.shared::float8 / $3::integer, s.shared::float8 / greatest(d.hash_count, 1)) DESC, s.document_id
           LIMIT $6
         )
         SELECT r.document_id, r.shared, r.total, ${options.withDocuments ? 't.doc::text' : 'NULL'} AS doc
         FROM ranked AS r ${options.withDocuments ? `JOIN ${s}.documents AS t ON t.id = r.document_id` : ''}
         ORDER BY greatest(r.shared::float8 / $3::integer, r.shared::float8 / greatest(r.total, 1)) DESC, r.document_id`,
        [scheme, distinct, distinct.length, maxDf, [...(options.exclude ?? [])], limit],
      );
      return (rows as { document_id: string; shared: number; total: number; doc: string | null }[]).map(
        (r): FingerprintCandidate => ({
          documentId: r.document_id,
          shared: Number(r.shared),
          total: Number(r.total),
          ...(r.doc === null ? {} : { document: JSON.parse(r.doc) as GovDocument }),
        }),
      );
    },

    async unindexed(scheme, limit) {
      const { rows } = await db.query(
        `SELECT t.doc::text AS doc FROM ${s}.documents AS t
         WHERE NOT EXISTS (SELECT 1 FROM ${s}.fingerprint_documents AS f WHERE f.document_id = t.id AND f.scheme = $1)
         ORDER BY t.commit_xid, t.commit_seq LIMIT $2`,
        [scheme, Math.max(1, Math.min(Math.trunc(limit), 10_000))],
      );
      return (rows as { doc: string }[]).map((r) => JSON.parse(r.doc) as GovDocument);
    },

    async put(documentId, version, write) {
      const part = fingerprintPart(write, ['write']);
      // The row lock orders this write with commits: a commit waiting behind it writes its
      // own fingerprints afterwards, and one that came first moved the version on.
      const { rows } = await db.query(
        `WITH target AS (SELECT id FROM ${s}.documents WHERE id = $1 AND version = $2 FOR UPDATE)
         SELECT ${s}.commit_part_fingerprints(target.id, $3::jsonb)::text AS done FROM target`,
        [documentId, version, JSON.stringify(part)],
      );
      return rows.length > 0;
    },
  };
}
