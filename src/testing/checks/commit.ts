import { isGovpubError } from '../../errors/index';
import type { StorageAdapter } from '../../storage/index';
import type { AuditEvent, GovDocument } from '../../document/index';
import { assert } from '../assert';
import type { ConformanceCheck } from '../check';
import { makeDocument, makeEvents } from '../fixtures';
import { nextVersion, seed } from './helpers';

/** A snapshot of everything stored about one document, to prove a refused commit changed nothing. */
async function snapshot(storage: StorageAdapter, id: string): Promise<{ document: GovDocument | null; events: AuditEvent[] }> {
  return { document: await storage.getDocument(id), events: await storage.getEvents(id) };
}

/**
 * Runs `attempts` at once and returns which settled how. Rejections other than `CONFLICT`
 * fail the check: a loser must be told to re-read, not see a driver error.
 */
async function race(attempts: (() => Promise<void>)[]): Promise<{ winners: number[]; losers: number[] }> {
  const settled = await Promise.allSettled(attempts.map((attempt) => attempt()));
  const winners: number[] = [];
  const losers: number[] = [];
  settled.forEach((result, i) => {
    if (result.status === 'fulfilled') winners.push(i);
    else if (isGovpubError(result.reason) && result.reason.code === 'CONFLICT') losers.push(i);
    else assert.fail(`concurrent commit #${i} failed with something other than GovpubError CONFLICT: ${String(result.reason)}`, result.reason);
  });
  return { winners, losers };
}

