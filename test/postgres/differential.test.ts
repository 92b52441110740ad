// Differential property test: for random documents and random list queries, the PostgreSQL
// adapter (on PGlite) and memoryAdapter() must list the same ids in the same order, page by
// page. The conformance kit checks each filter on one hand-made data set; this explores
// the combinations (missing departments, ties, mixed-case and Chinese ids, empty channels).
import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEVELS } from '../../src/confidentiality/levels';
import type { ListQuery, StorageAdapter } from '../../src/storage/adapter';
import { memoryAdapter } from '../../src/storage/memory-adapter';
import { makeDocument, makeEvents } from '../../src/testing/index';
import { DOCUMENT_STATES, type GovDocument } from '../../src/document/index';
import { scratchSchemas } from './harness';

const CHANNELS = ['website', 'wechat', 'weibo', 'sms'] as const;
const DEPARTMENTS = ['办公室', '宣传科', 'IT'] as const;

// Ids from ASCII letters of both cases, digits, '-' and two CJK characters: byte order and
// UTF-16 order agree on all of them (see docs/adapters.md, Limits).
const idArb = fc.string({ unit: fc.constantFrom(...'aAbBzZ09-政务'.split('')), minLength: 1, maxLength: 6 });

const docArb = fc.record({
  id: idArb,
  state: fc.constantFrom(...DOCUMENT_STATES),
  channels: fc.uniqueArray(fc.constantFrom(...CHANNELS), { maxLength: 3 }),
  department: fc.option(fc.constantFrom(...DEPARTMENTS), { nil: undefined }),
  authorId: fc.constantFrom('a1', 'a2', 'a3'),
  level: fc.constantFrom(...LEVELS),
  urgent: fc.boolean(),
  // Few distinct timestamps, so ties broken by id are common.
  minute: fc.integer({ min: 0, max: 5 }),
});

const queryArb: fc.Arbitrary<ListQuery> = fc.record(
  {
    state: fc.oneof(fc.constantFrom(...DOCUMENT_STATES), fc.uniqueArray(fc.constantFrom(...DOCUMENT_STATES), { minLength: 1, maxLength: 3 })),
    department: fc.constantFrom(...DEPARTMENTS),
    channel: fc.constantFrom(...CHANNELS),
    authorId: fc.constantFrom('a1', 'a2', 'a3'),
    level: fc.constantFrom(...LEVELS),
    needsRetrospectiveReview: fc.boolean(),
    limit: fc.integer({ min: 1, max: 12 }),
  },
  { requiredKeys: [] },
);

async function allPages(storage: StorageAdapter, query: ListQuery): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await storage.listDocuments(cursor === undefined ? query : { ...query, cursor });
    pages.push(page.items.map((d) => d.id));
    cursor = page.nextCursor;
  } while (cursor !== undefined && pages.length < 200);
  return pages;
}

describe('postgresAdapter lists exactly like memoryAdapter()', () => {
  const db = new PGlite();
  const scratch = scratchSchemas(db, 'diff');
  const memory = memoryAdapter();
  let postgres: StorageAdapter;

  beforeAll(async () => {
    postgres = await scratch.factory();
    const specs = fc.sample(fc.uniqueArray(docArb, { selector: (d) => d.id, minLength: 60, maxLength: 60 }), { numRuns: 1, seed: 20240501 })[0]!;
    for (const spec of specs) {
      const createdAt = new Date(Date.UTC(2024, 4, 1, 0, spec.minute)).toISOString();
      const doc: GovDocument = makeDocument({
        id: spec.id,
        state: spec.state,
        channels: spec.channels,
        authorId: spec.authorId,
        level: spec.level,
        retrospectiveReview: spec.urgent ? { reason: '紧急', actorId: 'x', at: createdAt, pendingSteps: ['final'] } : null,
        createdAt,
        updatedAt: createdAt,
      });
      if (spec.department === undefined) delete doc.department;
      else doc.department = spec.department;
      const request = { document: doc, expectedVersion: null, events: makeEvents(doc, 1) };
      await memory.commit(request);
      await postgres.commit(request);
    }
  });
  afterAll(async () => {
    await scratch.teardown(postgres);
    await db.close();
  });

  it('for random filter combinations and page sizes', async () => {
    await fc.assert(
      fc.asyncProperty(queryArb, async (query) => {
        expect(await allPages(postgres, query)).toEqual(await allPages(memory, query));
      }),
      { numRuns: 40 },
    );
  });
});
