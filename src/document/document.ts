import type { Finding } from '../findings/index';
import type { Level } from './levels';
import type { ReviewStep } from './review-step';
import type { DocumentState } from './states';

/** A step signed on the current revision. */
export interface Signature {
  step: string;
  actorId: string;
  at: string;
  comment?: string;
}

/** An approver's decision that a specific error finding may pass a gate, with the reason. */
export interface Waiver {
  ruleId: string;
  /** The text the finding covered; the waiver applies only to findings with this excerpt. */
  excerpt: string;
  reason: string;
  actorId: string;
  at: string;
  revision: number;
  /**
   * SHA-256 of the field, the finding's position and the excerpt with up to 20 characters of
   * context on either side, when the waiver was given: an edit that touches any of it voids
   * the waiver. Absent on waivers stored before anchoring existed (they match by excerpt).
   */
  anchor?: string;
}

/** One channel output recorded at publishing: which revision it came from and its hash. */
export interface PublishedOutput {
  channel: string;
  sourceRevision: number;
  contentHash: string;
}

/** The revision readers see, kept while a new revision is being drafted. */
export interface PublishedRevision {
  revision: number;
  title: string;
  body: string;
  summary?: string;
  level: Level;
  publishedAt: string;
  publishedBy: string;
  outputs: PublishedOutput[];
  /** Set when the revision was taken down; it is then no longer live. */
  withdrawn: { at: string; by: string; reason: string } | null;
  /** The duplicate gate's judgement of this revision when it was published (absent on snapshots from before it was kept). */
  originality?: PublishedOriginality;
}

/**
 * The duplicate gate's judgement of a published revision, kept with it (in the document's
 * snapshot and the `published` event) so inspection reports original versus reposted
 * content from storage: the gate runs at submission, and publishing replaces the findings.
 */
export interface PublishedOriginality {
  /** `false` for a declared repost (`repostOf`) or a draft the gate found repeating stored documents. */
  original: boolean;
  /**
   * The largest share of the draft the gate found copied (one match's containment, or a
   * mosaic of several), 0..1; `null` when the gate reported nothing (it reports from its
   * `warnAt`, default 0.5, and may not be configured at all).
   */
  copied: number | null;
}

/** Left by `publishUrgent`: the steps still to be signed after the fact. */
export interface RetrospectiveReview {
  reason: string;
  actorId: string;
  at: string;
  /** Review step ids not yet signed for the published revision. */
  pendingSteps: string[];
  /** Steps signed after the fact, kept apart from the current revision's signatures (a new revision may be drafting). */
  signatures?: Signature[];
}

/** A retrospective reviewer's disagreement with an urgent publication: it puts the document in the withdrawal queue. */
export interface Dispute {
  actorId: string;
  at: string;
  reason: string;
  /** The published revision disputed. */
  revision: number;
}

/**
 * A document as the publisher stores it. `version` counts every write (optimistic
 * concurrency); `revision` counts content revisions opened by `revise`.
 */
export interface GovDocument {
  id: string;
  version: number;
  revision: number;
  state: DocumentState;
  title: string;
  /** Markdown. */
  body: string;
  summary?: string;
  author?: string;
  tags?: string[];
  coverImage?: string;
  url?: string;
  /** Declared classification level; required, never inferred. */
  level: Level;
  /** Channel ids this document is published to. */
  channels: string[];
  authorId: string;
  department?: string;
  /** Id of the document (or a URL) this one reposts with permission. */
  repostOf?: string;
  /** The review step awaiting a signature while `in_review`. */
  currentStep: string | null;
  /** Signatures collected on the current revision. */
  signatures: Signature[];
  /** Warnings (and waived errors) from the last gate run, for reviewers. */
  findings: Finding[];
  waivers: Waiver[];
  scheduledAt: string | null;
  published: PublishedRevision | null;
  retrospectiveReview: RetrospectiveReview | null;
  /**
   * Ids of everyone who edited the current revision with `updateDraft`: they count as its
   * authors for review and waivers. Reset when a new revision opens.
   */
  editors?: string[];
  /** The review steps in force when the document was last submitted; review follows these, not the instance's configuration. */
  reviewSteps?: ReviewStep[];
  /** Set by a `dispute` decision on an urgent publication; cleared by withdrawal or a fully reviewed publication. */
  dispute?: Dispute;
  /**
   * The last audit event's `seq` and `hash`, so dropping events from the trail shows; with
   * `signature` when the publisher has a signer (the signed head of the trail).
   */
  historyHead: HistoryHead | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * A signature over the trail's head `{ documentId, seq, hash, contentDigest }`, as made by a
 * head signer (`createHeadSigner`); stored with the document, verified with the public key.
 */
export interface HistoryHeadSignature {
  alg: 'ed25519' | 'hmac-sha256';
  keyId: string;
  /** When it was signed (ISO 8601, UTC). */
  signedAt: string;
  /** Hex: 128 digits for Ed25519, 64 for HMAC-SHA256. */
  signature: string;
}

/** Where a document's audit trail ends, and — when the host signs heads — its signature. */
export interface HistoryHead {
  seq: number;
  hash: string;
  signature?: HistoryHeadSignature;
}