/** Optimistic concurrency: create conflicts, stale versions, races, lost updates, atomicity. */
export const commitChecks: readonly ConformanceCheck[] = [
  {
    id: 'commit/create-conflict',
    title: 'creating an id that exists (expectedVersion null) is a CONFLICT and writes nothing',
    async run({ adapter }) {
      const storage = await adapter();
      const original = makeDocument({ id: 'taken' });
      await seed(storage, [original]);
      const before = await snapshot(storage, original.id);
      const impostor = makeDocument({ id: 'taken', title: '冒名文档', authorId: 'someone-else' });
      await assert.rejects(
        storage.commit({ document: impostor, expectedVersion: null, events: makeEvents(impostor, 2) }),
        'CONFLICT',
        'commit({ expectedVersion: null }) for an existing id',
      );
      assert.equal(await snapshot(storage, original.id), before, 'the document and its events after the refused create');
    },
  },
  {
    id: 'commit/stale-version',
    title: 'a stale, future or unknown expectedVersion is a CONFLICT and writes nothing',
    async run({ adapter }) {
      const storage = await adapter();
      const v1 = makeDocument({ id: 'stale' });
      await seed(storage, [v1]);
      const v2 = nextVersion(v1, await storage.getEvents(v1.id), { title: '第二版' });
      await storage.commit(v2);
      const before = await snapshot(storage, v1.id);

      const stale = nextVersion(v1, before.events, { title: '基于第一版的修改' }, 3);
      await assert.rejects(storage.commit(stale), 'CONFLICT', 'commit with the version read before another write (stale)');
      assert.equal(await snapshot(storage, v1.id), before, 'the document and its events after the stale commit');

      const future = { ...nextVersion(v2.document, before.events), expectedVersion: v2.document.version + 5 };
      await assert.rejects(storage.commit(future), 'CONFLICT', 'commit with an expectedVersion above the stored one');
      assert.equal(await snapshot(storage, v1.id), before, 'the document and its events after the future-version commit');

      const ghost = makeDocument({ id: 'never-created', version: 2 });
      await assert.rejects(
        storage.commit({ document: ghost, expectedVersion: 1, events: makeEvents(ghost, 1) }),
        'CONFLICT',
        'commit with a numeric expectedVersion for an id that does not exist',
      );
      assert.equal(await snapshot(storage, ghost.id), { document: null, events: [] }, 'the unknown id after the refused commit');
    },
  },
  {
    id: 'commit/updates-append-events',
    title: 'successive commits replace the document and append their events in order',
    async run({ adapter }) {
      const storage = await adapter();
      let doc = makeDocument({ id: 'appends' });
      await seed(storage, [doc]);
      const sizes = [1, 3, 2];
      for (const size of sizes) {
        const request = nextVersion(doc, await storage.getEvents(doc.id), { title: `第${doc.version + 1}版` }, size);
        await storage.commit(request);
        assert.equal(await storage.getDocument(doc.id), request.document, `getDocument() right after committing version ${request.document.version}`);
        doc = request.document;
      }
      const events = await storage.getEvents(doc.id);
      assert.equal(events.map((e) => e.seq), [1, 2, 3, 4, 5, 6, 7], 'event seqs after four commits of 1, 1, 3 and 2 events');
      assert.equal(await storage.getDocument(doc.id), doc, 'getDocument() after four commits');
    },
  },
  {
    id: 'commit/concurrent-same-version',
    title: 'of N concurrent commits with the same expectedVersion exactly one wins; the others are CONFLICT',
    async run({ adapter, concurrency }) {
      const storage = await adapter();
      const v1 = makeDocument({ id: 'contended' });
      await seed(storage, [v1]);
      const history = await storage.getEvents(v1.id);
      const requests = Array.from({ length: concurrency }, (_, i) => nextVersion(v1, history, { title: `并发修改 ${i}` }, 2));
      const { winners, losers } = await race(requests.map((r) => () => storage.commit(r)));
      assert.ok(winners.length === 1, `${winners.length} of ${concurrency} concurrent commits succeeded; exactly one must`);
      assert.ok(losers.length === concurrency - 1, 'every other concurrent commit must be refused with CONFLICT');
      const winner = requests[winners[0]!]!;
      assert.equal(await storage.getDocument(v1.id), winner.document, 'the document after the race (must be the winner\'s)');
      assert.equal(await storage.getEvents(v1.id), [...history, ...winner.events], 'the events after the race (the winner\'s only)');
    },
  },
  {
    id: 'commit/concurrent-creates',
    title: 'of N concurrent creates of one id exactly one wins',
    async run({ adapter, concurrency }) {
      const storage = await adapter();
      const requests = Array.from({ length: concurrency }, (_, i) => {
        const document = makeDocument({ id: 'born-once', title: `并发创建 ${i}`, authorId: `author-${i}` });
        return { document, expectedVersion: null, events: makeEvents(document, 1) };
      });
      const { winners } = await race(requests.map((r) => () => storage.commit(r)));
      assert.ok(winners.length === 1, `${winners.length} of ${concurrency} concurrent creates succeeded; exactly one must`);
      const winner = requests[winners[0]!]!;
      assert.equal(await snapshot(storage, 'born-once'), { document: winner.document, events: winner.events }, 'the document after the race');
    },
  },
  {
    id: 'commit/no-lost-updates',
    title: 'N writers that re-read and retry on CONFLICT lose no update',
    async run({ adapter, concurrency }) {
      const storage = await adapter();
      const doc = makeDocument({ id: 'counter', tags: [] });
      await seed(storage, [doc]);
      const perWriter = 3;
      const writer = async (w: number): Promise<void> => {
        for (let done = 0; done < perWriter; ) {
          const current = await storage.getDocument(doc.id);
          assert.ok(current !== null, 'the document disappeared while writers were updating it');
          const request = nextVersion(current, await storage.getEvents(doc.id), { tags: [...(current.tags ?? []), `w${w}-${done}`] });
          try {
            await storage.commit(request);
            done++;
          } catch (e) {
            if (!isGovpubError(e) || e.code !== 'CONFLICT') throw e;
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, (_, w) => writer(w)));
      const final = await storage.getDocument(doc.id);
      const total = concurrency * perWriter;
      assert.ok(final !== null, 'the document is gone');
      assert.ok(final.version === doc.version + total, `version is ${final.version} after ${total} successful commits from ${doc.version}; updates were lost`);
      assert.ok((final.tags ?? []).length === total, `${(final.tags ?? []).length} of ${total} writers' tags survived; updates were lost`);
      const events = await storage.getEvents(doc.id);
      assert.equal(events.map((e) => e.seq), Array.from({ length: total + 1 }, (_, i) => i + 1), 'event seqs after the writers finished');
    },
  },
  {
    id: 'commit/atomic',
    title: 'a refused commit writes neither its document nor any of its events, even among successful ones',
    async run({ adapter, concurrency }) {
      const storage = await adapter();
      const a = makeDocument({ id: 'atomic-a' });
      const b = makeDocument({ id: 'atomic-b', createdAt: '2024-03-01T08:00:01.000Z' });
      await seed(storage, [a, b]);
      const historyA = await storage.getEvents(a.id);
      const historyB = await storage.getEvents(b.id);
      // Interleave valid commits to B with doomed ones to A, so an adapter that buffers or
      // batches writes across calls cannot hide a partial write behind a later success.
      const goodB = nextVersion(b, historyB, { title: 'B 第二版' }, 2);
      const doomedA = Array.from({ length: concurrency }, (_, i) => ({ ...nextVersion(a, historyA, { title: `A 不应写入 ${i}` }, 3), expectedVersion: 7 }));
      const settled = await Promise.allSettled([storage.commit(goodB), ...doomedA.map((r) => storage.commit(r))]);
      assert.ok(settled[0]!.status === 'fulfilled', `the valid commit to another document failed: ${String((settled[0] as PromiseRejectedResult).reason)}`);
      for (const result of settled.slice(1)) {
        assert.ok(result.status === 'rejected' && isGovpubError(result.reason) && result.reason.code === 'CONFLICT', 'a commit with a wrong expectedVersion must be refused with CONFLICT');
      }
      assert.equal(await snapshot(storage, a.id), { document: a, events: historyA }, 'the document refused every commit');
      assert.equal(await snapshot(storage, b.id), { document: goodB.document, events: [...historyB, ...goodB.events] }, 'the other document');
      const listed = (await storage.listDocuments({ limit: 10 })).items.find((d) => d.id === a.id);
      assert.equal(listed, a, 'listDocuments() view of the document whose commits were refused');
    },
  },
];
