// The ledger's contract is part of the storage contract (storage/ledger.ts); these are the
// delivery area's names for it.
import type { DeliveryLedger } from '../storage/index';

export type { ClaimRequest, ClaimedDelivery, DeliveryQuery, DeliveryUpdate, EnqueueResult, LedgerUpdate, LedgerWrite, RecordGuard } from '../storage/index';

/**
 * The delivery ledger a worker reads and writes: the storage adapter's `deliveries`
 * (memory and PostgreSQL adapters), or a standalone {@link memoryDeliveryStore}. Same type as
 * `DeliveryLedger`.
 */
export type DeliveryStore = DeliveryLedger;
