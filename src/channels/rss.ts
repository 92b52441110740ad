import { builtInBase } from './limits';
import { renderRssItem } from './feed';
import { parseChannelOptions } from './options';
import type { ChannelDefinition, FormatOptions } from './types';

/** Options of the `rss` channel: none beyond the common ones. */
export type RssOptions = FormatOptions;

/** One feed item, ready to be placed in a channel by the host's feed (see {@link renderFeed}). */
export interface RssPayload {
  /** One RSS 2.0 `<item>` element. */
  xml: string;
}

/** RSS: one `<item>` per article; dates in UTC so the item hashes the same everywhere. */
export const rss: ChannelDefinition<RssPayload> = {
  ...builtInBase('rss'),
  format(article, { options, markdown }) {
    parseChannelOptions('rss', {}, options);
    return { payload: { xml: renderRssItem(article, markdown) }, findings: [] };
  },
};
