import type { Level } from '../confidentiality/levels';
import type { Finding } from '../findings/finding';

/** The roles govpub knows. A user may hold several. */
export const ROLES = ['author', 'reviewer', 'approver', 'publisher', 'admin'] as const;
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** The user acting on a command, as the host authenticated them. */
export interface Actor {
  id: string;
  roles: readonly Role[];
  /** Scopes review: a reviewer acts only on documents of their department unless `admin`. */
  department?: string;
}

/** The states a document moves through; see `docs/workflow.md` for the diagram. */
export const DOCUMENT_STATES = ['draft', 'in_review', 'rejected', 'approved', 'scheduled', 'published', 'withdrawn'] as const;
/** One of {@link DOCUMENT_STATES}. */
export type DocumentState = (typeof DOCUMENT_STATES)[number];

/** One review step of the policy, e.g. `{ id: 'final', roles: ['approver'] }`. */
export interface ReviewStep {
  id: string;
  /** Any one of these roles may sign the step. */
  roles: readonly Role[];
  /** Shown in the demo and docs, e.g. `终审`. */
  label?: string;
}

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

/** Audit event types; more may be added, so hosts should ignore types they do not know. */
export type AuditEventType =
  | 'created'
  | 'updated'
  | 'submitted'
  | 'approved'
  | 'rejected'
  | 'scheduled'
  | 'unscheduled'
  | 'published'
  | 'withdrawn'
  | 'revised'
  | 'waived';

/**
 * One entry of a document's audit trail. `hash` is SHA-256 over `prevHash` and the
 * canonical JSON of the other fields, so any edit breaks the chain.
 */
export interface AuditEvent {
  documentId: string;
  /** 1, 2, 3, … per document. */
  seq: number;
  type: AuditEventType;
  actor: Actor;
  at: string;
  revision: number;
  /** What the event did: the step signed, the reason, the outputs, … */
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}
