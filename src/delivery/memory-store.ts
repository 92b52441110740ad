import type { Delivery, DeliveryState } from './delivery';
import type { ClaimRequest, ClaimedDelivery, DeliveryQuery, DeliveryStore, DeliveryUpdate, EnqueueResult, RecordGuard } from './store';

/** The in-memory ledger with its extra, synchronous view for tests and for the memory adapter. */
export interface MemoryDeliveryStore extends DeliveryStore {
  /** Every delivery, in insertion order (copies). */
  all(): Delivery[];
}

// Deliveries are handed out as deep copies so that a caller mutating its object cannot
// change the ledger behind the store's back (the PostgreSQL adapter behaves the same way).
const copy = (d: Delivery): Delivery => structuredClone(d);

/**
 * A {@link DeliveryStore} in memory. Every method runs without awaiting in between, so in
 * one process (one event loop) claims are atomic: two workers sharing it never claim the
 * same delivery under overlapping leases.
 *
 * @example
 * ```ts
 * const store = memoryDeliveryStore();
 * await store.enqueue(planDeliveries({ … }));
 * await deliverPending({ store, accounts, owner: 'worker-1' });
 * ```
 */
export function memoryDeliveryStore(): MemoryDeliveryStore {
  const rows = new Map<string, Delivery>();
  const byKey = new Map<string, string>();

  function claimable(d: Delivery, now: number): ClaimedDelivery['claimedFrom'] | null {
    if ((d.state === 'pending' || d.state === 'unknown') && Date.parse(d.nextAttemptAt) <= now) return d.state;
    if (d.state === 'sending' && d.lease && Date.parse(d.lease.until) <= now) return 'sending';
    return null;
  }

  return {
    async enqueue(deliveries) {
      const result: EnqueueResult = { inserted: [], existing: [] };
      for (const d of deliveries) {
        const existingId = byKey.get(d.idempotencyKey);
        if (existingId !== undefined) {
          result.existing.push(copy(rows.get(existingId)!));
          continue;
        }
        if (rows.has(d.id)) throw new Error(`delivery id ${d.id} already used`);
        rows.set(d.id, copy(d));
        byKey.set(d.idempotencyKey, d.id);
        result.inserted.push(copy(d));
      }
      return result;
    },

    async claim({ now, limit, owner, leaseMs }: ClaimRequest) {
      const t = now.getTime();
      const due: { d: Delivery; from: ClaimedDelivery['claimedFrom'] }[] = [];
      for (const d of rows.values()) {
        const from = claimable(d, t);
        if (from) due.push({ d, from });
      }
      // Oldest due first, so a backlog drains in order and nothing starves.
      due.sort((a, b) => Date.parse(a.d.nextAttemptAt) - Date.parse(b.d.nextAttemptAt));
      const at = now.toISOString();
      return due.slice(0, Math.max(0, limit)).map(({ d, from }) => {
        d.state = 'sending';
        d.lease = { owner, until: new Date(t + leaseMs).toISOString() };
        d.updatedAt = at;
        d.history.push({ at, event: 'claimed', attempt: d.attempts, owner });
        return { delivery: copy(d), claimedFrom: from };
      });
    },

    async record(update: DeliveryUpdate, guard: RecordGuard) {
      const d = rows.get(update.id);
      if (!d) return null;
      if (guard.expectedLeaseOwner !== undefined && d.lease?.owner !== guard.expectedLeaseOwner) return null;
      if (guard.expectedStates && !guard.expectedStates.includes(d.state)) return null;
      applyUpdate(d, update);
      return copy(d);
    },

    async get(id) {
      const d = rows.get(id);
      return d && copy(d);
    },

    async list(query: DeliveryQuery = {}) {
      const states: readonly DeliveryState[] | undefined = query.state === undefined ? undefined : typeof query.state === 'string' ? [query.state] : query.state;
      const out: Delivery[] = [];
      for (const d of rows.values()) {
        if (states && !states.includes(d.state)) continue;
        if (query.accountId !== undefined && d.accountId !== query.accountId) continue;
        if (query.documentId !== undefined && d.documentId !== query.documentId) continue;
        if (query.kind !== undefined && d.kind !== query.kind) continue;
        out.push(copy(d));
        if (query.limit !== undefined && out.length >= query.limit) break;
      }
      return out;
    },

    async forDocument(documentId) {
      return [...rows.values()].filter((d) => d.documentId === documentId).map(copy);
    },

    all: () => [...rows.values()].map(copy),
  };
}

/**
 * Applies a {@link DeliveryUpdate} to a stored delivery (shared so every adapter keeps the
 * same field semantics: `null` clears, `progress` merges, the lease ends unless still sending).
 */
export function applyUpdate(d: Delivery, u: DeliveryUpdate): void {
  d.state = u.state;
  if (u.attempts !== undefined) d.attempts = u.attempts;
  if (u.nextAttemptAt !== undefined) d.nextAttemptAt = u.nextAttemptAt;
  if (u.receipt !== undefined) d.receipt = u.receipt;
  if (u.error === null) delete d.error;
  else if (u.error !== undefined) d.error = u.error;
  if (u.progress !== undefined) d.progress = { ...d.progress, ...u.progress };
  if (u.task !== undefined) d.task = u.task;
  if (u.unknownSince === null) delete d.unknownSince;
  else if (u.unknownSince !== undefined) d.unknownSince = u.unknownSince;
  if (u.state !== 'sending') delete d.lease;
  d.updatedAt = u.updatedAt;
  d.history.push(u.history);
}
