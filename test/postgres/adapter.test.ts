// What the PostgreSQL adapter promises beyond the shared contract: its schema, migrations,
// append-only tables, database-enforced atomicity and input checks. On PGlite, every run.
import { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isGovpubError } from '../../src/errors/govpub-error';
import { DEFAULT_SCHEMA, migrate, migrationStatements, postgresAdapter, SCHEMA_VERSION } from '../../src/postgres/index';
import type { PostgresClient } from '../../src/postgres/index';
import { makeDocument, makeEvents } from '../../src/testing/index';
import { scratchSchemas } from './harness';

const db = new PGlite();
afterAll(() => db.close());
const scratch = scratchSchemas(db, 'pg');

async function fresh() {
  const storage = await scratch.factory();
  return { storage, s: `"${scratch.schemaOf(storage)}"` };
}

describe('migrate', () => {
  it('creates the default schema once and records its version; a second run applies nothing', async () => {
    const first = await migrate(db);
    const second = await migrate(db);
    expect(first).toEqual({ schema: DEFAULT_SCHEMA, applied: migrationStatements().map((m) => m.version), version: SCHEMA_VERSION });
    expect(second).toEqual({ schema: DEFAULT_SCHEMA, applied: [], version: SCHEMA_VERSION });
    const { rows } = await db.query<{ version: number }>('SELECT version FROM govpub.schema_migrations');
    expect(rows).toEqual(migrationStatements().map((m) => ({ version: m.version })));
    const tables = await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'govpub' ORDER BY table_name",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(['artifacts', 'audit_events', 'deliveries', 'document_versions', 'documents', 'fingerprint_documents', 'fingerprints', 'schema_migrations']);
    await db.query('DROP SCHEMA govpub CASCADE');
  });

  it('refuses schema names that are not plain identifiers', async () => {
    for (const schema of ['Govpub', 'a"; DROP TABLE x; --', '1abc', '', 'x'.repeat(64)]) {
      await expect(migrate(db, { schema })).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['schema'] }] } });
    }
  });

  it('exposes the same DDL as SQL for hosts with their own migration tool', () => {
    const [first] = migrationStatements({ schema: 'cms' });
    expect(first?.version).toBe(1);
    expect(first?.statements.some((sql) => sql.includes('CREATE TABLE "cms".audit_events'))).toBe(true);
    expect(first?.statements.join('\n')).not.toContain('"govpub"');
  });
});

