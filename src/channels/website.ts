import * as z from 'zod';
import { countOne } from '../text/index';
import { truncate } from '../text/index';
import { validationError } from '../errors/index';
import { toDate } from './article';
import { channelMessage } from './messages';
import { DEFAULT_TIME_ZONE, offsetMinutesAt, timeZoneSchema } from './time-zone';
import { channelFinding, notesToFindings } from './channel-finding';
import { builtInBase, limitSources } from './limits';
import { parseChannelOptions } from './options';
import { leadText } from './text-body';
import type { ChannelDefinition, ChannelFinding, FormatOptions } from './types';

/** Options of the `website` channel. */
export interface WebsiteOptions extends FormatOptions {
  /** BCP 47 language of the fragment, set as `lang` on its `<article>`. Default `zh-CN`. */
  lang?: string;
  /** The office's time zone for the `PubDate` meta (IANA name). Default `Asia/Shanghai`. */
  timeZone?: string;
  /** A fixed offset from UTC, in minutes, instead of `timeZone` (give one or the other). */
  utcOffsetMinutes?: number;
}

/**
 * The `<meta>` values 政府网站网页设计规范 (国办函〔2019〕41号) asks article pages to carry
 * (the host adds the site-level ones: SiteName, SiteDomain, SiteIDCode, ColumnName, …).
 */
export interface WebsiteMeta {
  ArticleTitle: string;
  /** `YYYY-MM-DD HH:mm` in the office's time zone. */
  PubDate?: string;
  ContentSource?: string;
  Keywords?: string;
  Author?: string;
  Description: string;
  Image?: string;
  Url?: string;
}

/** A page of the government website. */
export interface WebsitePayload {
  title: string;
  /** For `<meta name="description">`. */
  description: string;
  /** A semantic, accessible fragment: `<article lang>`, headings from h2 in order, tables with header cells. */
  html: string;
  meta: WebsiteMeta;
}

const SOURCES = limitSources('website');

/**
 * Government website article: a sanitised, semantic HTML fragment (no styles, no event
 * handlers), a description, and the page metadata the national web design specification
 * names. An image without alternative text is an error (GB/T 37668-2019, WCAG 2.1 SC 1.1.1).
 */
export const website: ChannelDefinition<WebsitePayload> = {
  ...builtInBase('website'),
  format(article, { options, limits, markdown }) {
    const opts = parseChannelOptions(
      'website',
      {
        lang: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as zh-CN').optional(),
        timeZone: timeZoneSchema.optional(),
        utcOffsetMinutes: z.number().int().min(-840).max(840).optional(),
      },
      options,
    );
    if (opts.timeZone !== undefined && opts.utcOffsetMinutes !== undefined) {
      throw validationError('website options', [{ path: ['timeZone'], message: 'give timeZone or utcOffsetMinutes, not both' }]);
    }
    const findings: ChannelFinding[] = [];
    const rendered = markdown.html({ kind: 'website', lang: opts.lang ?? 'zh-CN', ...(article.url !== undefined && { baseUrl: article.url }), ...(opts.httpsOnly && { httpsOnly: true }) });
    findings.push(...notesToFindings('website', 'html', markdown.body, rendered.notes, opts.locale));

    const lead = leadText(article, markdown);
    const description = truncate(lead, limits.description ?? Infinity, { boundary: 'sentence', measure: countOne });
    if (description !== lead && article.summary?.trim()) {
      findings.push(
        channelFinding({
          channel: 'website',
          code: 'truncated',
          severity: 'info',
          message: channelMessage('website_truncated', { limit: limits.description }, opts.locale),
          field: 'description',
          text: article.summary,
          textField: 'summary',
          start: Math.max(0, description.length - 1),
          end: article.summary.length,
          ...(limits.description !== undefined && { limit: limits.description }),
          source: SOURCES.description,
        }),
      );
    }

    const meta: WebsiteMeta = { ArticleTitle: article.title.trim(), Description: description };
    const published = toDate(article.publishedAt);
    if (published) meta.PubDate = wallClock(published, opts.utcOffsetMinutes ?? offsetMinutesAt(published, opts.timeZone ?? DEFAULT_TIME_ZONE));
    if (article.source) meta.ContentSource = article.source;
    if (article.tags?.length) meta.Keywords = article.tags.join(',');
    if (article.author) meta.Author = article.author;
    if (article.coverImage) meta.Image = article.coverImage;
    if (article.url) meta.Url = article.url;

    return { payload: { title: article.title.trim(), description, html: rendered.html, meta }, findings };
  },
};

function wallClock(date: Date, offsetMinutes: number): string {
  const d = new Date(date.getTime() + offsetMinutes * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
