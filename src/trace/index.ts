export { trace } from './trace';
export { indexRevisions } from './index-revisions';
export type { TraceOptions } from './trace';
export { compareWithRevision, MIN_COVERAGE } from './compare-revision';
export type { RevisionComparison } from './compare-revision';
export { renderTrace } from './render-trace';
export type { RenderTraceOptions } from './render-trace';
export { publishedRevisionSchema } from './schemas';
export type { RevisionLookup } from './schemas';
export type { TraceLocale } from './messages';
export type {
  AlignedPassage,
  FactChange,
  FactKind,
  PublishedRevision,
  SentenceRef,
  Span,
  TraceCandidate,
  TraceReason,
  TraceReasonCode,
  TraceResult,
  TraceVerdict,
} from './types';
export { traceInStorage, storedRevisions, storedRevision, storedRevisionId, revisionFromStorage, revisionsOfDocument } from './storage-revisions';
export type { TraceInStorageOptions } from './storage-revisions';
