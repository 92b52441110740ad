/**
 * `govpub/storage`: what an adapter author needs beyond the contract types, so every adapter
 * reads list queries and cursors the same way. Hosts that only use an adapter need none of it.
 *
 * @packageDocumentation
 */
export type { ArtifactStore, CommitRequest, ListPage, ListQuery, StorageAdapter } from './adapter';
export { decodeCursor, encodeCursor } from './cursor';
export type { CursorPosition } from './cursor';
export { matchesQuery, normalizeListQuery } from './list-query';
export type { NormalizedListQuery } from './list-query';
export { memoryAdapter } from './memory-adapter';
