// One copy of the in-memory ledger: it lives in storage/ (the memory adapter's `deliveries`
// is the same code); the delivery area keeps its historical names.
import type { MemoryLedger } from '../storage/index';

export { applyUpdate, memoryDeliveryStore } from '../storage/index';

/** The in-memory ledger with its extra, synchronous view (`all()`) for tests. */
export type MemoryDeliveryStore = MemoryLedger;
