import { isGovpubError } from '../../errors/index';
import type { StorageAdapter } from '../../storage/index';
import type { AuditEvent, GovDocument } from '../../document/index';
import { assert } from '../assert';
import type { ConformanceCheck, ConformanceEnv } from '../check';
import { makeDocument, makeEvents } from '../fixtures';
import { nextVersion, seed } from './helpers';

/** Every page of the change feed after `cursor`, `limit` at a time; the ids in order and the last cursor. */
async function drainFeed(storage: StorageAdapter, cursor: string | null, limit: number): Promise<{ ids: string[]; docs: GovDocument[]; cursor: string | null }> {
  const docs: GovDocument[] = [];
  for (let page = 0; ; page++) {
    assert.ok(page < 10_000, 'changes() never stopped returning items');
    const result = await storage.changes!(cursor, limit);
    assert.ok(Array.isArray(result.items) && typeof result.cursor === 'string', 'changes() must resolve to { items: [...], cursor: string }');
    assert.ok(result.items.length <= limit, `changes(cursor, ${limit}) returned ${result.items.length} items`);
    if (result.items.length === 0) {
      assert.ok(cursor === null || result.cursor === cursor, 'changes() with nothing new must hand back the same cursor');
      return { ids: docs.map((d) => d.id), docs, cursor };
    }
    docs.push(...result.items);
    cursor = result.cursor;
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The second handle when the integrator gave `openSecondHandle`, else the adapter itself. */
async function handles(env: ConformanceEnv, storage: StorageAdapter): Promise<[StorageAdapter, StorageAdapter]> {
  return [storage, (await env.secondHandle?.(storage)) ?? storage];
}

/**
 * Many host instances over one store: the change feed (order, cursors, no commit hidden
 * behind a cursor already handed out), the cross-instance lock, a commit that fails halfway,
 * two handles on one store, and the shared fingerprint index. Each skips itself when the
 * adapter lacks the capability or the integrator gave no way to exercise it.
 */
export const instanceChecks: readonly ConformanceCheck[] = [
  {
    id: 'feed/order',
    title: 'changes() lists each document once, at its latest version, in commit order, and pages by cursor',
    async run({ adapter }) {
      const storage = await adapter();
      if (!storage.changes) return { skipped: 'the adapter has no change feed (changes)' };
      const docs = ['feed-a', 'feed-b', 'feed-c'].map((id) => makeDocument({ id }));
      await seed(storage, docs);
      const first = await drainFeed(storage, null, 100);
      assert.equal(first.ids, ['feed-a', 'feed-b', 'feed-c'], 'changes(null) after three creates');
      const a = nextVersion(docs[0]!, await storage.getEvents('feed-a'), { title: '改过的标题' });
      await storage.commit(a);
      const since = await drainFeed(storage, first.cursor, 100);
      assert.equal(since.docs, [a.document], 'changes(cursor) after updating feed-a');
      const paged = await drainFeed(storage, null, 1);
      assert.equal(paged.ids, ['feed-b', 'feed-c', 'feed-a'], 'changes(null) one at a time after the update (each document once, at its last commit)');
      assert.equal(paged.docs[2], a.document, 'the feed\'s feed-a (latest version)');
      const again = await storage.changes!(paged.cursor, 10);
      assert.equal(again, { items: [], cursor: paged.cursor }, 'changes(last cursor) with nothing new');
      await assert.rejects(storage.changes!('not-a-cursor', 10), 'VALIDATION', 'changes() with a cursor it did not hand out');
      // Past ten positions, one after another, read in small pages: a feed that compares its
      // positions as text ("10" < "9") skips some here on every run, not only under load.
      const more = Array.from({ length: 12 }, (_, i) => makeDocument({ id: `feed-n${String(i).padStart(2, '0')}` }));
      for (const d of more) await storage.commit({ document: d, expectedVersion: null, events: makeEvents(d, 1) });
      const later = await drainFeed(storage, paged.cursor, 4);
      assert.equal(later.ids, more.map((d) => d.id), 'changes(cursor, 4) after twelve more creates, one after another');
      const whole = await drainFeed(storage, null, 4);
      assert.equal(whole.ids, ['feed-b', 'feed-c', 'feed-a', ...more.map((d) => d.id)], 'changes(null, 4) after twelve more creates: the whole feed in pages of four');
    },
  },
  {
    id: 'feed/concurrent-commits',
    title: 'readers following changes() while others create and update at once miss no commit (none becomes visible behind a cursor already handed out)',
    async run(env) {
      const storage = await env.adapter();
      if (!storage.changes) return { skipped: 'the adapter has no change feed (changes)' };
      const [one, two] = await handles(env, storage);
      const writers = env.concurrency;
      const perWriter = 6;
      // The version each document ended at; a reader must have seen each at that version.
      const final = new Map<string, number>();
      let writing = true;
      // Two forward-only readers, as gates of two instances would follow the feed: one a
      // document at a time, one three at a time, both polling while the writers commit.
      const follow = async (limit: number) => {
        const seen = new Map<string, number>();
        let cursor: string | null = null;
        while (writing) {
          const page = await storage.changes!(cursor, limit);
          for (const d of page.items) seen.set(d.id, Math.max(seen.get(d.id) ?? 0, d.version));
          cursor = page.cursor;
          if (page.items.length === 0) await pause(1);
        }
        return { seen, cursor };
      };
      const readers = [follow(1), follow(3)];
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          const through = w % 2 ? two : one;
          // Creates and updates interleaved: an update moves a document to the feed's end.
          let current: GovDocument | undefined;
          let history: AuditEvent[] = [];
          for (let i = 0; i < perWriter; i++) {
            if (i % 3 === 2 && current) {
              const next = nextVersion(current, history, { title: `第${i}次修改` });
              await through.commit(next);
              current = next.document;
              history = [...history, ...next.events];
            } else {
              current = makeDocument({ id: `w${w}-${i}` });
              history = makeEvents(current, 1);
              await through.commit({ document: current, expectedVersion: null, events: history });
            }
            final.set(current.id, current.version);
          }
        }),
      );
      writing = false;
      for (const [r, reader] of (await Promise.all(readers)).entries()) {
        // Every writer has returned, so every commit is done; a feed may still take a moment
        // to hand out the last ones (never behind the cursor, though): poll up to 2 s.
        let missed: string[] = [];
        for (let waited = 0, cursor = reader.cursor; ; waited += 50) {
          const rest = await drainFeed(storage, cursor, 50);
          for (const d of rest.docs) reader.seen.set(d.id, Math.max(reader.seen.get(d.id) ?? 0, d.version));
          cursor = rest.cursor;
          missed = [...final].filter(([id, version]) => (reader.seen.get(id) ?? 0) < version).map(([id, version]) => `${id}@v${version}`);
          if (missed.length === 0 || waited >= 2000) break;
          await pause(50);
        }
        assert.ok(
          missed.length === 0,
          `${missed.length} of ${final.size} concurrently committed documents never appeared after the reader's cursor at their last version (reader ${r + 1}, pages of ${r === 0 ? 1 : 3}; e.g. ${missed.slice(0, 3).join(', ')}): a commit became visible behind a cursor already handed out`,
        );
      }
    },
  },
  {
    id: 'exclusive/mutual-exclusion',
    title: 'exclusive(key, work) never runs two works for one key at once, across two handles, and releases the key when work throws',
    async run(env) {
      const storage = await env.adapter();
      if (!storage.exclusive) return { skipped: 'the adapter has no exclusive()' };
      const [one, two] = await handles(env, storage);
      let inside = 0;
      let most = 0;
      let ran = 0;
      const work = async () => {
        inside++;
        most = Math.max(most, inside);
        await pause(2);
        inside--;
        ran++;
      };
      const calls = env.concurrency * 2;
      await Promise.all(Array.from({ length: calls }, (_, i) => (i % 2 ? two : one).exclusive!('govpub/conformance', work)));
      assert.ok(ran === calls, `${ran} of ${calls} exclusive() works ran`);
      assert.ok(most === 1, `${most} works held exclusive('govpub/conformance') at the same time; at most one may`);
      const boom = new Error('work failed');
      let caught: unknown;
      await one.exclusive!('govpub/conformance', async () => {
        throw boom;
      }).catch((e: unknown) => (caught = e));
      assert.ok(caught === boom, 'exclusive() must reject with the error its work threw');
      const after = await Promise.race([two.exclusive!('govpub/conformance', async () => 'free'), pause(5000).then(() => 'still held')]);
      assert.ok(after === 'free', 'the key was still held 5 s after a work that threw');
    },
  },
  {
    id: 'commit/fails-halfway',
    title: 'a commit that fails between the document write and the event write leaves storage exactly as before',
    async run(env) {
      const storage = await env.adapter();
      if (!env.armHalfwayFailure) return { skipped: 'no armHalfwayFailure option: the kit cannot inject a failure into this adapter' };
      const doc = makeDocument({ id: 'halfway' });
      await seed(storage, [doc]);
      const feedBefore = storage.changes ? (await drainFeed(storage, null, 100)).cursor : null;
      const before = { document: await storage.getDocument(doc.id), events: await storage.getEvents(doc.id) };
      const update = { ...nextVersion(doc, before.events, { title: '写了一半的更新' }), fingerprints: { scheme: 'conformance', hashes: [1, 2, 3] } };
      await env.armHalfwayFailure(storage);
      let failed = false;
      await storage.commit(update).catch(() => (failed = true));
      assert.ok(failed, 'the commit with an injected failure between its writes succeeded: the injection did not take effect');
      assert.equal({ document: await storage.getDocument(doc.id), events: await storage.getEvents(doc.id) }, before, 'the document and its events after the failed update');
      const fresh = makeDocument({ id: 'halfway-new' });
      await env.armHalfwayFailure(storage);
      failed = false;
      await storage.commit({ document: fresh, expectedVersion: null, events: makeEvents(fresh, 1) }).catch(() => (failed = true));
      assert.ok(failed, 'the create with an injected failure succeeded');
      assert.ok((await storage.getDocument(fresh.id)) === null, 'a create that failed halfway left its document behind');
      assert.equal(await storage.getEvents(fresh.id), [], 'the events of a create that failed halfway');
      assert.equal((await storage.listDocuments({})).items.map((d) => d.id), ['halfway'], 'listDocuments({}) after the failed commits');
      if (storage.changes) assert.equal((await storage.changes(feedBefore, 10)).items, [], 'the change feed after the failed commits');
      if (storage.fingerprints) {
        assert.equal(await storage.fingerprints.candidates('conformance', [1, 2, 3], { limit: 5 }), [], 'fingerprint candidates after a failed commit that carried fingerprints');
      }
      // Nothing is left locked or half-done: the same commit now goes through.
      await storage.commit(update);
      assert.equal(await storage.getDocument(doc.id), update.document, 'the document after retrying the failed update');
    },
  },
  {
    id: 'handles/one-store',
    title: 'two handles on one store (two processes) see each other\'s commits and conflict with each other',
    async run(env) {
      const storage = await env.adapter();
      if (!env.secondHandle) return { skipped: 'no openSecondHandle option: the kit cannot open a second handle on one store' };
      const [one, two] = await handles(env, storage);
      const doc = makeDocument({ id: 'shared' });
      await seed(one, [doc]);
      assert.equal(await two.getDocument(doc.id), doc, 'the second handle\'s read of a document the first created');
      const update = nextVersion(doc, await two.getEvents(doc.id), { title: '第二个句柄改的' });
      await two.commit(update);
      assert.equal(await one.getDocument(doc.id), update.document, 'the first handle\'s read of the second handle\'s update');
      assert.equal(await one.getEvents(doc.id), await two.getEvents(doc.id), 'both handles\' events');
      const history = await one.getEvents(doc.id);
      const attempts = Array.from({ length: env.concurrency }, (_, i) => nextVersion(update.document, history, { title: `并发${i}` }));
      const settled = await Promise.allSettled(attempts.map((a, i) => (i % 2 ? two : one).commit(a)));
      const won = settled.filter((r) => r.status === 'fulfilled').length;
      assert.ok(won === 1, `${won} of ${attempts.length} concurrent commits through two handles succeeded; exactly one must`);
      for (const r of settled) {
        if (r.status === 'rejected') assert.ok(isGovpubError(r.reason) && r.reason.code === 'CONFLICT', `a losing commit through the other handle failed with ${String(r.reason)}, not CONFLICT`);
      }
      await assert.rejects(
        two.commit({ document: makeDocument({ id: 'shared' }), expectedVersion: null, events: makeEvents(doc, 1) }),
        'CONFLICT',
        'creating through the second handle an id the first created',
      );
    },
  },
  {
    id: 'fingerprints/commit-and-candidates',
    title: 'fingerprints written with a commit are candidates at once, replaced by the next commit that carries them, and removed by null',
    async run({ adapter }) {
      const storage = await adapter();
      const fp = storage.fingerprints;
      if (!fp) return { skipped: 'the adapter has no fingerprint index (fingerprints)' };
      const a = makeDocument({ id: 'fp-a' });
      const b = makeDocument({ id: 'fp-b' });
      await storage.commit({ document: a, expectedVersion: null, events: makeEvents(a, 1), fingerprints: { scheme: 'k', hashes: [10, 11, 12, 13] } });
      await storage.commit({ document: b, expectedVersion: null, events: makeEvents(b, 1), fingerprints: { scheme: 'k', hashes: [12, 13, 14, 0xffffffff] } });
      assert.equal(await fp.candidates('k', [10, 11, 12, 13], { limit: 5 }), [
        { documentId: 'fp-a', shared: 4, total: 4 },
        { documentId: 'fp-b', shared: 2, total: 4 },
      ], 'candidates for fp-a\'s hashes');
      assert.equal(await fp.candidates('other-scheme', [10, 11, 12, 13], { limit: 5 }), [], 'candidates under another scheme');
      assert.equal((await fp.candidates('k', [12, 13, 0xffffffff], { limit: 5, exclude: ['fp-a'] })).map((c) => c.documentId), ['fp-b'], 'candidates excluding fp-a');
      const next = nextVersion(a, await storage.getEvents(a.id));
      await storage.commit({ ...next, fingerprints: { scheme: 'k', hashes: null } });
      assert.equal((await fp.candidates('k', [10, 11, 12, 13], { limit: 5 })).map((c) => c.documentId), ['fp-b'], 'candidates after fp-a\'s hashes were set to null');
    },
  },
];
