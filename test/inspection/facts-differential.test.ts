// The PostgreSQL adapter computes PublicationFacts in SQL (generated columns, migration 5),
// the memory adapter from its stored objects; any other adapter gets them from
// factsOfDocument over listDocuments and getEvents. They must agree exactly, on what the publisher writes and on stored data of any odd shape
// (events without outputs, non-string channels, waivers without a rule id, …), on PGlite and
// on the real server.
import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEvent, GovDocument } from '../../src/document/index';
import { collectPublicationRecords, inspectStorage } from '../../src/inspection/index';
import { factsOfDocument, memoryAdapter } from '../../src/storage/index';
import { storedPublicationFacts } from '../../src/inspection/storage-records';
import { migrate, postgresAdapter, type PostgresClient } from '../../src/postgres/index';
import type { PublicationFacts, StorageAdapter } from '../../src/storage/index';
import { makeDocument } from '../../src/testing/index';
import { chainEvents } from '../../src/workflow/index';
import { serverGuard } from '../postgres/server-guard';
import { runScenario } from './storage-scenario';

const now = '2026-04-01T02:00:00.000Z';

// Schemas made on the real server, dropped when the file is done (each property run makes one).
const serverSchemas: string[] = [];

async function freshAdapter(client: PostgresClient, drop?: string[]): Promise<StorageAdapter> {
  const schema = `facts_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  drop?.push(schema);
  await migrate(client, { schema });
  return postgresAdapter({ client, schema });
}

async function collect(facts: AsyncIterable<PublicationFacts>): Promise<PublicationFacts[]> {
  const out: PublicationFacts[] = [];
  for await (const f of facts) out.push(f);
  return out;
}

/** The reference: every document's facts from its stored JSON and all its events, no shortcut. */
async function factsThroughEvents(storage: StorageAdapter): Promise<PublicationFacts[]> {
  const out: PublicationFacts[] = [];
  let cursor: string | undefined;
  do {
    const page = await storage.listDocuments({ limit: 500, ...(cursor === undefined ? {} : { cursor }) });
    for (const d of page.items) {
      const f = factsOfDocument(d, await storage.getEvents(d.id));
      if (f) out.push(f);
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return out;
}

const instant = fc.integer({ min: 0, max: 400 }).map((h) => new Date(Date.parse('2026-03-01T00:00:00.000Z') + h * 3_600_000).toISOString());
const channel = fc.constantFrom('wechat', 'weibo', 'website', 'sms');
const outputs = fc.oneof(
  fc.array(channel.map((c) => ({ channel: c, sourceRevision: 1, contentHash: 'h' })), { maxLength: 3 }),
  fc.constant([{ channel: 7 }, 'wechat', null, { channel: 'weibo' }, [{ channel: 'rss' }]]),
  fc.constant({ channel: 'wechat' }),
  fc.constant(undefined),
);
const originality = fc.oneof(fc.constant(undefined), fc.boolean().map((original) => ({ original, copied: null })), fc.constant({ original: 'yes' }), fc.constant(null));
const details = fc.oneof(fc.constant(undefined), fc.constant({ waived: { by: 'x' } }), fc.constant({ waived: null }), fc.constant({ other: 1 }), fc.constant(null), fc.constant(['waived']));
const finding = fc.record({ ruleId: fc.constantFrom('city/absolute', 'confidentiality/mobile', 'duplicates/near-duplicate', 'channel/too-long', 'zh-gov/x'), details }).map(({ ruleId, details: d }) => ({
  ruleId,
  severity: 'warning',
  message: 'm',
  start: 0,
  end: 0,
  line: 1,
  column: 1,
  excerpt: '',
  ...(d === undefined ? {} : { details: d }),
}));
const eventData = fc.oneof(
  fc.record({ type: fc.constant('published' as const), urgent: fc.oneof(fc.constant(true), fc.constant(false), fc.constant('true'), fc.constant(undefined)), outputs, originality }),
  fc.record({ type: fc.constant('withdrawn' as const), revision: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant('2'), fc.constant(undefined)) }),
  fc.record({ type: fc.constant('waived' as const), ruleId: fc.oneof(fc.constantFrom('city/absolute', 'channel/x'), fc.constant(5), fc.constant(undefined)) }),
  fc.record({ type: fc.constantFrom('created' as const, 'updated' as const, 'revised' as const) }),
);
const revision = fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 3 }) });
const storedDocument = fc.record({
  createdAt: instant,
  revision,
  published: fc.option(
    fc.record({ revision, publishedAt: instant, outputs, originality, withdrawn: fc.option(fc.constant({ at: '2026-03-20T00:00:00.000Z', by: 'x', reason: 'r' }), { nil: null, freq: 3 }) }),
    { nil: null },
  ),
  repostOf: fc.constantFrom(undefined, '', 'doc-0', 'https://example.org/a'),
  retrospective: fc.boolean(),
  findings: fc.array(finding, { maxLength: 4 }),
  channels: fc.array(channel, { maxLength: 3 }),
  state: fc.oneof({ weight: 4, arbitrary: fc.constant('published' as const) }, { weight: 1, arbitrary: fc.constantFrom('withdrawn' as const, 'draft' as const) }),
  signatures: fc.array(fc.oneof(instant, fc.constant('2026-03-05T08:00:00+08:00'), fc.constant(7)), { maxLength: 3 }),
  events: fc.array(fc.record({ data: eventData, revision: fc.integer({ min: 1, max: 3 }), at: instant }), { maxLength: 6 }),
});

type Stored = typeof storedDocument extends fc.Arbitrary<infer T> ? T : never;

/** Writes generated documents (any shape storage accepts) through `commit`. */
async function store(storage: StorageAdapter, docs: readonly Stored[]): Promise<void> {
  let i = 0;
  for (const g of docs) {
    const id = `doc-${i++}`;
    const published = g.published
      ? (JSON.parse(JSON.stringify({ ...g.published, title: '标题', body: '正文', level: 'public', publishedBy: 'x' })) as GovDocument['published'])
      : null;
    const document = makeDocument({
      id,
      createdAt: g.createdAt,
      revision: g.revision,
      state: published ? g.state : 'draft',
      signatures: g.signatures.map((signed, k) => ({ step: `s${k}`, actorId: 'x', at: signed as string })),
      published,
      channels: g.channels,
      findings: g.findings as GovDocument['findings'],
      retrospectiveReview: g.retrospective ? { reason: 'r', actorId: 'x', at: g.createdAt, pendingSteps: ['final'] } : null,
      ...(g.repostOf === undefined ? {} : { repostOf: g.repostOf }),
    });
    const bodies = [{ data: { type: 'created' as const }, revision: 1, at: g.createdAt }, ...g.events].map((e) => {
      const { type, ...data } = e.data;
      return { documentId: id, type, actor: { id: 'x', roles: ['admin' as const] }, at: e.at, revision: e.revision, data: JSON.parse(JSON.stringify(data)) as Record<string, unknown> };
    });
    await storage.commit({ document, expectedVersion: null, events: chainEvents(null, bodies) as AuditEvent[] });
  }
}

function differential(name: string, make: () => Promise<StorageAdapter>) {
  describe(`PublicationFacts: SQL and the fallback agree — ${name}`, () => {
    it('on real lifecycles through the publisher: facts, records and the inspection', async () => {
      const storage = await make();
      await runScenario(storage);
      const sql = await collect(storedPublicationFacts(storage));
      expect(sql.length).toBeGreaterThan(0);
      expect(sql).toEqual(await collect(storedPublicationFacts(storage, { through: 'documents' })));
      // Both skip the events of the documents that stand alone; the rest are the full facts.
      const full = await factsThroughEvents(storage);
      expect(sql.filter((f) => f.events !== null)).toEqual(full.filter((f) => sql.find((g) => g.id === f.id)!.events !== null));
      expect(sql.some((f) => f.events === null) && sql.some((f) => f.events !== null)).toBe(true);
      // The same records and inspection as the base contract alone gives.
      const base: StorageAdapter = { getDocument: (id) => storage.getDocument(id), listDocuments: (q) => storage.listDocuments(q), getEvents: (id) => storage.getEvents(id), commit: (r) => storage.commit(r) };
      expect(await collectPublicationRecords(storage, { to: now })).toEqual(await collectPublicationRecords(base, { to: now }));
      const window = { from: '2026-03-01T00:00:00+08:00', to: '2026-03-31T23:59:59+08:00', now };
      expect(await inspectStorage(storage, window)).toEqual(await inspectStorage(base, window));
    }, 120_000);

    it('on stored data of any shape, across pages', async () => {
      let stoodAlone = 0;
      let readEvents = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(storedDocument, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 7 }), async (docs, limit) => {
          const storage = await make();
          await store(storage, docs);
          const reference = await collect(storedPublicationFacts(storage, { through: 'documents', pageSize: 3 }));
          const paged: PublicationFacts[] = [];
          let cursor: string | undefined;
          do {
            const page = await storage.publicationFacts!({ limit, ...(cursor === undefined ? {} : { cursor }) });
            expect(page.items.length).toBeLessThanOrEqual(limit);
            paged.push(...page.items);
            cursor = page.nextCursor;
          } while (cursor !== undefined);
          expect(paged).toEqual(reference);
          stoodAlone += paged.filter((f) => f.events === null).length;
          readEvents += paged.filter((f) => f.events !== null).length;
          expect(await storage.documentChannels!()).toEqual([...new Set(docs.flatMap((d) => d.channels))].sort());
        }),
        { numRuns: 12 },
      );
      // Both kinds were exercised.
      expect(stoodAlone).toBeGreaterThan(0);
      expect(readEvents).toBeGreaterThan(0);
    }, 120_000);

    it('refuses a bad page query with VALIDATION', async () => {
      const storage = await make();
      await expect(storage.publicationFacts!({ limit: 0 })).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [expect.objectContaining({ path: ['limit'] })] } });
      await expect(storage.publicationFacts!({ cursor: 'nope' })).rejects.toMatchObject({ code: 'VALIDATION' });
    });
  });
}

const pglite = new PGlite();
afterAll(() => pglite.close());
differential('memory adapter', async () => memoryAdapter());
differential('PGlite', () => freshAdapter(pglite));

const url = serverGuard('PublicationFacts on a PostgreSQL server');
if (url) {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  afterAll(async () => {
    for (const schema of serverSchemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });
  differential('real PostgreSQL server', () => freshAdapter(pool, serverSchemas));
}
