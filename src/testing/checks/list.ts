import type { ListQuery, StorageAdapter } from '../../storage/index';
import type { GovDocument } from '../../document/index';
import { assert } from '../assert';
import type { ConformanceCheck, ConformanceEnv } from '../check';
import { makeDocument } from '../fixtures';
import { bumpIso, byCreatedAtThenId, collectIds, listDataset, nextVersion, seed } from './helpers';

/** A filter check: the query, and the predicate it must agree with on {@link listDataset}. */
interface FilterCase {
  id: string;
  title: string;
  query: Omit<ListQuery, 'limit' | 'cursor'>;
  keep: (d: GovDocument) => boolean;
}

const FILTER_CASES: readonly FilterCase[] = [
  { id: 'state', title: 'state (one value)', query: { state: 'published' }, keep: (d) => d.state === 'published' },
  {
    id: 'state-array',
    title: 'state (several values)',
    query: { state: ['draft', 'rejected', 'withdrawn'] },
    keep: (d) => ['draft', 'rejected', 'withdrawn'].includes(d.state),
  },
  { id: 'department', title: 'department', query: { department: '宣传科' }, keep: (d) => d.department === '宣传科' },
  { id: 'channel', title: 'channel (documents targeting it)', query: { channel: 'website' }, keep: (d) => d.channels.includes('website') },
  { id: 'author', title: 'authorId', query: { authorId: 'author-1' }, keep: (d) => d.authorId === 'author-1' },
  { id: 'level', title: 'level', query: { level: 'internal' }, keep: (d) => d.level === 'internal' },
  {
    id: 'retrospective',
    title: 'needsRetrospectiveReview: true',
    query: { needsRetrospectiveReview: true },
    keep: (d) => d.retrospectiveReview !== null,
  },
  {
    id: 'retrospective-false',
    title: 'needsRetrospectiveReview: false',
    query: { needsRetrospectiveReview: false },
    keep: (d) => d.retrospectiveReview === null,
  },
  {
    id: 'combined',
    title: 'several filters at once (AND)',
    query: { state: ['draft', 'approved', 'published', 'in_review'], channel: 'website', level: 'public' },
    keep: (d) => ['draft', 'approved', 'published', 'in_review'].includes(d.state) && d.channels.includes('website') && d.level === 'public',
  },
];

/** A fresh adapter holding {@link listDataset}, and the data set in contract order. */
async function seededDataset(adapter: ConformanceEnv['adapter']): Promise<{ storage: StorageAdapter; docs: GovDocument[]; ordered: GovDocument[] }> {
  const storage = await adapter();
  const docs = listDataset();
  await seed(storage, docs);
  return { storage, docs, ordered: [...docs].sort(byCreatedAtThenId) };
}

function filterCheck(c: FilterCase): ConformanceCheck {
  return {
    id: `list/filter-${c.id}`,
    title: `filter by ${c.title} returns exactly the matching documents, in order, across pages`,
    async run({ adapter }) {
      const { storage, docs } = await seededDataset(adapter);
      const expected = docs.filter(c.keep).sort(byCreatedAtThenId).map((d) => d.id);
      // A filter that keeps nothing or everything proves nothing; guard the kit's own data.
      assert.ok(expected.length > 0 && expected.length < docs.length, `kit bug: filter ${c.id} selects ${expected.length} of ${docs.length}`);
      assert.equal(await collectIds(storage, { ...c.query, limit: 4 }), expected, `ids listed for ${JSON.stringify(c.query)} (limit 4)`);
      assert.equal(await collectIds(storage, { ...c.query, limit: 500 }), expected, `ids listed for ${JSON.stringify(c.query)} (limit 500)`);
    },
  };
}

