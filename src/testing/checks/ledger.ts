import type { Delivery, DeliveryLedger, StorageAdapter } from '../../storage/index';
import { assert } from '../assert';
import type { ConformanceCheck, ConformanceSkip } from '../check';
import { makeDocument } from '../fixtures';
import { nextVersion, seed } from './helpers';

const T0 = Date.parse('2026-03-01T08:00:00.000Z');
const iso = (ms: number): string => new Date(T0 + ms).toISOString();
const NO_LEDGER: ConformanceSkip = { skipped: 'the adapter has no delivery ledger (deliveries)' };

/** A pending publication of `documentId` to `accountId`, due at T0 + `dueMs`. */
function makeDelivery(id: string, documentId: string, accountId: string, dueMs = 0): Delivery {
  return {
    id,
    documentId,
    revision: 1,
    accountId,
    channel: 'website',
    kind: 'publish',
    payloadHash: 'a'.repeat(64),
    payload: { title: '停水通知', html: '<p>因管道检修，5 月 8 日停水。</p>' },
    idempotencyKey: `${documentId}:1:${accountId}`,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: iso(dueMs),
    createdAt: iso(0),
    updatedAt: iso(0),
    history: [{ at: iso(0), event: 'enqueued', attempt: 0 }],
  };
}

/** The adapter and its ledger, or `null` when the adapter has none. */
async function withLedger(adapter: () => Promise<StorageAdapter>): Promise<{ storage: StorageAdapter; ledger: DeliveryLedger } | null> {
  const storage = await adapter();
  return storage.deliveries ? { storage, ledger: storage.deliveries } : null;
}

/**
 * The delivery ledger (issue 14), for adapters that offer `deliveries`: written atomically
 * with commits, claimed once under a lease, leases that run out, compare-and-set outcomes.
 */
