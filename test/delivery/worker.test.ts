import { describe, expect, it } from 'vitest';
import { backoffDelay, defineAccounts, deliverPending, memoryDeliveryStore, type Transport, type TransportResult } from '../../src/delivery/index';
import { GovpubError } from '../../src/errors/index';
import { ids, publication, virtualClock } from './helpers';

/** A transport that answers from a script and counts sends and reconciliations. */
function scripted(sends: TransportResult[], reconciles: TransportResult[] = [], extra: Partial<Transport> = {}) {
  const calls = { send: 0, reconcile: 0 };
  const transport: Transport = {
    async send() {
      return sends[calls.send++] ?? { status: 'sent', receipt: { id: `r${calls.send}` } };
    },
    async reconcile() {
      return reconciles[calls.reconcile++] ?? { status: 'unknown', error: { code: 'x', message: 'x', retryable: false } };
    },
    ...extra,
  };
  return { transport, calls };
}

const retryable: TransportResult = { status: 'failed', error: { code: 'p/503', message: 'busy', retryable: true } };
const maybe: TransportResult = { status: 'unknown', error: { code: 'network/timeout', message: 't', retryable: false } };

describe('the memory ledger', () => {
  it('never lets two owners hold one delivery, and hands a lapsed lease over', async () => {
    const clock = virtualClock();
    const accounts = defineAccounts([{ id: 'a', channel: 'website', name: 'A', transport: scripted([]).transport }]);
    const store = memoryDeliveryStore();
    await store.enqueue(publication(accounts, 'doc', ['a'], clock.now(), ids()));
    const [first, second] = await Promise.all([store.claim({ now: clock.now(), limit: 5, owner: 'w1', leaseMs: 1000 }), store.claim({ now: clock.now(), limit: 5, owner: 'w2', leaseMs: 1000 })]);
    expect(first!.length + second!.length).toBe(1);
    const held = (first!.length ? first! : second!)[0]!;
    const holder = held.delivery.lease!.owner;
    clock.advance(1001);
    const taken = await store.claim({ now: clock.now(), limit: 5, owner: 'w3', leaseMs: 1000 });
    expect(taken).toHaveLength(1);
    expect(taken[0]!.claimedFrom).toBe('sending');
    // The first holder's late outcome is refused.
    const late = await store.record({ id: held.delivery.id, state: 'sent', updatedAt: clock.now().toISOString(), history: { at: '', event: 'sent', attempt: 1 } }, { expectedLeaseOwner: holder });
    expect(late).toBeNull();
  });
});

