import * as z from 'zod';
import { validationError } from '../errors/index';
import { parseOrThrow } from '../errors/index';
import { canonicalJson } from '../hash/index';
import { sha256Hex } from '../hash/index';
import { instantSchema, parseArticle, toDate } from './article';
import { rfc3339, rfc822 } from './dates';
import { escapeXml } from './escape';
import { MarkdownSource } from './markdown-source';
import type { Article } from './types';
import { offsetMinutesAt, timeZoneSchema } from './time-zone';
import { classifyUrl } from './url';

/** A person in an Atom feed (RFC 4287 §3.2). */
export interface FeedPerson {
  name: string;
  email?: string;
  uri?: string;
}

/** The feed itself: what {@link renderFeed} needs besides the articles. */
export interface FeedInfo {
  title: string;
  /** The site (or column) the feed is about: RSS `<link>`, Atom `link rel="alternate"`. */
  link: string;
  /** RSS `<description>` and Atom `<subtitle>`; defaults to `title`. */
  description?: string;
  /** RSS `<language>`, e.g. `zh-CN`. */
  language?: string;
  /** Atom `<id>`: an absolute http(s) URL or a `urn:`; defaults to `link`. Keep it stable forever. */
  id?: string;
  /** Refuse http (not https) images in item bodies: they become `insecure_image` removals. */
  httpsOnly?: boolean;
  /** Where the feed itself is served: `atom:link rel="self"`. */
  selfUrl?: string;
  /** Atom feed author; required unless every article has an `author`. */
  author?: string | FeedPerson;
  /** When the feed last changed; defaults to the newest article date. */
  updated?: Date | string;
  /**
   * The office's time zone (IANA name, e.g. `Asia/Shanghai`): every date is written as the
   * wall clock there with that zone's offset at that instant. Default: UTC (`GMT` / `Z`), so
   * feeds already published keep their bytes and content hashes.
   */
  timeZone?: string;
  /** A fixed offset from UTC, in minutes, instead of `timeZone` (give one or the other). */
  utcOffsetMinutes?: number;
}

/** How a feed turns an instant into the offset it is written at. */
export type OffsetFor = (date: Date) => number;

/** @internal The offset function for a `timeZone` / `utcOffsetMinutes` pair (UTC when neither). */
export function offsetFunction(timeZone: string | undefined, utcOffsetMinutes: number | undefined): OffsetFor {
  if (timeZone !== undefined) return (d) => offsetMinutesAt(d, timeZone);
  const fixed = utcOffsetMinutes ?? 0;
  return () => fixed;
}

/** Feed formats {@link renderFeed} writes: RSS 2.0 or Atom (RFC 4287). */
export type FeedFormat = 'rss' | 'atom';

// RFC 8141 URN syntax (NID of 2–32 characters), as Atom ids commonly use (urn:uuid:…).
const ATOM_URN = /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,30}[A-Za-z0-9]:[^\s<>"]+$/i;
const httpUrl = z.string().refine((u) => classifyUrl(u, ['http', 'https']) === 'absolute' && URL.canParse(u), { message: 'must be an absolute http(s) URL' });
const person = z.object({ name: z.string().trim().min(1), email: z.email().optional(), uri: httpUrl.optional() }).strict();
const feedSchema = z
  .object({
    title: z.string().trim().min(1),
    link: httpUrl,
    description: z.string().optional(),
    language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).optional(),
    id: z
      .string()
      .max(2048)
      .refine((s) => (classifyUrl(s, ['http', 'https']) === 'absolute' && URL.canParse(s)) || ATOM_URN.test(s), {
        message: 'must be an absolute http(s) URL or a urn: (e.g. urn:uuid:…); other schemes such as javascript: are refused',
      })
      .optional(),
    httpsOnly: z.boolean().optional(),
    selfUrl: httpUrl.optional(),
    author: z.union([z.string().trim().min(1), person]).optional(),
    updated: instantSchema.optional(),
    timeZone: timeZoneSchema.optional(),
    utcOffsetMinutes: z.number().int().min(-840).max(840).optional(),
  })
  .strict()
  .refine((f) => f.timeZone === undefined || f.utcOffsetMinutes === undefined, { message: 'give timeZone or utcOffsetMinutes, not both', path: ['timeZone'] });

