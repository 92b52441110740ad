// The shared fingerprint index (migration 3), shared by the PGlite and real-server files.
import { expect } from 'vitest';
import { createPublisher, fingerprintHashes, fingerprintScheme, isGovpubError, type Actor, type StorageAdapter } from '../../src/index';
import type { PostgresClient } from '../../src/postgres/index';
import { makeDocument, makeEvents } from '../../src/testing/index';
import { prng, randomText } from '../duplicates/fixtures';

const author: Actor = { id: 'zhang.wei', roles: ['author'], department: 'office' };
const scheme = fingerprintScheme();

/** The adapter without its change feed: a gate over it can learn of others' commits only through the shared index. */
function withoutFeed(storage: StorageAdapter): StorageAdapter {
  return {
    getDocument: (id) => storage.getDocument(id),
    listDocuments: (q) => storage.listDocuments(q),
    getEvents: (id) => storage.getEvents(id),
    commit: (r) => storage.commit(r),
    ...(storage.exclusive ? { exclusive: storage.exclusive.bind(storage) } : {}),
    ...(storage.fingerprints ? { fingerprints: storage.fingerprints } : {}),
  };
}

/** candidates(): ranking by shared share, exclusion, scheme, null hashes and the frequency cap. */
export async function candidateRanking(storage: StorageAdapter): Promise<void> {
  const fp = storage.fingerprints!;
  const write = async (id: string, hashes: number[] | null, s = scheme) => {
    const doc = makeDocument({ id, createdAt: `2024-03-01T08:00:0${id.length % 10}.000Z` });
    await storage.commit({ document: doc, expectedVersion: null, events: makeEvents(doc, 1), fingerprints: { scheme: s, hashes } });
  };
  const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  await write('half', range(1, 50));
  await write('most', range(1, 90));
  await write('big', [...range(1, 60), ...range(1000, 940)]); // shares 60 of its 1000
  await write('other-scheme', range(1, 100), '7/9');
  await write('none', null);
  await write('top-bits', [0xffffffff, 0x80000000, 5]);
  const query = range(1, 100);
  const got = await fp.candidates(scheme, query, { limit: 10 });
  expect(got).toEqual([
    { documentId: 'half', shared: 50, total: 50 },
    { documentId: 'most', shared: 90, total: 90 },
    { documentId: 'big', shared: 60, total: 1000 },
  ]); // top-bits shares only hash 5: one shared hash is not enough when both sides have more
  expect((await fp.candidates(scheme, query, { limit: 10, exclude: ['half', 'most'] })).map((c) => c.documentId)).toEqual(['big']);
  expect((await fp.candidates(scheme, [0xffffffff, 0x80000000], { limit: 10 })).map((c) => c.documentId)).toEqual(['top-bits']);
  // Hashes 1..50 are in three documents: with a cap of 2 they propose nothing.
  expect((await fp.candidates(scheme, range(1, 50), { limit: 10, maxDocumentFrequency: 2 })).map((c) => c.documentId)).toEqual([]);
  // 51..60 are in most, big and other-scheme (a hash counts in every scheme): dropped too.
  expect((await fp.candidates(scheme, range(51, 40), { limit: 10, maxDocumentFrequency: 2 }))).toEqual([{ documentId: 'most', shared: 30, total: 90 }]);
  // A commit that sets the hashes to null takes the document out.
  const most = (await storage.getDocument('most'))!;
  const next = { ...most, version: 2 };
  await storage.commit({ document: next, expectedVersion: 1, events: makeEvents(next, 1, { after: (await storage.getEvents('most'))[0]! }), fingerprints: { scheme, hashes: null } });
  expect((await fp.candidates(scheme, query, { limit: 10 })).map((c) => c.documentId)).toEqual(['half', 'big']);
  // A commit without a fingerprints part leaves them as they were.
  const half = (await storage.getDocument('half'))!;
  await storage.commit({ document: { ...half, version: 2, title: '新标题' }, expectedVersion: 1, events: makeEvents(half, 1, { after: (await storage.getEvents('half'))[0]! }) });
  expect((await fp.candidates(scheme, query, { limit: 1 })).map((c) => c.documentId)).toEqual(['half']);
  // put() writes only at the stated version.
  expect(await fp.put('half', 1, { scheme, hashes: [7] })).toBe(false);
  expect(await fp.put('half', 2, { scheme, hashes: [7, 8] })).toBe(true);
  expect((await fp.candidates(scheme, [7, 8], { limit: 5 })).map((c) => c.documentId)).toEqual(['big', 'half']); // both hold all of the query: a tie, by id
  await expect(fp.candidates(scheme, [1.5], { limit: 1 })).rejects.toMatchObject({ code: 'VALIDATION' });
}

