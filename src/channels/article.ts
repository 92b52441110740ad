import { isValid, parseISO } from 'date-fns';
import * as z from 'zod';
import { parseOrThrow } from '../errors/index';
import { MAX_TEXT_LENGTH } from '../text/index';
import type { Article } from './types';
import { classifyUrl } from './url';

const absoluteHttpUrl = z
  .string()
  .max(8192, 'at most 8192 characters')
  .refine((u) => classifyUrl(u, ['http', 'https']) === 'absolute' && URL.canParse(u), { message: 'must be an absolute http(s) URL' });

// An instant: a date-time with seconds optional, a fraction optional, and an offset or `Z`
// required. Without the offset the same text is a different instant on each server (the
// host's TZ would decide), so RSS dates and content hashes would differ between them.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * An instant as govpub accepts it at every boundary: a valid `Date`, or an ISO 8601
 * date-time string with an offset or `Z` (`2025-01-01T08:00:00+08:00`). Naive date-times
 * and bare dates are refused.
 */
export const instantSchema = z.union([
  z.date().refine((d) => isValid(d), { message: 'invalid date' }),
  z
    .string()
    .max(40, 'must be an ISO 8601 date-time')
    .refine((s) => INSTANT.test(s) && isValid(parseISO(s.toUpperCase())), {
      message: 'must be an ISO 8601 date-time with an offset or Z, e.g. 2025-01-01T08:00:00+08:00 (without one it means a different instant on each server)',
    }),
]);

/** The longest body an article may have (UTF-16 units): {@link MAX_TEXT_LENGTH}, 1,000,000. */
export const MAX_BODY_LENGTH = MAX_TEXT_LENGTH;
/** The longest title, summary, author, source or tag an article may have. */
export const MAX_FIELD_LENGTH = 10_000;

const field = () => z.string().max(MAX_FIELD_LENGTH, `at most ${MAX_FIELD_LENGTH} characters`);

/**
 * The shape {@link formatFor} accepts as an article: a non-blank `title`, a Markdown `body`,
 * optional text fields, `url` and `coverImage` as absolute http(s) URLs, `tags` non-blank,
 * and `publishedAt` / `updatedAt` as instants ({@link instantSchema}). Exported so that a
 * draft schema can reuse it, making "the draft is valid" and "the channels accept it" one rule.
 */
export const articleSchema = z.object({
  title: field().trim().min(1, 'title is required'),
  body: z.string().max(MAX_BODY_LENGTH, `at most ${MAX_BODY_LENGTH} characters`),
  summary: field().optional(),
  author: field().optional(),
  source: field().optional(),
  url: absoluteHttpUrl.optional(),
  coverImage: absoluteHttpUrl.optional(),
  tags: z.array(field().trim().min(1)).max(1000).optional(),
  publishedAt: instantSchema.optional(),
  updatedAt: instantSchema.optional(),
});

/** Validates an article; throws `GovpubError('VALIDATION')` listing every problem with its path. */
export function parseArticle(value: unknown, what = 'article'): Article {
  return parseOrThrow(articleSchema, value, what) as Article;
}

/** An article date as a `Date` (ISO strings are parsed), or `undefined`. */
export function toDate(value: Date | string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  // RFC 3339 allows a lower-case `t` and `z`; date-fns reads only upper case.
  return typeof value === 'string' ? parseISO(value.toUpperCase()) : value;
}