describe('deliverPending', () => {
  function setup(t: Transport, opts: { maxAttempts?: number } = {}) {
    const clock = virtualClock();
    const accounts = defineAccounts([
      { id: 'a', channel: 'website', name: '门户', transport: t },
      { id: 'b', channel: 'push', name: '客户端', transport: scripted([]).transport },
    ]);
    const store = memoryDeliveryStore();
    const run = () => deliverPending({ store, accounts, owner: 'w', now: clock.now(), clock: clock.now, maxAttempts: opts.maxAttempts ?? 3, backoff: { baseMs: 1000, maxMs: 10_000, random: () => 0 }, reconcileIntervalMs: 500 });
    return { clock, accounts, store, run };
  }

  it('retries with exponential backoff, then dead; the other account is sent once and left alone', async () => {
    const s = scripted([retryable, retryable, retryable]);
    const w = setup(s.transport);
    await w.store.enqueue(publication(w.accounts, 'doc', ['a', 'b'], w.clock.now(), ids()));
    const first = await w.run();
    expect(first.events.map((e) => [e.accountId, e.type])).toEqual([['a', 'delivery_retry'], ['b', 'delivered']]);
    const a = () => w.store.all().find((d) => d.accountId === 'a')!;
    expect(Date.parse(a().nextAttemptAt) - w.clock.now().getTime()).toBe(500); // 1000 × 2^0, half fixed
    expect((await w.run()).claimed).toBe(0); // not due yet
    w.clock.advance(500);
    await w.run();
    expect(Date.parse(a().nextAttemptAt) - w.clock.now().getTime()).toBe(1000); // 2000 / 2
    w.clock.advance(1000);
    const last = await w.run();
    expect(last.events.map((e) => e.type)).toEqual(['delivery_dead']);
    expect(a()).toMatchObject({ state: 'dead', attempts: 3 });
    expect(w.store.all().find((d) => d.accountId === 'b')).toMatchObject({ state: 'sent', attempts: 1 });
    expect(await w.store.list({ state: 'dead' })).toHaveLength(1);
    expect(s.calls.send).toBe(3);
  });

  it('an unknown outcome is reconciled, never re-sent', async () => {
    const s = scripted([maybe], [maybe, { status: 'sent', receipt: { id: 'found' } }]);
    const w = setup(s.transport);
    await w.store.enqueue(publication(w.accounts, 'doc', ['a'], w.clock.now(), ids()));
    const events = [...(await w.run()).events];
    for (let i = 0; i < 3; i++) {
      w.clock.advance(500);
      events.push(...(await w.run()).events);
    }
    expect(s.calls).toEqual({ send: 1, reconcile: 2 });
    expect(events.map((e) => e.type)).toEqual(['delivery_unknown', 'delivered']);
    expect(w.store.all()[0]).toMatchObject({ state: 'sent', receipt: { id: 'found' } });
    expect(w.store.all()[0]!.unknownSince).toBeUndefined();
  });

  it('without reconcile an unknown outcome becomes a task for a person; an idempotent transport simply resends', async () => {
    const plain = scripted([maybe], [], { reconcile: undefined });
    const w = setup(plain.transport);
    await w.store.enqueue(publication(w.accounts, 'doc', ['a'], w.clock.now(), ids()));
    await w.run();
    w.clock.advance(500);
    const r = await w.run();
    expect(r.events.map((e) => e.type)).toEqual(['delivery_manual']);
    expect(w.store.all()[0]).toMatchObject({ state: 'manual', task: { code: 'check_unknown' } });
    expect(plain.calls.send).toBe(1);

    const idem = scripted([maybe], [], { reconcile: undefined, idempotent: true });
    const v = setup(idem.transport);
    await v.store.enqueue(publication(v.accounts, 'doc', ['a'], v.clock.now(), ids()));
    await v.run();
    v.clock.advance(500);
    await v.run();
    expect(idem.calls.send).toBe(2);
    expect(v.store.all()[0]!.state).toBe('sent');
  });

  it('a worker that dies mid-send: after its lease the next worker reconciles, nothing is sent twice', async () => {
    let sends = 0;
    let reconciles = 0;
    const t: Transport = {
      async send({ saveProgress }) {
        sends++;
        await saveProgress({ submitted: true });
        return new Promise<never>(() => {}); // the process "dies" here: no outcome ever comes
      },
      async reconcile({ delivery }) {
        reconciles++;
        return delivery.progress?.submitted ? { status: 'sent', receipt: { id: 'found-on-platform' } } : { status: 'failed', error: { code: 'x', message: 'x', retryable: true } };
      },
    };
    const clock = virtualClock();
    const accounts = defineAccounts([{ id: 'a', channel: 'website', name: '门户', transport: t }]);
    const store = memoryDeliveryStore();
    await store.enqueue(publication(accounts, 'doc', ['a'], clock.now(), ids()));
    void deliverPending({ store, accounts, owner: 'dying', now: clock.now(), clock: clock.now, leaseMs: 60_000, timeoutMs: 30_000 });
    await new Promise((r) => setTimeout(r, 20));
    expect(store.all()[0]).toMatchObject({ state: 'sending', lease: { owner: 'dying' }, progress: { submitted: true } });
    expect((await deliverPending({ store, accounts, owner: 'other', now: clock.now(), clock: clock.now })).claimed).toBe(0); // lease still held
    clock.advance(60_001);
    const r = await deliverPending({ store, accounts, owner: 'other', now: clock.now(), clock: clock.now });
    expect(r.events.map((e) => e.type)).toEqual(['delivered']);
    expect({ sends, reconciles }).toEqual({ sends: 1, reconciles: 1 });
    expect(store.all()[0]).toMatchObject({ state: 'sent', receipt: { id: 'found-on-platform' } });
  });

  it('a transport that throws is recorded as unknown (it may have sent)', async () => {
    const w = setup({ send: async () => Promise.reject(new Error('bug')) });
    await w.store.enqueue(publication(w.accounts, 'doc', ['a'], w.clock.now(), ids()));
    await w.run();
    expect(w.store.all()[0]).toMatchObject({ state: 'unknown', error: { code: 'transport/threw' } });
  });

  it('validates its options', () => {
    const w = setup(scripted([]).transport);
    return expect(deliverPending({ store: w.store, accounts: w.accounts, owner: '', leaseMs: 10, timeoutMs: 20 })).rejects.toSatisfy((e) => e instanceof GovpubError && e.code === 'VALIDATION');
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt, caps, and jitters within the upper half', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, { baseMs: 100, maxMs: 500, random: () => 0 }))).toEqual([50, 100, 200, 250]);
    expect(backoffDelay(3, { baseMs: 100, random: () => 0.999999 })).toBe(400);
  });
});

describe('deliverPending timeouts', () => {
  it('a transport that ignores the abort signal is cut off at timeoutMs and recorded unknown', async () => {
    const clock = virtualClock();
    const accounts = defineAccounts([{ id: 'a', channel: 'website', name: '门户', transport: { send: () => new Promise<never>(() => {}) } }]);
    const store = memoryDeliveryStore();
    await store.enqueue(publication(accounts, 'doc', ['a'], clock.now(), ids()));
    const r = await deliverPending({ store, accounts, owner: 'w', now: clock.now(), clock: clock.now, timeoutMs: 30, leaseMs: 60_000 });
    expect(r.events.map((e) => e.type)).toEqual(['delivery_unknown']);
    expect(store.all()[0]).toMatchObject({ state: 'unknown', error: { code: 'network/timeout' } });
  });
});
