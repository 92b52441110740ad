import * as z from 'zod';
import { parseOrThrow } from '../errors/index';
import { inboundMessageSchema } from './schemas';
import type { InboundMessage, Reply, ReplyReviewStep } from './types';

/**
 * Review of a reply to a message: shorter than the 三审 of an article — one reviewer, then an
 * approver — because replies are due within days and speak for the office on one person's case.
 */
export const REPLY_REVIEW_STEPS: readonly ReplyReviewStep[] = [
  { id: 'initial', roles: ['reviewer', 'approver'] },
  { id: 'final', roles: ['approver'] },
];

/** Counts of messages received in a window. */
export interface MessageCounts {
  received: number;
  /** Replied by `now`. */
  answered: number;
  /** Replied, but after the due date. */
  answeredLate: number;
  unanswered: number;
  /** Unanswered and past the due date. */
  overdue: number;
}

const replySchema = z.object({
  id: z.string().min(1),
  messageId: z.string().min(1),
  accountId: z.string().min(1),
  documentId: z.string().min(1),
  dueAt: z.iso.datetime({ offset: true }),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
});

/**
 * Counts answered, unanswered and overdue messages as of `now`. A message is answered when its
 * `repliedAt` is set, or when one of `replies` for it was published, by `now`.
 *
 * @example
 * ```ts
 * const { overdue } = countMessages({ messages, replies, now: new Date().toISOString() });
 * ```
 */
export function countMessages(input: { messages: readonly InboundMessage[]; replies?: readonly Reply[]; now: string }): MessageCounts {
  const v = parseOrThrow(
    z.strictObject({ messages: z.array(inboundMessageSchema), replies: z.array(replySchema).optional(), now: z.iso.datetime({ offset: true }) }),
    input,
    'countMessages input',
  );
  const nowMs = Date.parse(v.now);
  const firstReply = new Map<string, number>();
  for (const r of v.replies ?? []) {
    if (r.publishedAt === undefined) continue;
    const at = Date.parse(r.publishedAt);
    const prev = firstReply.get(r.messageId);
    if (prev === undefined || at < prev) firstReply.set(r.messageId, at);
  }
  const counts: MessageCounts = { received: 0, answered: 0, answeredLate: 0, unanswered: 0, overdue: 0 };
  for (const m of v.messages) {
    if (Date.parse(m.receivedAt) > nowMs) continue;
    const candidates = [m.repliedAt === undefined ? undefined : Date.parse(m.repliedAt), firstReply.get(m.id)].filter((x): x is number => x !== undefined && x <= nowMs);
    const replied = candidates.length ? Math.min(...candidates) : null;
    tallyMessage(counts, replied, Date.parse(m.dueAt), nowMs);
  }
  return counts;
}

/** @internal Adds one received message to `counts`; `replied` is when it was answered (by now) or null. */
export function tallyMessage(counts: MessageCounts, replied: number | null, due: number, nowMs: number): void {
  counts.received++;
  if (replied !== null) {
    counts.answered++;
    if (replied > due) counts.answeredLate++;
  } else {
    counts.unanswered++;
    if (due < nowMs) counts.overdue++;
  }
}