/**
 * A stable `urn:uuid:` (RFC 9562 version 8, i.e. custom) from the article's identity, for
 * items that have no URL to serve as their id: the same article always gets the same id.
 */
export function articleUuid(article: Article): string {
  parseArticle(article);
  const h = sha256Hex(canonicalJson({ title: article.title, body: article.body, publishedAt: toDate(article.publishedAt)?.toISOString() ?? null }));
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The description HTML of a feed item: the website rendering, links absolute. */
function itemHtml(article: Article, markdown: MarkdownSource, lang: string | undefined, httpsOnly = false): string {
  return markdown.html({ kind: 'website', lang: lang ?? 'zh-CN', ...(article.url !== undefined && { baseUrl: article.url }), ...(httpsOnly && { httpsOnly }) }).html;
}

/**
 * One RSS 2.0 `<item>`: title, link, description (escaped HTML), category per tag, guid
 * (the URL as a permalink, else a stable `urn:uuid`), pubDate (RFC 822) and author when it
 * is an e-mail address (RSS 2.0 requires one there).
 */
export function renderRssItem(article: Article, markdown: MarkdownSource, options: { language?: string; offsetFor?: OffsetFor; httpsOnly?: boolean } = {}): string {
  const lines = [`<item>`, `  <title>${escapeXml(article.title.trim())}</title>`];
  if (article.url) lines.push(`  <link>${escapeXml(article.url)}</link>`);
  lines.push(`  <description>${escapeXml(itemHtml(article, markdown, options.language, options.httpsOnly))}</description>`);
  if (article.author && /^[^\s@]+@[^\s@]+$/.test(article.author.trim())) lines.push(`  <author>${escapeXml(article.author.trim())}</author>`);
  for (const tag of article.tags ?? []) lines.push(`  <category>${escapeXml(tag)}</category>`);
  lines.push(
    article.url
      ? `  <guid isPermaLink="true">${escapeXml(article.url)}</guid>`
      : `  <guid isPermaLink="false">${articleUuid(article)}</guid>`,
  );
  const published = toDate(article.publishedAt);
  if (published) lines.push(`  <pubDate>${rfc822(published, options.offsetFor?.(published) ?? 0)}</pubDate>`);
  lines.push(`</item>`);
  return lines.join('\n');
}

function personXml(tag: string, p: string | FeedPerson, indent: string): string {
  const person = typeof p === 'string' ? { name: p } : p;
  const parts = [`${indent}<${tag}>`, `${indent}  <name>${escapeXml(person.name)}</name>`];
  if (person.email) parts.push(`${indent}  <email>${escapeXml(person.email)}</email>`);
  if (person.uri) parts.push(`${indent}  <uri>${escapeXml(person.uri)}</uri>`);
  parts.push(`${indent}</${tag}>`);
  return parts.join('\n');
}

/**
 * A whole feed: RSS 2.0 (`<rss version="2.0">` with the required channel `title`, `link` and
 * `description`) or Atom (RFC 4287: `id`, `title`, `updated` and an author on the feed or on
 * every entry; each entry with `id`, `title`, `updated`). Dates are RFC 822 for RSS and
 * RFC 3339 for Atom; every text is XML-escaped and item bodies are sanitised HTML.
 *
 * Throws `VALIDATION` on a bad feed or article, and for Atom when a required date or author
 * cannot be found.
 *
 * @example
 * ```ts
 * const xml = renderFeed(articles, { title: '市政府 · 通知公告', link: 'https://www.example.gov.cn/tzgg/' }, 'atom');
 * ```
 */
export function renderFeed(articles: readonly Article[], feed: FeedInfo, format: FeedFormat): string {
  const info = parseOrThrow(feedSchema, feed, 'feed') as FeedInfo;
  if (format !== 'rss' && format !== 'atom') {
    throw validationError('feed format', [{ path: ['format'], message: "expected 'rss' or 'atom'" }]);
  }
  if (!Array.isArray(articles)) throw validationError('articles', [{ path: [], message: 'expected an array of articles' }]);
  const items = articles.map((a, i) => parseArticle(a, `articles[${i}]`));
  const offset = offsetFunction(info.timeZone, info.utcOffsetMinutes);
  const feedUpdated = info.updated !== undefined ? toDate(info.updated) : undefined;
  if (feedUpdated && Number.isNaN(feedUpdated.getTime())) {
    throw validationError('feed', [{ path: ['updated'], message: 'must be an ISO 8601 date' }]);
  }
  return format === 'rss' ? rss(items, info, offset) : atom(items, info, offset, feedUpdated);
}

function rss(items: Article[], info: FeedInfo, offset: OffsetFor): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${escapeXml(info.title)}</title>`,
    `<link>${escapeXml(info.link)}</link>`,
    `<description>${escapeXml(info.description ?? info.title)}</description>`,
  ];
  if (info.language) out.push(`<language>${escapeXml(info.language)}</language>`);
  if (info.selfUrl) out.push(`<atom:link href="${escapeXml(info.selfUrl)}" rel="self" type="application/rss+xml"/>`);
  const newest = latest(items.map((a) => toDate(a.updatedAt) ?? toDate(a.publishedAt)));
  if (newest) out.push(`<lastBuildDate>${rfc822(newest, offset(newest))}</lastBuildDate>`);
  out.push('<generator>govpub</generator>');
  for (const a of items) {
    out.push(renderRssItem(a, new MarkdownSource(a.body), { ...(info.language !== undefined && { language: info.language }), offsetFor: offset, httpsOnly: info.httpsOnly ?? false }));
  }
  out.push('</channel>', '</rss>', '');
  return out.join('\n');
}

function atom(items: Article[], info: FeedInfo, offset: OffsetFor, feedUpdated: Date | undefined): string {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const entryDates = items.map((a) => toDate(a.updatedAt) ?? toDate(a.publishedAt));
  const updated = feedUpdated ?? latest(entryDates);
  if (!updated) issues.push({ path: ['updated'], message: 'Atom requires feed.updated (or articles with dates)' });
  items.forEach((a, i) => {
    if (!info.author && !a.author?.trim()) {
      issues.push({ path: ['articles', i, 'author'], message: 'Atom requires an author on the feed or on every entry (RFC 4287 §4.1.1)' });
    }
  });
  if (issues.length) throw validationError('Atom feed', issues);

  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${info.language ? ` xml:lang="${escapeXml(info.language)}"` : ''}>`,
    `  <id>${escapeXml(info.id ?? info.link)}</id>`,
    `  <title type="text">${escapeXml(info.title)}</title>`,
  ];
  if (info.description) out.push(`  <subtitle type="text">${escapeXml(info.description)}</subtitle>`);
  out.push(`  <updated>${rfc3339(updated!, offset(updated!))}</updated>`);
  out.push(`  <link rel="alternate" type="text/html" href="${escapeXml(info.link)}"/>`);
  if (info.selfUrl) out.push(`  <link rel="self" type="application/atom+xml" href="${escapeXml(info.selfUrl)}"/>`);
  if (info.author) out.push(personXml('author', info.author, '  '));
  out.push('  <generator>govpub</generator>');
  items.forEach((a, i) => {
    const markdown = new MarkdownSource(a.body);
    const published = toDate(a.publishedAt);
    out.push('  <entry>');
    out.push(`    <id>${escapeXml(a.url ?? articleUuid(a))}</id>`);
    out.push(`    <title type="text">${escapeXml(a.title.trim())}</title>`);
    const entryUpdated = entryDates[i] ?? updated!;
    out.push(`    <updated>${rfc3339(entryUpdated, offset(entryUpdated))}</updated>`);
    if (published) out.push(`    <published>${rfc3339(published, offset(published))}</published>`);
    if (a.url) out.push(`    <link rel="alternate" type="text/html" href="${escapeXml(a.url)}"/>`);
    if (a.author?.trim()) out.push(personXml('author', a.author.trim(), '    '));
    for (const tag of a.tags ?? []) out.push(`    <category term="${escapeXml(tag)}"/>`);
    if (a.summary?.trim()) out.push(`    <summary type="text">${escapeXml(a.summary.trim())}</summary>`);
    out.push(`    <content type="html">${escapeXml(itemHtml(a, markdown, info.language, info.httpsOnly))}</content>`);
    out.push('  </entry>');
  });
  out.push('</feed>', '');
  return out.join('\n');
}

function latest(dates: (Date | undefined)[]): Date | undefined {
  let best: Date | undefined;
  for (const d of dates) if (d && (!best || d.getTime() > best.getTime())) best = d;
  return best;
}
