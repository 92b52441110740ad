export type { ArtifactStore, CommitRequest, ListPage, ListQuery, StorageAdapter } from './adapter';
export { decodeCursor, encodeCursor } from './cursor';
export type { CursorPosition } from './cursor';
export { matchesQuery, normalizeListQuery } from './list-query';
export type { NormalizedListQuery } from './list-query';
export { memoryAdapter } from './memory-adapter';