/** Listing: order, keyset pagination (also while others write), every filter, bounds, errors. */
export const listChecks: readonly ConformanceCheck[] = [
  {
    id: 'list/empty',
    title: 'an empty store lists no items and no cursor',
    async run({ adapter }) {
      const storage = await adapter();
      const page = await storage.listDocuments({});
      assert.equal(page, { items: [] }, 'listDocuments({}) on an empty store');
    },
  },
  {
    id: 'list/order',
    title: 'documents list by (createdAt, id) ascending, ids compared by code unit, whatever the insertion order',
    async run({ adapter }) {
      const { storage, ordered } = await seededDataset(adapter);
      const page = await storage.listDocuments({ limit: 500 });
      assert.ok(page.nextCursor === undefined, 'a page holding every document must not carry a nextCursor');
      assert.equal(page.items, ordered, 'listDocuments({ limit: 500 }).items');
    },
  },
  {
    id: 'list/pagination',
    title: 'following nextCursor visits every document once, in order, for any page size',
    async run({ adapter }) {
      const { storage, ordered } = await seededDataset(adapter);
      const expected = ordered.map((d) => d.id);
      for (const limit of [1, 2, 3, 7, 40, 41, 42]) {
        assert.equal(await collectIds(storage, { limit }), expected, `ids over all pages with limit ${limit}`);
      }
    },
  },
  {
    id: 'list/pagination-under-inserts',
    title: 'documents inserted between pages cause no gaps or repeats (keyset, not offsets)',
    async run({ adapter }) {
      const { storage, docs, ordered } = await seededDataset(adapter);
      const inserted: GovDocument[] = [];
      // After each page insert one document that sorts before everything (shifts offsets),
      // one tying an existing timestamp, and one after everything.
      const between = async (page: number): Promise<void> => {
        const early = makeDocument({ id: `early-${page}`, createdAt: bumpIso(ordered[0]!.createdAt, -3600 - page) });
        const tie = makeDocument({ id: `tie-${page}`, createdAt: ordered[(page * 5) % ordered.length]!.createdAt });
        const late = makeDocument({ id: `late-${page}`, createdAt: bumpIso(ordered[ordered.length - 1]!.createdAt, 3600 + page) });
        await seed(storage, [early, tie, late]);
        inserted.push(early, tie, late);
      };
      const ids = await collectIds(storage, { limit: 5 }, { between });
      assert.ok(new Set(ids).size === ids.length, `a document was listed twice: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`);
      const missing = ordered.filter((d) => !ids.includes(d.id)).map((d) => d.id);
      assert.ok(missing.length === 0, `documents that existed before paging began were skipped: ${missing.join(', ')}`);
      const all = new Map([...docs, ...inserted].map((d) => [d.id, d]));
      const listed = ids.map((id) => all.get(id)!);
      assert.ok(listed.every((d) => d !== undefined), 'a listed id was never written');
      assert.equal(ids, [...listed].sort(byCreatedAtThenId).map((d) => d.id), 'ids across pages (must stay in (createdAt, id) order)');
    },
  },
  {
    id: 'list/pagination-under-updates',
    title: 'documents updated between pages keep their place (order is by createdAt, not updatedAt)',
    async run({ adapter }) {
      const { storage, ordered } = await seededDataset(adapter);
      const between = async (page: number): Promise<void> => {
        // Touch a document already listed and one not yet listed.
        for (const target of [ordered[page]!, ordered[ordered.length - 1 - page]!]) {
          const current = (await storage.getDocument(target.id))!;
          await storage.commit(nextVersion(current, await storage.getEvents(target.id), { title: `翻页时修改 ${page}` }));
        }
      };
      const ids = await collectIds(storage, { limit: 6 }, { between });
      assert.equal(ids, ordered.map((d) => d.id), 'ids across pages while documents were updated');
    },
  },
  ...FILTER_CASES.map(filterCheck),
  {
    id: 'list/limit',
    title: 'limit defaults to 50, accepts 1 to 500 and refuses anything else with VALIDATION',
    async run({ adapter }) {
      const storage = await adapter();
      const docs = Array.from({ length: 53 }, (_, i) =>
        makeDocument({ id: `limit-${String(i).padStart(2, '0')}`, createdAt: bumpIso('2024-06-01T00:00:00.000Z', i) }),
      );
      await seed(storage, docs);
      const byDefault = await storage.listDocuments({});
      assert.ok(byDefault.items.length === 50, `listDocuments({}) returned ${byDefault.items.length} of 53 items; the default limit is 50`);
      assert.ok(byDefault.nextCursor !== undefined, 'a first page of 50 out of 53 must carry a nextCursor');
      const one = await storage.listDocuments({ limit: 1 });
      assert.equal(one.items.map((d) => d.id), ['limit-00'], 'listDocuments({ limit: 1 }) ids');
      const max = await storage.listDocuments({ limit: 500 });
      assert.ok(max.items.length === 53 && max.nextCursor === undefined, 'listDocuments({ limit: 500 }) must return all 53 and no cursor');
      for (const limit of [0, -1, 501, 2.5, Number.NaN, '10']) {
        await assert.rejects(storage.listDocuments({ limit } as ListQuery), 'VALIDATION', `listDocuments({ limit: ${JSON.stringify(limit)} })`);
      }
    },
  },
  {
    id: 'list/invalid-query',
    title: 'an unknown filter or a bad filter value is refused with VALIDATION',
    async run({ adapter }) {
      const storage = await adapter();
      await seed(storage, [makeDocument()]);
      const bad: unknown[] = [{ state: 'deleted' }, { state: ['draft', 'nope'] }, { level: 'secretish' }, { department: 3 }, { sort: 'title' }, { needsRetrospectiveReview: 'yes' }];
      for (const query of bad) {
        await assert.rejects(storage.listDocuments(query as ListQuery), 'VALIDATION', `listDocuments(${JSON.stringify(query)})`);
      }
    },
  },
  {
    id: 'list/invalid-cursor',
    title: 'a cursor that list() did not produce is refused with VALIDATION',
    async run({ adapter }) {
      const storage = await adapter();
      await seed(storage, [makeDocument()]);
      const foreign = btoa(JSON.stringify({ offset: 10 }));
      for (const cursor of ['not a cursor', '!!!', foreign, '']) {
        await assert.rejects(storage.listDocuments({ cursor }), 'VALIDATION', `listDocuments({ cursor: ${JSON.stringify(cursor)} })`);
      }
    },
  },
];
