import type { StorageAdapter } from '../storage/index';
import type { DeliveryStateOf } from './records-from-facts';
import type { RecordDeliveryState } from './types';

/** A delivery as far as inspection reads it (a row of the delivery ledger, `govpub` delivery area). */
interface LedgerRow {
  documentId: string;
  revision: number;
  accountId: string;
  kind?: string;
  state: string;
}

/** The ledger capability as far as inspection uses it: `list()` of every delivery. */
interface LedgerLike {
  list(query?: Record<string, unknown>): Promise<unknown[]>;
}

/**
 * The ledger's states in the words of {@link PublicationRecord.deliveryState}: `sent` is out;
 * `removed` was out until withdrawal took it down; `unknown` and `manual` are not known to be
 * out yet (being reconciled, or waiting for a person), like a delivery still `sending`.
 */
const STATE_OF: Readonly<Record<string, RecordDeliveryState>> = {
  pending: 'pending',
  sending: 'sending',
  unknown: 'sending',
  manual: 'sending',
  sent: 'delivered',
  removed: 'delivered',
  failed: 'failed',
  dead: 'dead',
};

/**
 * The delivery state of each publication to each account, from the storage's delivery
 * ledger (`storage.deliveries`, a `DeliveryStore`), or `undefined` when the adapter has no
 * ledger. Read structurally, so inspection works with adapters with and without one. Only
 * `publish` deliveries count; a row in a state inspection does not know is left out.
 */
export async function deliveryStates(storage: StorageAdapter): Promise<DeliveryStateOf | undefined> {
  const ledger = (storage as { deliveries?: unknown }).deliveries as Partial<LedgerLike> | undefined;
  if (typeof ledger !== 'object' || ledger === null || typeof ledger.list !== 'function') return undefined;
  const rows = await ledger.list.call(ledger, { kind: 'publish' });
  const states = new Map<string, RecordDeliveryState>();
  for (const raw of rows) {
    const row = raw as Partial<LedgerRow>;
    if (typeof row.documentId !== 'string' || typeof row.revision !== 'number' || typeof row.accountId !== 'string' || typeof row.state !== 'string') continue;
    if (row.kind !== undefined && row.kind !== 'publish') continue;
    const state = STATE_OF[row.state];
    if (state !== undefined) states.set(key(row.documentId, row.revision, row.accountId), state);
  }
  return (documentId, revision, accountId) => states.get(key(documentId, revision, accountId));
}

function key(documentId: string, revision: number, accountId: string): string {
  return `${documentId}\u0000${revision}\u0000${accountId}`;
}
