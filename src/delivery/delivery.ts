// The ledger row and its vocabulary are part of the storage contract (storage/ledger.ts);
// the delivery area re-exports them under the same names.
import type { DeliveryKind } from '../storage/index';

export type { Delivery, DeliveryError, DeliveryHistoryEntry, DeliveryKind, DeliveryReceipt, DeliveryState, Lease } from '../storage/index';
export { DELIVERY_STATES, OPEN_STATES } from '../storage/index';

/**
 * The idempotency key of a delivery: `documentId:revision:accountId`, `:remove` appended for
 * a removal. Platforms that de-duplicate receive it (WeChat `clientmsgid`, the webhook's
 * `Idempotency-Key`, the SMS `OutId`/`SessionContext`).
 */
export function idempotencyKey(documentId: string, revision: number, accountId: string, kind: DeliveryKind = 'publish'): string {
  const key = `${documentId}:${revision}:${accountId}`;
  return kind === 'remove' ? `${key}:remove` : key;
}