describe('postgresAdapter', () => {
  it('validates its options', () => {
    expect(() => postgresAdapter({ client: {} as PostgresClient })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => postgresAdapter({ client: db, schema: 'Bad-Name' })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('accepts pg Pool and PGlite by type, without importing either at run time', () => {
    // Compile-time: both real clients satisfy the structural client type.
    const asClient = (c: PostgresClient) => c;
    asClient(db);
    const pool = { query: async () => ({ rows: [] }), connect: async () => ({ query: async () => ({ rows: [] }), release() {} }) } as unknown as Pool;
    // Run time: a Pool-shaped object is accepted as it is, with no driver loaded.
    expect(typeof postgresAdapter({ client: asClient(pool) }).commit).toBe('function');
  });

  it('keeps every committed version in document_versions', async () => {
    const { storage, s } = await fresh();
    const v1 = makeDocument({ id: 'versions' });
    const e1 = makeEvents(v1, 1);
    await storage.commit({ document: v1, expectedVersion: null, events: e1 });
    const v2 = { ...v1, version: 2, state: 'in_review' as const, currentStep: 'initial' };
    await storage.commit({ document: v2, expectedVersion: 1, events: makeEvents(v2, 1, { after: e1[0] }) });
    const { rows } = await db.query<{ version: number; state: string; doc: unknown }>(
      `SELECT version, state, doc FROM ${s}.document_versions WHERE document_id = 'versions' ORDER BY version`,
    );
    expect(rows).toEqual([
      { version: 1, state: 'draft', doc: v1 },
      { version: 2, state: 'in_review', doc: v2 },
    ]);
  });

  it('projects the filter columns from the committed JSON', async () => {
    const { storage, s } = await fresh();
    const doc = makeDocument({
      id: 'projected', channels: ['weibo', 'sms'], department: '宣传科', level: 'internal',
      retrospectiveReview: { reason: '紧急', actorId: 'a', at: '2024-01-01T00:00:00.000Z', pendingSteps: ['final'] },
    });
    await storage.commit({ document: doc, expectedVersion: null, events: makeEvents(doc, 1) });
    const { rows } = await db.query(`SELECT version, state, department, channels, author_id, level, needs_retrospective_review, created_at FROM ${s}.documents`);
    expect(rows).toEqual([
      {
        version: 1, state: 'draft', department: '宣传科', channels: ['weibo', 'sms'], author_id: 'author-1', level: 'internal',
        needs_retrospective_review: true, created_at: doc.createdAt,
      },
    ]);
  });

  it('rolls back the document write when an event cannot be inserted (repeated seq)', async () => {
    const { storage } = await fresh();
    const v1 = makeDocument({ id: 'atomic' });
    const e1 = makeEvents(v1, 1);
    await storage.commit({ document: v1, expectedVersion: null, events: e1 });
    const v2 = { ...v1, version: 2, title: '不应写入' };
    // seq 1 again: the primary key (document_id, seq) refuses it after the document row was updated.
    const replay = makeEvents(v2, 1);
    await expect(storage.commit({ document: v2, expectedVersion: 1, events: replay })).rejects.toMatchObject({ code: '23505' });
    expect(await storage.getDocument(v1.id)).toEqual(v1);
    expect(await storage.getEvents(v1.id)).toEqual(e1);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit trail and the version history', async () => {
    const { storage, s } = await fresh();
    const doc = makeDocument({ id: 'sealed' });
    await storage.commit({ document: doc, expectedVersion: null, events: makeEvents(doc, 1) });
    for (const table of ['audit_events', 'document_versions']) {
      await expect(db.query(`UPDATE ${s}.${table} SET document_id = document_id`)).rejects.toThrow(/append-only; UPDATE refused/);
      await expect(db.query(`DELETE FROM ${s}.${table}`)).rejects.toThrow(/append-only; DELETE refused/);
      await expect(db.query(`TRUNCATE ${s}.${table} CASCADE`)).rejects.toThrow(/append-only; TRUNCATE refused/);
    }
    expect(await storage.getEvents(doc.id)).toHaveLength(1);
  });

  it('reports a conflict with the versions involved', async () => {
    const { storage } = await fresh();
    const v1 = makeDocument({ id: 'details' });
    await storage.commit({ document: v1, expectedVersion: null, events: makeEvents(v1, 1) });
    const error = await storage.commit({ document: { ...v1, version: 5 }, expectedVersion: 4, events: makeEvents(v1, 1) }).catch((e: unknown) => e);
    expect(isGovpubError(error) && error.code).toBe('CONFLICT');
    expect(error).toMatchObject({ details: { id: 'details', expectedVersion: 4, actualVersion: 1 } });
    const missing = await storage.commit({ document: makeDocument({ id: 'nobody' }), expectedVersion: 1, events: makeEvents(v1, 1) }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'CONFLICT', details: { actualVersion: null }, message: expect.stringContaining('does not exist') });
  });

  it('refuses values PostgreSQL cannot store with VALIDATION, writing nothing', async () => {
    const { storage } = await fresh();
    const doc = makeDocument({ id: 'nul', body: 'a\u0000b' });
    await expect(storage.commit({ document: doc, expectedVersion: null, events: makeEvents(doc, 1) })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await storage.getDocument('nul')).toBeNull();
    await expect(storage.artifacts!.put('k', 'd', undefined)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('serves list filters from indexes (no sequential scan of documents for a keyset page)', async () => {
    const { s } = await fresh();
    await db.query('SET enable_seqscan = off');
    try {
      const plan = await db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT doc FROM ${s}.documents WHERE state = ANY($1::text[]) AND (created_at, id) > ($2::text COLLATE "C", $3::text COLLATE "C") ORDER BY created_at, id LIMIT 51`,
        [['draft'], '2024-01-01T00:00:00.000Z', 'x'],
      );
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index/);
    } finally {
      await db.query('RESET enable_seqscan');
    }
  });
});
