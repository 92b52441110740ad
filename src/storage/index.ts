export type { ArtifactStore, ChangePage, CommitRequest, ListPage, ListQuery, StorageAdapter } from './adapter';
export { decodeCursor, encodeCursor } from './cursor';
export type { CursorPosition } from './cursor';
export { matchesQuery, normalizeListQuery } from './list-query';
export type { NormalizedListQuery } from './list-query';
export { memoryAdapter } from './memory-adapter';
export { createKeyedMutex } from './keyed-mutex';
export type { KeyedMutex } from './keyed-mutex';
export { storableJson } from './storable';
