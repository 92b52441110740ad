import type { Actor } from './actor';

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
  | 'waived'
  | 'reopened'
  | 'disputed'
  // Delivery outcomes (issue 14), appended by the publisher's delivery worker with the
  // platform's receipt or error in `data`.
  | DeliveryEventType;

/** Audit event types a delivery outcome produces (the workflow appends them to the document's chain). */
export type DeliveryEventType = (typeof DELIVERY_EVENT_TYPES)[number];

/** Every {@link DeliveryEventType}: the events of commits that leave the document's content as it was. */
export const DELIVERY_EVENT_TYPES = [
  'delivered',
  'delivery_failed',
  'delivery_retry',
  'delivery_unknown',
  'delivery_dead',
  'delivery_manual',
  'removed',
  'removal_failed',
  'removal_manual',
] as const;

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
  /**
   * The content digest (`contentDigest`, SHA-256 hex) of the document as the event's commit
   * wrote it; carried by the last event of every commit, so the chain's hash covers it and the
   * stored document is tied to its trail. Absent on events written before digests existed.
   */
  contentDigest?: string;
  prevHash: string;
  hash: string;
}
