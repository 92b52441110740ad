import * as z from 'zod';
import { countGraphemes, countOne } from '../text/index';
import { truncate } from '../text/index';
import { channelFinding, checkLength, notesToFindings } from './channel-finding';
import { channelMessage } from './messages';
import { decodeEntities } from './escape';
import { builtInBase, limitSources } from './limits';
import { utf8Length } from './measures';
import { parseChannelOptions } from './options';
import { DEFAULT_WECHAT_THEME, wechatThemeSchema, type WechatTheme } from './theme';
import type { ChannelDefinition, ChannelFinding, FormatOptions } from './types';

/** Options of the `wechat` channel. */
export interface WechatOptions extends FormatOptions {
  /** Inline styles, merged over {@link DEFAULT_WECHAT_THEME}; set a key to `''` to drop its style. */
  theme?: WechatTheme;
  /** Open comments on the article (`need_open_comment: 1`). Default false. */
  needOpenComment?: boolean;
}

/** The fields of one article in WeChat's `draft/add` request. */
export interface WechatPayload {
  title: string;
  author: string;
  digest: string;
  /** Body HTML: inline theme styles only, external links as numbered references. */
  content: string;
  content_source_url: string;
  need_open_comment: 0 | 1;
}

const SOURCES = limitSources('wechat');

/**
 * WeChat Official Account article (草稿箱 `draft/add` fields). Title, author and an authored
 * summary over their limits are errors (WeChat rejects them; cutting a title silently would
 * change what was approved); a digest derived from the body is cut at a sentence end.
 */
export const wechat: ChannelDefinition<WechatPayload> = {
  ...builtInBase('wechat'),
  format(article, { options, limits, markdown }) {
    const opts = parseChannelOptions('wechat', { theme: wechatThemeSchema.optional(), needOpenComment: z.boolean().optional() }, options);
    const findings: ChannelFinding[] = [];
    const push = (f: ChannelFinding | undefined) => f && findings.push(f);
    const common = { channel: 'wechat', measure: countOne, severity: 'error' as const, locale: opts.locale };

    const title = article.title.trim();
    push(checkLength({ ...common, field: 'title', text: title, textField: 'title', limit: limits.title, source: SOURCES.title }));
    const author = (article.author ?? '').trim();
    push(checkLength({ ...common, field: 'author', text: author, textField: 'author', limit: limits.author, source: SOURCES.author }));

    let digest: string;
    if (article.summary !== undefined && article.summary.trim() !== '') {
      digest = article.summary.trim();
      push(checkLength({ ...common, field: 'digest', text: digest, textField: 'summary', limit: limits.digest, source: SOURCES.digest }));
    } else {
      digest = truncate(markdown.plainText().replace(/\n/g, ' '), limits.digest ?? Infinity, { boundary: 'sentence' });
    }

    const theme = opts.theme ? { ...DEFAULT_WECHAT_THEME, ...opts.theme } : DEFAULT_WECHAT_THEME;
    const rendered = markdown.html({ kind: 'wechat', theme, ...(article.url !== undefined && { baseUrl: article.url }), ...(opts.httpsOnly && { httpsOnly: true }) });
    findings.push(...notesToFindings('wechat', 'content', markdown.body, rendered.notes, opts.locale));
    const content = rendered.html;
    // WeChat's 20,000 counts the characters of the article as the editor shows them, not
    // the HTML around them (inline styles alone would use up half of it on a long article).
    const visible = decodeEntities(content.replace(/>\s*\n\s*</g, '><').replace(/<[^>]*>/g, ''));
    const visibleCount = countGraphemes(visible, countOne);
    if (limits.content !== undefined && visibleCount > limits.content) {
      findings.push(
        channelFinding({
          channel: 'wechat',
          code: 'too_long',
          severity: 'error',
          message: channelMessage('content_too_long', { actual: visibleCount, max: limits.content + 1 }, opts.locale),
          field: 'content',
          text: content,
          textField: 'payload.content',
          start: 0,
          end: 0,
          limit: limits.content,
          actual: visibleCount,
          source: SOURCES.content,
        }),
      );
    }
    if (limits.contentBytes !== undefined) {
      push(
        checkLength({
          ...common,
          field: 'content',
          text: content,
          textField: 'payload.content',
          limit: limits.contentBytes,
          actual: utf8Length(content),
          unit: 'bytes',
          // Each grapheme's byte length, so the span starts where the byte budget runs out.
          measure: utf8Length,
          source: SOURCES.contentBytes,
        }),
      );
    }

    return {
      payload: {
        title,
        author,
        digest,
        content,
        content_source_url: article.url ?? '',
        need_open_comment: opts.needOpenComment ? 1 : 0,
      },
      findings,
    };
  },
};

