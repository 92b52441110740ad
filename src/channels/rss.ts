import { builtInBase } from './limits';
import { offsetFunction, renderRssItem } from './feed';
import { notesToFindings } from './channel-finding';
import { timeZoneSchema } from './time-zone';
import { parseChannelOptions } from './options';
import type { ChannelDefinition, FormatOptions } from './types';

/** Options of the `rss` channel. */
export interface RssOptions extends FormatOptions {
  /** The office's time zone for `pubDate` (IANA name). Default: UTC (`GMT`), as before. */
  timeZone?: string;
}

/** One feed item, ready to be placed in a channel by the host's feed (see {@link renderFeed}). */
export interface RssPayload {
  /** One RSS 2.0 `<item>` element. */
  xml: string;
}

/**
 * RSS: one `<item>` per article. Dates are in UTC unless `timeZone` is given; either way
 * they never depend on the host's `TZ`, so the item hashes the same everywhere.
 */
export const rss: ChannelDefinition<RssPayload> = {
  ...builtInBase('rss'),
  format(article, { options, markdown }) {
    const opts = parseChannelOptions('rss', { timeZone: timeZoneSchema.optional() }, options);
    const xml = renderRssItem(article, markdown, { offsetFor: offsetFunction(opts.timeZone, undefined), httpsOnly: opts.httpsOnly ?? false });
    const notes = opts.httpsOnly ? markdown.html({ kind: 'website', lang: 'zh-CN', ...(article.url !== undefined && { baseUrl: article.url }), httpsOnly: true }).notes : [];
    return { payload: { xml }, findings: notesToFindings('rss', 'xml', markdown.body, notes.filter((n) => n.code === 'insecure_image')) };
  },
};
