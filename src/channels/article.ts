import { isValid, parseISO } from 'date-fns';
import * as z from 'zod';
import { parseOrThrow } from '../errors/index';
import type { Article } from './types';
import { classifyUrl } from './url';

const absoluteHttpUrl = z
  .string()
  .refine((u) => classifyUrl(u, ['http', 'https']) === 'absolute' && URL.canParse(u), { message: 'must be an absolute http(s) URL' });

const dateLike = z.union([
  z.date().refine((d) => isValid(d), { message: 'invalid date' }),
  z.string().refine((s) => isValid(parseISO(s)), { message: 'must be an ISO 8601 date' }),
]);

/** The shape {@link formatFor} accepts as an article. */
export const articleSchema = z.object({
  title: z.string().trim().min(1, 'title is required'),
  body: z.string(),
  summary: z.string().optional(),
  author: z.string().optional(),
  source: z.string().optional(),
  url: absoluteHttpUrl.optional(),
  coverImage: absoluteHttpUrl.optional(),
  tags: z.array(z.string().trim().min(1)).optional(),
  publishedAt: dateLike.optional(),
  updatedAt: dateLike.optional(),
});

/** Validates an article; throws `GovpubError('VALIDATION')` listing every problem with its path. */
export function parseArticle(value: unknown, what = 'article'): Article {
  return parseOrThrow(articleSchema, value, what) as Article;
}

/** An article date as a `Date` (ISO strings are parsed), or `undefined`. */
export function toDate(value: Date | string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? parseISO(value) : value;
}
