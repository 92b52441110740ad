export { createDuplicateIndex } from './create-index';
export { loadDuplicateIndex } from './load-index';
export { originality } from './originality';
export { fingerprintSchema } from './schemas';
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
export { duplicateProbe, fingerprintHashes, fingerprintScheme } from './probe';
export type { DuplicateProbe, ProbeCandidate } from './probe';
