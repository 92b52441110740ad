// Delivery state in the inspection records when the storage has a delivery ledger
// (`storage.deliveries`), read structurally so adapters without one work unchanged.
import { describe, expect, it } from 'vitest';
import { memoryDeliveryStore, type Delivery, type DeliveryState } from '../../src/delivery/index';
import { memoryAdapter, type StorageAdapter } from '../../src/index';
import { collectPublicationRecords, inspectStorage } from '../../src/inspection/index';
import { deliveryStates } from '../../src/inspection/delivery-states';
import { runScenario } from './storage-scenario';

const now = '2026-04-01T02:00:00.000Z';
const window = { from: '2026-03-01T00:00:00+08:00', to: '2026-03-31T23:59:59+08:00', now };

function delivery(documentId: string, revision: number, accountId: string, state: DeliveryState, kind: 'publish' | 'remove' = 'publish'): Delivery {
  const key = `${documentId}:${revision}:${accountId}${kind === 'remove' ? ':remove' : ''}`;
  return {
    id: key,
    documentId,
    revision,
    accountId,
    channel: accountId,
    kind,
    payloadHash: 'ab'.repeat(32),
    payload: {},
    idempotencyKey: key,
    state,
    attempts: 1,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
    history: [],
  };
}

describe('delivery state from the storage ledger', () => {
  it('is absent without a ledger, and fills deliveryState (publish deliveries only) with one', async () => {
    // memoryAdapter() carries a delivery ledger of its own; this storage is one without.
    const { deliveries: _ledger, ...plain } = memoryAdapter();
    const { ids } = await runScenario(plain);
    expect(await deliveryStates(plain)).toBeUndefined();
    expect((await collectPublicationRecords(plain, { to: now })).some((r) => r.deliveryState !== undefined)).toBe(false);

    const ledger = memoryDeliveryStore();
    await ledger.enqueue([
      delivery(ids.water, 1, 'website', 'sent'),
      delivery(ids.water, 1, 'wechat', 'dead'),
      delivery(ids.water, 2, 'wechat', 'failed'),
      delivery(ids.flood, 1, 'wechat', 'unknown'),
      delivery(ids.road, 1, 'website', 'removed'),
      // A removal is not the publication's delivery: it must not count.
      delivery(ids.road, 1, 'website', 'failed', 'remove'),
    ]);
    const storage: StorageAdapter & { deliveries: typeof ledger } = Object.assign(Object.create(null), plain, { deliveries: ledger });
    const records = await collectPublicationRecords(storage, { to: now });
    const state = (documentId: string, revision: number, channel: string) => records.find((r) => r.documentId === documentId && r.revision === revision && r.channel === channel)?.deliveryState;
    expect(state(ids.water, 1, 'website')).toBe('delivered');
    expect(state(ids.water, 1, 'wechat')).toBe('dead');
    expect(state(ids.water, 2, 'wechat')).toBe('failed');
    expect(state(ids.water, 2, 'website')).toBeUndefined();
    expect(state(ids.flood, 1, 'wechat')).toBe('sending');
    expect(state(ids.road, 1, 'website')).toBe('delivered');

    const result = await inspectStorage(storage, window);
    const wechat = result.accounts.find((a) => a.accountId === 'wechat')!;
    expect(wechat.deliveries).toEqual({ failed: 1, dead: 1 });
    expect(wechat.reasons.map((r) => r.code)).toContain('deliveries-failed');
    expect(result.accounts.find((a) => a.accountId === 'website')!.deliveries).toEqual({ failed: 0, dead: 0 });
  });
});