/**
 * A near-copy through an instance that cannot see the other's commits in any other way (no
 * change feed, started before the original existed) is caught through the shared index; the
 * original's fingerprints are in the database as soon as its submit returns.
 */
export async function nearCopyThroughSharedIndex(a: StorageAdapter, b: StorageAdapter, client: PostgresClient, schema: string): Promise<void> {
  let n = 0;
  const one = createPublisher({ storage: withoutFeed(a), caliber: false, idGenerator: () => `a-${++n}` });
  const two = createPublisher({ storage: withoutFeed(b), caliber: false, idGenerator: () => `b-${++n}` });
  const base = randomText(prng(7), 900);
  const copy = await two.createDraft({ title: '关于城区供水管网改造的通知', body: `本站讯。${base.slice(10, -10)}（完）`, level: 'public' }, author);
  const original = await one.createDraft({ title: '关于城区供水管网改造的通知', body: base, level: 'public' }, author);
  await one.submit(original.id, author);
  const { rows } = await client.query(`SELECT hash_count FROM "${schema}".fingerprint_documents WHERE document_id = $1`, [original.id]);
  expect((rows[0] as { hash_count: number }).hash_count).toBe(fingerprintHashes(`${original.title}\n\n${original.body}`).length);
  const error = await two.submit(copy.id, author).catch((e: unknown) => e);
  expect(isGovpubError(error) && error.code).toBe('CHECKS_FAILED');
  expect(isGovpubError(error) && (error.details?.findings as { ruleId: string; details?: { otherId?: string } }[]).find((f) => f.ruleId === 'duplicates/near-duplicate')?.details?.otherId).toBe(original.id);
  // A draft (never in review) is fingerprinted as not indexed: it is no candidate.
  const { rows: draftRows } = await client.query(`SELECT hash_count FROM "${schema}".fingerprint_documents WHERE document_id = $1`, [copy.id]);
  expect((draftRows[0] as { hash_count: number }).hash_count).toBe(0);
}

/**
 * Documents stored without fingerprints (a publisher without the duplicates gate, or before
 * migration 3) are fingerprinted when a publisher with the gate starts.
 */
export async function backfillOnStart(storage: StorageAdapter): Promise<void> {
  let n = 0;
  const legacy = createPublisher({ storage, caliber: false, duplicates: false, idGenerator: () => `old-${++n}` });
  const base = randomText(prng(21), 900);
  const original = await legacy.createDraft({ title: '关于开展安全检查的通知', body: base, level: 'public' }, author);
  await legacy.submit(original.id, author);
  expect(await storage.fingerprints!.unindexed(scheme, 10)).toHaveLength(1);
  const current = createPublisher({ storage, caliber: false, idGenerator: () => `new-${++n}` });
  const copy = await current.createDraft({ title: '关于开展安全检查的通知', body: `${base.slice(0, -20)}特此通知。`, level: 'public' }, author);
  expect(await storage.fingerprints!.unindexed(scheme, 10)).toHaveLength(0);
  const error = await current.submit(copy.id, author).catch((e: unknown) => e);
  expect(isGovpubError(error) && error.code).toBe('CHECKS_FAILED');
}
