export type { ArtifactStore, ChangePage, CommitRequest, ListPage, ListQuery, StorageAdapter } from './adapter';
export { decodeCursor, encodeCursor } from './cursor';
export type { CursorPosition } from './cursor';
export { matchesQuery, normalizeListQuery } from './list-query';
export type { NormalizedListQuery } from './list-query';
export { memoryAdapter } from './memory-adapter';
export type { MemoryAdapterOptions } from './memory-adapter';
export { createKeyedMutex } from './keyed-mutex';
export type { KeyedMutex } from './keyed-mutex';
export { storableJson } from './storable';
export type {
  ClaimRequest,
  ClaimedDelivery,
  Delivery,
  DeliveryError,
  DeliveryHistoryEntry,
  DeliveryKind,
  DeliveryLedger,
  DeliveryQuery,
  DeliveryReceipt,
  DeliveryState,
  DeliveryUpdate,
  EnqueueResult,
  Lease,
  LedgerUpdate,
  LedgerWrite,
  ManualTask,
  RecordGuard,
} from './ledger';
export { applyUpdate, claimableFrom, DELIVERY_STATES, guardHolds, OPEN_STATES } from './ledger';
export { createMemoryLedger, ledgerGuardConflict, memoryDeliveryStore } from './memory-ledger';
export type { MemoryLedger, MemoryLedgerInternals } from './memory-ledger';
export type { PublicationEventFacts, PublicationFacts, PublicationFactsPage, PublicationFactsQuery } from './publication-facts';
export { factsFromDocumentAlone, factsOfDocument, standsAlone } from './facts-of-document';
export { publicationFactsPageSize } from './memory-publication-facts';
export type { FingerprintCandidate, FingerprintCandidateOptions, FingerprintIndex, FingerprintWrite } from './adapter';
