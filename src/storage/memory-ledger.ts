import { GovpubError } from '../errors/index';
import type {
  ClaimRequest,
  ClaimedDelivery,
  Delivery,
  DeliveryLedger,
  DeliveryQuery,
  DeliveryState,
  DeliveryUpdate,
  EnqueueResult,
  LedgerWrite,
  RecordGuard,
} from './ledger';
import { applyUpdate, claimableFrom, guardHolds } from './ledger';

/** The in-memory ledger with its extra, synchronous view for tests and for the memory adapter. */
export interface MemoryLedger extends DeliveryLedger {
  /** Every delivery, in insertion order (copies). */
  all(): Delivery[];
}

/** The memory ledger plus the two synchronous steps the memory adapter's commit runs. */
export interface MemoryLedgerInternals {
  ledger: MemoryLedger;
  /** Throws `CONFLICT` if a required update's guard fails or an id is reused; writes nothing. */
  check(write: LedgerWrite): void;
  /** Writes a checked {@link LedgerWrite}; call right after {@link check}, with no await between. */
  apply(write: LedgerWrite): void;
}

// Deliveries are handed out as deep copies so that a caller mutating its object cannot
// change the ledger behind the store's back (the PostgreSQL adapter behaves the same way).
const copy = (d: Delivery): Delivery => structuredClone(d);

/**
 * The ledger in memory, with the commit hooks the memory adapter uses. Every method runs
 * without awaiting in between, so in one process (one event loop) claims are atomic: two
 * workers sharing it never claim the same delivery under overlapping leases.
 */
export function createMemoryLedger(): MemoryLedgerInternals {
  const rows = new Map<string, Delivery>();
  const byKey = new Map<string, string>();

  function insert(deliveries: readonly Delivery[]): EnqueueResult {
    const result: EnqueueResult = { inserted: [], existing: [] };
    for (const d of deliveries) {
      const existingId = byKey.get(d.idempotencyKey);
      if (existingId !== undefined) {
        result.existing.push(copy(rows.get(existingId)!));
        continue;
      }
      if (rows.has(d.id)) throw new GovpubError('CONFLICT', `Delivery id ${d.id} is already used by another idempotency key`, { details: { deliveryId: d.id } });
      rows.set(d.id, copy(d));
      byKey.set(d.idempotencyKey, d.id);
      result.inserted.push(copy(d));
    }
    return result;
  }

  function record(update: DeliveryUpdate, guard: RecordGuard): Delivery | null {
    const d = rows.get(update.id);
    if (!d || !guardHolds(d, guard)) return null;
    applyUpdate(d, structuredClone(update));
    return copy(d);
  }

  const ledger: MemoryLedger = {
    async enqueue(deliveries) {
      // All or nothing, like a transaction: check every id before inserting any.
      for (const d of deliveries) {
        if (!byKey.has(d.idempotencyKey) && rows.has(d.id)) throw new GovpubError('CONFLICT', `Delivery id ${d.id} is already used by another idempotency key`, { details: { deliveryId: d.id } });
      }
      return insert(deliveries);
    },

    async claim({ now, limit, owner, leaseMs }: ClaimRequest) {
      const t = now.getTime();
      const due: { d: Delivery; from: ClaimedDelivery['claimedFrom'] }[] = [];
      for (const d of rows.values()) {
        const from = claimableFrom(d, t);
        if (from) due.push({ d, from });
      }
      // Oldest due first (stable: insertion order breaks ties), so a backlog drains in order.
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

    async record(update, guard) {
      return record(update, guard);
    },

    async get(id) {
      const d = rows.get(id);
      return d && copy(d);
    },

    async list(query: DeliveryQuery = {}) {
      const states: readonly DeliveryState[] | undefined = query.state === undefined ? undefined : typeof query.state === 'string' ? [query.state] : query.state;
      const out: Delivery[] = [];
      for (const d of rows.values()) {
        if (query.limit !== undefined && out.length >= query.limit) break;
        if (states && !states.includes(d.state)) continue;
        if (query.accountId !== undefined && d.accountId !== query.accountId) continue;
        if (query.documentId !== undefined && d.documentId !== query.documentId) continue;
        if (query.kind !== undefined && d.kind !== query.kind) continue;
        out.push(copy(d));
      }
      return out;
    },

    async forDocument(documentId) {
      return [...rows.values()].filter((d) => d.documentId === documentId).map(copy);
    },

    all: () => [...rows.values()].map(copy),
  };

  return {
    ledger,
    check(write) {
      for (const d of write.enqueue) {
        if (!byKey.has(d.idempotencyKey) && rows.has(d.id)) throw new GovpubError('CONFLICT', `Delivery id ${d.id} is already used by another idempotency key`, { details: { deliveryId: d.id } });
      }
      for (const { update, guard, required } of write.updates ?? []) {
        const d = rows.get(update.id);
        if (required && (!d || !guardHolds(d, guard))) throw ledgerGuardConflict(update.id);
      }
    },
    apply(write) {
      insert(write.enqueue);
      for (const { update, guard } of write.updates ?? []) record(update, guard);
    },
  };
}

/** The `CONFLICT` a commit throws when a required ledger update's guard no longer holds. */
export function ledgerGuardConflict(deliveryId: string): GovpubError {
  return new GovpubError('CONFLICT', `Delivery ${deliveryId} changed meanwhile (its lease or state is no longer what the commit expected); nothing was written`, {
    details: { deliveryId, ledger: true },
  });
}

/**
 * A delivery ledger in memory, on its own (tests, a host that keeps documents elsewhere). The
 * memory adapter's `deliveries` is the same implementation.
 *
 * @example
 * ```ts
 * const store = memoryDeliveryStore();
 * await store.enqueue(planDeliveries({ … }, accounts));
 * await deliverPending({ store, accounts, owner: 'worker-1' });
 * ```
 */
export function memoryDeliveryStore(): MemoryLedger {
  return createMemoryLedger().ledger;
}