export const ledgerChecks: readonly ConformanceCheck[] = [
  {
    id: 'ledger/enqueue-idempotent',
    title: 'enqueue stores copies and ignores an idempotency key already in the ledger',
    async run({ adapter }) {
      const env = await withLedger(adapter);
      if (!env) return NO_LEDGER;
      const d = makeDelivery('d-1', 'doc-1', 'portal');
      const first = await env.ledger.enqueue([d]);
      assert.equal(first.inserted.map((x) => x.id), ['d-1'], 'the first enqueue\'s inserted ids');
      d.payload.title = '调用方事后改写';
      assert.equal((await env.ledger.get('d-1'))?.payload.title, '停水通知', 'the stored payload after the caller mutated its object');
      const again = await env.ledger.enqueue([{ ...makeDelivery('d-2', 'doc-1', 'portal') }]);
      assert.equal(again.inserted, [], 'a second enqueue with the same idempotency key inserts nothing');
      assert.equal(again.existing.map((x) => x.id), ['d-1'], 'the existing delivery is reported');
      assert.equal((await env.ledger.list()).length, 1, 'deliveries in the ledger');
      assert.ok((await env.ledger.get('d-2')) === undefined, 'the duplicate was not stored under its own id');
    },
  },
  {
    id: 'ledger/commit-atomic',
    title: 'deliveries carried by a commit are written with it, and not at all when the commit is refused',
    async run({ adapter }) {
      const env = await withLedger(adapter);
      if (!env) return NO_LEDGER;
      const doc = makeDocument({ id: 'ledger-doc' });
      await seed(env.storage, [doc]);
      const v2 = nextVersion(doc, await env.storage.getEvents(doc.id), { state: 'published' });
      await env.storage.commit({ ...v2, deliveries: { enqueue: [makeDelivery('p-1', doc.id, 'wx'), makeDelivery('p-2', doc.id, 'portal')] } });
      assert.equal((await env.ledger.forDocument(doc.id)).map((d) => d.id).sort(), ['p-1', 'p-2'], 'deliveries after the commit that carried them');

      // A stale version: neither the document nor its deliveries.
      const stale = nextVersion(doc, await env.storage.getEvents(doc.id), { title: '过期修改' });
      await assert.rejects(env.storage.commit({ ...stale, deliveries: { enqueue: [makeDelivery('p-3', doc.id, 'weibo')] } }), 'CONFLICT', 'a stale commit carrying deliveries');
      assert.ok((await env.ledger.get('p-3')) === undefined, 'a refused commit wrote its delivery');

      // A required update whose guard fails refuses the whole commit.
      const current = (await env.storage.getDocument(doc.id))!;
      const eventsBefore = (await env.storage.getEvents(doc.id)).length;
      const v3 = nextVersion(current, await env.storage.getEvents(doc.id), { title: '第三版' });
      const at = iso(1000);
      await assert.rejects(
        env.storage.commit({
          ...v3,
          deliveries: {
            enqueue: [makeDelivery('p-4', doc.id, 'sms')],
            updates: [{ update: { id: 'p-1', state: 'sent', updatedAt: at, history: { at, event: 'sent', attempt: 1 } }, guard: { expectedLeaseOwner: 'nobody' }, required: true }],
          },
        }),
        'CONFLICT',
        'a commit whose required ledger update\'s guard fails',
      );
      assert.equal((await env.storage.getDocument(doc.id))?.version, current.version, 'the document version after the refused commit');
      assert.equal((await env.storage.getEvents(doc.id)).length, eventsBefore, 'the number of events after the refused commit');
      assert.ok((await env.ledger.get('p-4')) === undefined, 'the refused commit\'s delivery');
      assert.equal((await env.ledger.get('p-1'))?.state, 'pending', 'the guarded delivery\'s state');

      // An optional update whose guard fails is skipped; the commit lands.
      await env.storage.commit({
        ...v3,
        deliveries: { enqueue: [], updates: [{ update: { id: 'p-2', state: 'failed', updatedAt: at, history: { at, event: 'cancelled', attempt: 0 } }, guard: { expectedStates: ['sent'] } }] },
      });
      assert.equal((await env.storage.getDocument(doc.id))?.version, v3.document.version, 'the document after a commit with a skipped optional update');
      assert.equal((await env.ledger.get('p-2'))?.state, 'pending', 'a delivery whose optional guard failed');
    },
  },
  {
    id: 'ledger/claim-once',
    title: 'concurrent claims hand each due delivery to exactly one owner, oldest due first',
    async run({ adapter, concurrency }) {
      const env = await withLedger(adapter);
      if (!env) return NO_LEDGER;
      const count = 24;
      await env.ledger.enqueue(Array.from({ length: count }, (_, i) => makeDelivery(`c-${i}`, `doc-${i % 5}`, `acct-${i}`, i * 10)));
      await env.ledger.enqueue([makeDelivery('later', 'doc-x', 'acct-x', 60_000)]);
      const now = new Date(T0 + 5_000);
      const owners = Array.from({ length: Math.max(4, concurrency) }, (_, i) => `worker-${i}`);
      const claims = await Promise.all(owners.map((owner) => env.ledger.claim({ now, limit: 5, owner, leaseMs: 60_000 })));
      const ids = claims.flat().map((c) => c.delivery.id);
      assert.equal(new Set(ids).size, ids.length, 'ids claimed by more than one owner');
      assert.ok(!ids.includes('later'), 'a delivery not yet due was claimed');
      assert.equal(ids.length, Math.min(count, owners.length * 5), 'deliveries claimed in all');
      claims.forEach((batch, i) => {
        for (const c of batch) {
          assert.equal(c.claimedFrom, 'pending', 'claimedFrom of a pending delivery');
          assert.equal({ state: c.delivery.state, owner: c.delivery.lease?.owner }, { state: 'sending', owner: owners[i] }, 'a claimed delivery');
        }
      });
      const stored = await env.ledger.list({ state: 'sending' });
      assert.equal(stored.length, ids.length, 'deliveries stored as sending');
      const first = await env.ledger.claim({ now, limit: 100, owner: 'late', leaseMs: 60_000 });
      assert.equal(first.length, count - ids.length, 'what a later claim still finds');
    },
  },
  {
    id: 'ledger/lease-expiry',
    title: 'a lease holds until it runs out; then the delivery is claimed again (from sending) and the old owner can no longer record',
    async run({ adapter }) {
      const env = await withLedger(adapter);
      if (!env) return NO_LEDGER;
      await env.ledger.enqueue([makeDelivery('l-1', 'doc-l', 'portal')]);
      const [mine] = await env.ledger.claim({ now: new Date(T0), limit: 1, owner: 'a', leaseMs: 1_000 });
      assert.ok(mine, 'the first claim got the delivery');
      assert.equal(await env.ledger.claim({ now: new Date(T0 + 999), limit: 1, owner: 'b', leaseMs: 1_000 }), [], 'a claim while the lease holds');
      const [taken] = await env.ledger.claim({ now: new Date(T0 + 1_000), limit: 1, owner: 'b', leaseMs: 1_000 });
      assert.equal({ id: taken?.delivery.id, from: taken?.claimedFrom, owner: taken?.delivery.lease?.owner }, { id: 'l-1', from: 'sending', owner: 'b' }, 'the claim after the lease ran out');
      const at = iso(1_500);
      const late = await env.ledger.record({ id: 'l-1', state: 'sent', receipt: { id: 'from-a' }, updatedAt: at, history: { at, event: 'sent', attempt: 1 } }, { expectedLeaseOwner: 'a' });
      assert.ok(late === null, 'the first owner recorded an outcome after its lease was taken over');
      const ok = await env.ledger.record({ id: 'l-1', state: 'sent', receipt: { id: 'from-b' }, updatedAt: at, history: { at, event: 'sent', attempt: 1 } }, { expectedLeaseOwner: 'b' });
      assert.equal({ state: ok?.state, receipt: ok?.receipt, lease: ok?.lease }, { state: 'sent', receipt: { id: 'from-b' }, lease: undefined }, 'the new owner\'s outcome');
      assert.equal(await env.ledger.claim({ now: new Date(T0 + 10_000), limit: 1, owner: 'c', leaseMs: 1_000 }), [], 'a sent delivery is never claimed again');
    },
  },
  {
    id: 'ledger/record-and-list',
    title: 'record is a compare-and-set on state; list filters by state, document, account and kind',
    async run({ adapter }) {
      const env = await withLedger(adapter);
      if (!env) return NO_LEDGER;
      await env.ledger.enqueue([makeDelivery('r-1', 'doc-a', 'wx'), makeDelivery('r-2', 'doc-a', 'portal'), makeDelivery('r-3', 'doc-b', 'wx')]);
      const at = iso(10);
      const dead = await env.ledger.record(
        { id: 'r-2', state: 'dead', attempts: 8, error: { code: 'http/503', message: 'Service Unavailable', retryable: true }, progress: { step: 1 }, updatedAt: at, history: { at, event: 'dead', attempt: 8 } },
        { expectedStates: ['pending'] },
      );
      assert.equal({ state: dead?.state, attempts: dead?.attempts, error: dead?.error?.code, progress: dead?.progress, history: dead?.history.length }, { state: 'dead', attempts: 8, error: 'http/503', progress: { step: 1 }, history: 2 }, 'the recorded delivery');
      assert.ok((await env.ledger.record({ id: 'r-2', state: 'pending', updatedAt: at, history: { at, event: 'x', attempt: 8 } }, { expectedStates: ['pending'] })) === null, 'a record whose expected state no longer holds');
      assert.ok((await env.ledger.record({ id: 'missing', state: 'sent', updatedAt: at, history: { at, event: 'x', attempt: 0 } }, {})) === null, 'a record of an unknown id');
      assert.equal((await env.ledger.list({ state: 'dead' })).map((d) => d.id), ['r-2'], 'list({ state: dead })');
      assert.equal((await env.ledger.list({ state: ['pending', 'dead'], accountId: 'wx' })).map((d) => d.id), ['r-1', 'r-3'], 'list by states and account');
      assert.equal((await env.ledger.list({ documentId: 'doc-a', kind: 'publish' })).map((d) => d.id), ['r-1', 'r-2'], 'list by document and kind');
      assert.equal((await env.ledger.list({ limit: 1 })).length, 1, 'list with a limit');
      assert.equal((await env.ledger.forDocument('doc-b')).map((d) => d.id), ['r-3'], 'forDocument');
      const copy = (await env.ledger.get('r-1'))!;
      copy.state = 'sent';
      assert.equal((await env.ledger.get('r-1'))?.state, 'pending', 'a stored delivery after the caller mutated its copy');
    },
  },
];
