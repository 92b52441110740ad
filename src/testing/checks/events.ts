import { assert } from '../assert';
import type { ConformanceCheck } from '../check';
import { makeDocument, makeEvents } from '../fixtures';
import { nextVersion } from './helpers';

/** The audit trail as read back: per document, `seq` ascending, nothing of other documents. */
export const eventChecks: readonly ConformanceCheck[] = [
  {
    id: 'events/ordered-by-seq',
    title: 'getEvents() returns only that document\'s events, seq ascending, across interleaved commits',
    async run({ adapter }) {
      const storage = await adapter();
      const docs = ['trail-c', 'trail-a', 'trail-b'].map((id, i) => makeDocument({ id, createdAt: `2024-03-01T08:00:0${i}.000Z` }));
      const heads = new Map(docs.map((d) => [d.id, d]));
      for (const d of docs) await storage.commit({ document: d, expectedVersion: null, events: makeEvents(d, 1) });
      // Round-robin commits of different sizes, so rows of the three documents interleave in
      // whatever physical order the store keeps; only an explicit order by seq reads back right.
      for (let round = 0; round < 6; round++) {
        for (const [i, id] of [...heads.keys()].entries()) {
          const current = heads.get(id)!;
          const request = nextVersion(current, await storage.getEvents(id), { title: `第${round}轮` }, 1 + ((round + i) % 3));
          await storage.commit(request);
          heads.set(id, request.document);
        }
      }
      for (const id of heads.keys()) {
        const events = await storage.getEvents(id);
        assert.ok(events.every((e) => e.documentId === id), `getEvents(${id}) returned events of another document`);
        const seqs = events.map((e) => e.seq);
        assert.equal(seqs, Array.from({ length: seqs.length }, (_, i) => i + 1), `seqs of getEvents(${id})`);
        assert.ok(events.every((e, i) => i === 0 || e.prevHash === events[i - 1]!.hash), `getEvents(${id}) broke the hash chain order`);
      }
    },
  },
];
