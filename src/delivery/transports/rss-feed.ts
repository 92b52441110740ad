import * as z from 'zod';
import { renderFeed, type Article, type FeedFormat, type FeedInfo } from '../../channels/index';
import type { Transport } from '../transport';
import { parseTransportConfig } from './config';

/** Configuration of {@link feedTransport}. */
export interface FeedTransportConfig {
  feed: FeedInfo;
  /** Default `rss`. */
  format?: FeedFormat;
  /** The articles the feed lists now: the host's published, not withdrawn documents, newest first. */
  articles: () => Promise<Article[]>;
  /** Writes the whole feed (a file, object storage, the CMS). Must replace atomically. */
  writeFeed: (xml: string, format: FeedFormat) => Promise<void>;
  accountId?: string;
}

const configSchema = z
  .object({
    feed: z.object({ title: z.string().min(1), link: z.string().min(1) }).passthrough(),
    format: z.enum(['rss', 'atom']).optional(),
    articles: z.custom<() => Promise<Article[]>>((f) => typeof f === 'function', { message: 'must be a function returning the published articles' }),
    writeFeed: z.custom<(xml: string, format: FeedFormat) => Promise<void>>((f) => typeof f === 'function', { message: 'must be a function' }),
    accountId: z.string().optional(),
  })
  .strict();

/**
 * RSS/Atom: every publication and removal regenerates the whole feed from the host's
 * published documents with {@link renderFeed} and writes it with `writeFeed`. Rewriting the
 * same feed twice changes nothing, so the transport is idempotent, and a withdrawn document
 * leaves the feed on the next write (readers that already fetched it keep their copy).
 */
export function feedTransport(config: FeedTransportConfig): Transport {
  const c = parseTransportConfig(configSchema, config, 'feed');
  const format = c.format ?? 'rss';
  async function regenerate(): Promise<{ items: number; bytes: number }> {
    const articles = await c.articles();
    const xml = renderFeed(articles, c.feed as FeedInfo, format);
    await c.writeFeed(xml, format);
    return { items: articles.length, bytes: new TextEncoder().encode(xml).length };
  }
  const fail = (e: unknown) => ({ status: 'failed' as const, error: { code: 'feed/write_failed', message: e instanceof Error ? e.message : String(e), retryable: true } });
  return {
    idempotent: true,
    async send() {
      try {
        return { status: 'sent', receipt: await regenerate() };
      } catch (e) {
        return fail(e);
      }
    },
    async remove() {
      try {
        return { status: 'removed', receipt: await regenerate() };
      } catch (e) {
        return fail(e);
      }
    },
  };
}
