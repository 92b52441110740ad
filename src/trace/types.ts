/** A half-open span `[start, end)` of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** One published revision as storage holds it: what {@link TraceOptions.revisions} resolves an id to. */
export interface PublishedRevision {
  /** The id the revision was indexed under (e.g. `"<documentId>@<revision>"`). */
  id: string;
  documentId: string;
  revision: number;
  title: string;
  body: string;
  /** ISO 8601 timestamp with offset. */
  publishedAt: string;
  /** True when this revision was taken down. */
  withdrawn?: boolean;
  /** True when a later revision replaced it. */
  superseded?: boolean;
}

/** How a circulating copy relates to what was published. */
export type TraceVerdict = 'faithful' | 'abridged' | 'altered' | 'unrelated';

/** The kinds of fact compared between the original and the copy. */
export type FactKind = 'figure' | 'date' | 'name' | 'title';

/**
 * A fact that differs between the original and the copy, side by side. An empty `original`
 * (with a `null` span) means the copy states a fact the aligned original sentence does not;
 * an empty `copy` the reverse.
 */
export interface FactChange {
  kind: FactKind;
  original: string;
  copy: string;
  /** In {@link TraceResult.original}. */
  originalSpan: Span | null;
  /** In {@link TraceResult.copy}. */
  copySpan: Span | null;
}

/**
 * One original sentence found in the copy. `same` when they are equal after folding width,
 * case, traditional characters, punctuation and spacing; otherwise `changed`, with the
 * differing characters marked on both sides.
 */
export interface AlignedPassage {
  original: Span;
  copy: Span;
  kind: 'same' | 'changed';
  /** Dice coefficient of the two sentences' normalised character bigram sets, 0..1. */
  score: number;
  /** Stretches of the original sentence missing from the copy's (empty when `same`). */
  removed: Span[];
  /** Stretches of the copy's sentence not in the original (empty when `same`). */
  inserted: Span[];
}

/** A sentence of one text, with its text for convenience. */
export interface SentenceRef extends Span {
  text: string;
}

/** Stable codes of {@link TraceReason}. */
export type TraceReasonCode =
  | 'no-candidate'
  | 'low-coverage'
  | 'template-refilled'
  | 'rewritten'
  | 'fact-changed'
  | 'sentence-added'
  | 'sentence-reworded'
  | 'sentence-dropped'
  | 'copy-faithful'
  | 'revision-withdrawn'
  | 'revision-superseded';

/** Why the verdict is what it is: a stable code, its parameters and a message (Chinese by default). */
export interface TraceReason {
  code: TraceReasonCode;
  params: Record<string, string | number>;
  message: string;
}

/** Another revision that was considered, for transparency. */
export interface TraceCandidate {
  id: string;
  /** Normalised characters of the original found in the copy, less a penalty per changed fact. */
  score: number;
  /** Share of the original's body found in the copy, 0..1. */
  coverage: number;
}

/** What {@link trace} returns. */
export interface TraceResult {
  verdict: TraceVerdict;
  reasons: TraceReason[];
  /** The revision the copy most likely derives from; `null` when nothing comes close. */
  revision: PublishedRevision | null;
  /** The text compared against: the revision's title, a blank line, and its body. */
  original: string;
  /** The text that was traced, unchanged. */
  copy: string;
  /** The part of the copy that reproduces the original (from its first to its last aligned sentence). */
  copySpan: Span | null;
  /** Share of the original's body (normalised characters) found in the copy, 0..1. */
  coverage: number;
  /** Similarity and containment reported by the duplicate index for this revision (0 when not matched there). */
  similarity: number;
  containment: number;
  /** Aligned sentences in copy order. */
  passages: AlignedPassage[];
  /** Original sentences missing from the copy (the title is not counted: reposts retitle). */
  dropped: SentenceRef[];
  /** Copy sentences not in the original, inside the copied stretch or on its topic next to it. */
  added: SentenceRef[];
  /** Copy sentences around the copied stretch that are off its topic (page navigation, other items). */
  surrounding: SentenceRef[];
  /** Changed figures, dates, names and titles: the headline evidence. */
  changes: FactChange[];
  /** Every revision considered, best first. */
  candidates: TraceCandidate[];
}
