import * as z from 'zod';
import { truncate } from '../text/index';
import { channelFinding, checkLength } from './channel-finding';
import type { ChannelLocale } from './locale';
import { channelMessage } from './messages';
import { builtInBase, limitSources } from './limits';
import { weiboLength, weiboMeasure } from './measures';
import type { MarkdownSource } from './markdown-source';
import { parseChannelOptions } from './options';
import { DOMAIN_PATTERN, hasLinkOnDomain } from './safe-link';
import { leadText } from './text-body';
import type { Article, ChannelDefinition, ChannelFinding, FormatOptions } from './types';

/** Options of the `weibo` channel: `limits` (e.g. `{ text: 140 }` for a classic short post) and the app's `safeDomain`. */
export interface WeiboOptions extends FormatOptions {
  /**
   * The app's safe domain (安全域名): when set, a post without a link on it is an error
   * finding, so the submit gate stops it before anyone signs (Weibo refuses such a post).
   * A Weibo account's transport sets it for its account.
   */
  safeDomain?: string;
}

/** A Weibo post. */
export interface WeiboPayload {
  /** `【title】lead text #topic# link`, within the weighted limit. */
  text: string;
}

const SOURCES = limitSources('weibo');

/**
 * Weibo post: `【title】` then the summary (or the body as plain text), the tags as
 * `#topic#`, and the article link. Counted the way Weibo counts (ASCII ½, a link a fixed
 * weight); when too long, the running text is cut at a sentence end with `…`, and the topics
 * and link are always kept.
 */
export const weibo: ChannelDefinition<WeiboPayload> = {
  ...builtInBase('weibo'),
  measure: weiboMeasure,
  format(article, { options, limits, markdown }) {
    const { safeDomain } = parseChannelOptions('weibo', { safeDomain: z.string().regex(DOMAIN_PATTERN, 'must be a domain name').optional() }, options);
    const result = formatWeibo(article, markdown, limits.text ?? 2000, limits.urlWeight ?? 10, options.locale);
    if (safeDomain !== undefined && !hasLinkOnDomain(result.payload.text, safeDomain)) {
      result.findings.push(
        channelFinding({
          channel: 'weibo',
          code: 'missing_safe_link',
          severity: 'error',
          message: channelMessage('weibo_missing_safe_link', { domain: safeDomain }, options.locale),
          field: 'text',
          text: result.payload.text,
          textField: 'payload.text',
          start: 0,
          end: 0,
          source: '微博开放平台 API 文档 statuses/share：status 须包含安全域名下的链接',
        }),
      );
    }
    return result;
  },
};

function formatWeibo(article: Article, markdown: MarkdownSource, limit: number, urlWeight: number, locale: ChannelLocale | undefined) {
  const findings: ChannelFinding[] = [];
  const topics = (article.tags ?? [])
    .map((t) => t.replace(/[#\s]/g, ''))
    .filter((t) => t !== '')
    .map((t) => `#${t}#`);
  const tail = [...topics, ...(article.url ? [article.url] : [])].join(' ');
  const head = `【${article.title.trim()}】${leadText(article, markdown)}`;
  const full = tail ? `${head} ${tail}` : head;
  const fullLength = weiboLength(full, urlWeight);
  let text = full;

  if (fullLength > limit) {
    const tailLength = tail ? weiboLength(` ${tail}`, urlWeight) : 0;
    const budget = limit - tailLength;
    if (budget >= 2) {
      // Links inside the running text are counted per character here, more than Weibo
      // would count them; the cut may be a little shorter than needed, never too long.
      const cut = truncate(head, budget, { measure: weiboMeasure, boundary: 'sentence', ellipsis: '…' });
      text = tail ? `${cut} ${tail}` : cut;
      findings.push(
        channelFinding({
          channel: 'weibo',
          code: 'truncated',
          severity: 'info',
          message: channelMessage('weibo_truncated', { actual: fullLength, limit }, locale),
          field: 'text',
          text,
          textField: 'payload.text',
          start: cut.length - 1,
          end: cut.length,
          limit,
          actual: fullLength,
          source: SOURCES.text,
        }),
      );
    }
  }
  const tooLong = checkLength({
    channel: 'weibo',
    field: 'text',
    text,
    textField: 'payload.text',
    limit,
    measure: weiboMeasure,
    actual: weiboLength(text, urlWeight),
    unit: 'Weibo characters',
    locale,
    source: SOURCES.text,
  });
  if (tooLong) {
    tooLong.message += channelMessage('too_long_tail', {}, locale);
    findings.push(tooLong);
  }
  return { payload: { text }, findings };
}
