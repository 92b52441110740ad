import * as z from 'zod';
import { articleSchema } from '../channels/index';
import { LEVELS, actorSchema, type Level } from '../document/index';
export { actorSchema } from '../document/index';

const editableFields = {
  title: z.string().trim().min(1, 'title must not be empty').max(200),
  body: z.string().max(500_000),
  summary: z.string().max(2_000).optional(),
  author: z.string().max(100).optional(),
  tags: z.array(z.string().trim().min(1)).max(50).optional(),
  // One schema with the channels' article: a URL a channel would refuse at publishing is
  // refused here, when the author can still fix it, not after three signatures.
  coverImage: articleSchema.shape.coverImage,
  url: articleSchema.shape.url,
  level: z.enum(LEVELS, {
    error: (issue) =>
      issue.input === undefined
        ? `level is required (one of ${LEVELS.join(', ')}): nothing is untagged`
        : `unknown level ${JSON.stringify(issue.input)}; expected one of ${LEVELS.join(', ')}`,
  }),
  channels: z.array(z.string().min(1)).min(1, 'at least one channel'),
  repostOf: z.string().min(1).optional(),
};

/** What `createDraft` accepts. `level` is required; `channels` defaults to `['website']`. */
export const draftInputSchema = z.strictObject({
  ...editableFields,
  channels: editableFields.channels.default(['website']),
  department: actorSchema.shape.department,
});

/** What `updateDraft` accepts: any editable field, at least one. */
export const draftPatchSchema = z
  .strictObject({
    title: editableFields.title.optional(),
    body: editableFields.body.optional(),
    summary: editableFields.summary,
    author: editableFields.author,
    tags: editableFields.tags,
    coverImage: editableFields.coverImage,
    url: editableFields.url,
    level: editableFields.level.optional(),
    channels: editableFields.channels.optional(),
    repostOf: editableFields.repostOf,
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'the patch changes nothing' });

/** A review decision; rejecting or disputing needs a comment saying why. */
export const reviewDecisionSchema = z
  .strictObject({
    decision: z.enum(['approve', 'reject', 'dispute']),
    comment: z.string().trim().min(1).max(2_000).optional(),
  })
  .refine((d) => d.decision === 'approve' || d.comment !== undefined, {
    message: 'a rejection or a dispute needs a comment saying why',
    path: ['comment'],
  });

/** A non-empty reason (withdrawal, urgent publishing, waivers). */
export const reasonSchema = z.string().trim().min(1, 'a reason is required').max(2_000);

/** What `waive` accepts. */
export const waiverInputSchema = z.strictObject({
  ruleId: z.string().min(1),
  excerpt: z.string(),
  reason: reasonSchema,
});

/** A point in time: a `Date` or an ISO 8601 string with a time zone. */
export const instantSchema = z.union([
  z.date().refine((d) => !Number.isNaN(d.getTime()), 'invalid date'),
  z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
]);

/** What `createDraft` accepts. */
export interface DraftInput {
  title: string;
  /** Markdown. */
  body: string;
  summary?: string | undefined;
  /** The byline shown by channels (e.g. WeChat `author`), not the acting user. */
  author?: string | undefined;
  tags?: string[] | undefined;
  coverImage?: string | undefined;
  url?: string | undefined;
  /** Required: nothing is untagged. */
  level: Level;
  /** Channel ids; default `['website']`. */
  channels?: string[] | undefined;
  /** Id or URL of the original this document reposts with permission. */
  repostOf?: string | undefined;
  /** Default: the acting author's department. */
  department?: string | undefined;
}

/** What `updateDraft` accepts: any editable field of {@link DraftInput}, at least one. */
export type DraftPatch = Partial<Omit<DraftInput, 'department'>>;

/**
 * A review decision; `comment` is required when rejecting or disputing. `dispute` is for a
 * step owed after an urgent publication: the reviewer disagrees, and the document joins the
 * withdrawal queue (`publisher.withdrawalQueue()`).
 */
export interface ReviewDecision {
  decision: 'approve' | 'reject' | 'dispute';
  comment?: string | undefined;
}

/** An approver's waiver of one finding: its rule id, its excerpt, and why it may pass. */
export interface WaiverInput {
  ruleId: string;
  excerpt: string;
  reason: string;
}
