import { beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { GovDocument } from '../../src/document/index';
import { makeDocument, makeEvents } from '../../src/testing/index';

// Count how many documents the adapter tests against a query: the work a page costs.
const examined = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/storage/list-query', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/storage/list-query')>();
  return {
    ...original,
    matchesQuery: (...args: Parameters<typeof original.matchesQuery>) => {
      examined.count++;
      return original.matchesQuery(...args);
    },
  };
});

const { memoryAdapter } = await import('../../src/storage/index');
const { matchesQuery, normalizeListQuery } = await import('../../src/storage/list-query');
type ListQuery = import('../../src/storage/index').ListQuery;

/** The behaviour before the sorted index: filter and sort every document for each page (the reference). */
function referencePage(all: readonly GovDocument[], query: ListQuery, after: { createdAt: string; id: string } | undefined): string[] {
  const q = normalizeListQuery(query);
  return all
    .filter((d) => matchesQuery(d, q))
    .filter((d) => !after || d.createdAt > after.createdAt || (d.createdAt === after.createdAt && d.id > after.id))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((d) => d.id);
}

async function store(docs: readonly GovDocument[]) {
  const adapter = memoryAdapter();
  for (const d of docs) await adapter.commit({ document: d, expectedVersion: null, events: makeEvents(d, 1) });
  return adapter;
}

async function pageThrough(adapter: ReturnType<typeof memoryAdapter>, query: ListQuery): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await adapter.listDocuments({ ...query, ...(cursor === undefined ? {} : { cursor }) });
    pages++;
    ids.push(...page.items.map((d) => d.id));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return { ids, pages };
}

describe('memory adapter paging over a sorted keyset index', () => {
  beforeEach(() => {
    examined.count = 0;
  });

  it('a full pass tests each document about once, not once per page', async () => {
    const n = 2_000;
    const docs = Array.from({ length: n }, (_, i) =>
      makeDocument({ id: `d-${String(i).padStart(5, '0')}`, createdAt: `2024-01-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(4, '0').slice(-3)}Z` }),
    );
    const adapter = await store(docs);
    examined.count = 0;
    const { ids, pages } = await pageThrough(adapter, { limit: 50 });
    expect(ids).toHaveLength(n);
    expect(pages).toBe(40);
    // Each page reads its 50 documents and one more to know a next page exists.
    expect(examined.count).toBeLessThanOrEqual(n + pages);
    // The old listing tested all n documents on each of the 40 pages.
    expect(examined.count).toBeLessThan((n * pages) / 20);
  });

  it('a selective filter walks past non-matching documents once in total', async () => {
    const docs = Array.from({ length: 600 }, (_, i) => makeDocument({ id: `d-${String(i).padStart(4, '0')}`, department: i % 10 === 0 ? '宣传科' : '办公室' }));
    const adapter = await store(docs);
    const expected = referencePage(docs, { department: '宣传科' }, undefined);
    examined.count = 0;
    const { ids, pages } = await pageThrough(adapter, { department: '宣传科', limit: 7 });
    expect(ids).toEqual(expected);
    // Each page walks on to one match past its end (about 10 documents here), which the next
    // page walks again; the old listing tested all 600 on each of the 9 pages.
    expect(examined.count).toBeLessThanOrEqual(600 + pages * 10);
  });

  it('pages exactly as the old filter-and-sort listing did, for any documents, filters and updates', async () => {
    const key = fc.record({
      id: fc.constantFrom('a', 'B', 'b', 'c-1', 'c-2', 'Z', 'doc-10', 'doc-9'),
      createdAt: fc.constantFrom('2024-01-01T00:00:00.000Z', '2024-01-01T00:00:01.000Z', '2024-02-01T00:00:00.000Z', '2023-12-31T23:59:59.999Z'),
      department: fc.constantFrom('办公室', '宣传科'),
      state: fc.constantFrom('draft' as const, 'published' as const),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(key, { maxLength: 30 }), fc.integer({ min: 1, max: 6 }), fc.option(fc.constantFrom('办公室', '宣传科'), { nil: undefined }), async (rows, limit, department) => {
        const adapter = memoryAdapter();
        const latest = new Map<string, GovDocument>();
        for (const row of rows) {
          const current = latest.get(row.id);
          // A repeated id is an update of that document (same createdAt, as the publisher keeps it).
          const doc = makeDocument({ id: row.id, createdAt: current?.createdAt ?? row.createdAt, department: row.department, state: row.state, version: (current?.version ?? 0) + 1 });
          await adapter.commit({ document: doc, expectedVersion: current ? current.version : null, events: makeEvents(doc, 1, current ? { after: { seq: current.version, hash: 'x'.repeat(64) } } : {}) }).catch(() => undefined);
          const stored = await adapter.getDocument(row.id);
          if (stored) latest.set(row.id, stored);
        }
        const query: ListQuery = { limit, ...(department ? { department } : {}) };
        const { ids } = await pageThrough(adapter, query);
        expect(ids).toEqual(referencePage([...latest.values()], query, undefined));
      }),
      { numRuns: 150 },
    );
  });

  it('a document created while a client pages never causes gaps or repeats among the earlier ones', async () => {
    const docs = Array.from({ length: 20 }, (_, i) => makeDocument({ id: `d-${String(i).padStart(2, '0')}` }));
    const adapter = await store(docs);
    const first = await adapter.listDocuments({ limit: 5 });
    // Sorts before the cursor (same createdAt, smaller id): must not show up on later pages.
    const early = makeDocument({ id: 'd-00a' });
    await adapter.commit({ document: early, expectedVersion: null, events: makeEvents(early, 1) });
    const after: string[] = [];
    let cursor = first.nextCursor;
    while (cursor !== undefined) {
      const page = await adapter.listDocuments({ limit: 5, cursor });
      after.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor;
    }
    expect([...first.items.map((d) => d.id), ...after]).toEqual(docs.map((d) => d.id));
  });
});
