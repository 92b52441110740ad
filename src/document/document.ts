import type { Finding } from '../findings/index';
import type { Level } from './levels';
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
}

/** Left by `publishUrgent`: the steps still to be signed after the fact. */
export interface RetrospectiveReview {
  reason: string;
  actorId: string;
  at: string;
  /** Review step ids not yet signed for the published revision. */
  pendingSteps: string[];
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
  /** The last audit event's `seq` and `hash`, so dropping events from the trail shows. */
  historyHead: { seq: number; hash: string } | null;
  createdAt: string;
  updatedAt: string;
}
