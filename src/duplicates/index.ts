export { createDuplicateIndex } from './create-index';
export { loadDuplicateIndex } from './load-index';
export { originality } from './originality';
export { duplicatesGate, DUPLICATES_ARTIFACT_KIND } from './gate';
export type { DuplicatesGate, DuplicatesGateOptions } from './gate';
export type { DuplicateIndexOptions, DuplicateIndexParameters } from './params';
export type {
  DuplicateFingerprint,
  DuplicateIndex,
  DuplicateIndexJSON,
  DuplicateIndexJSONDocument,
  DuplicateIndexStats,
  DuplicateMatch,
  DuplicatePassage,
  DuplicateQueryOptions,
} from './types';
