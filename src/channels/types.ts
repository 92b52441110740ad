import type { Level } from '../confidentiality/index';
import type { Finding } from '../findings/index';
import type { Measure } from '../text/index';
import type { ChannelLocale } from './locale';
import type { MarkdownSource } from './markdown-source';

/**
 * One approved source, in the shape every channel formats from. `body` is Markdown.
 *
 * Dates may be `Date` objects or ISO 8601 strings; `url` and `coverImage` must be absolute
 * `http(s)` URLs.
 */
export interface Article {
  title: string;
  /** Markdown (CommonMark + GFM tables). Raw HTML in it is filtered by each channel's allowlist. */
  body: string;
  summary?: string;
  author?: string;
  /** Where the item comes from, e.g. `市政府办公室` (shown by channels that have a source line). */
  source?: string;
  /** The canonical page of the item on the organisation's website. */
  url?: string;
  coverImage?: string;
  tags?: string[];
  publishedAt?: Date | string;
  updatedAt?: Date | string;
}

/** The built-in channel ids. */
export type BuiltInChannelId = 'wechat' | 'weibo' | 'website' | 'push' | 'sms' | 'rss';

/**
 * A finding about a channel payload. `field` names the payload field it is about; the offsets
 * (`start`, `end`, `excerpt`) refer to the text named in `details.field`: an article field
 * (`title`, `summary`, `author`, `body`) when the problem is in the source and should be
 * fixed there, or `payload.<field>` when it is in generated text.
 */
export interface ChannelFinding extends Finding {
  /** The payload field the finding is about, e.g. `title`, `digest`, `content`, `text`. */
  field: string;
  /** Machine-readable reason: `too_long`, `external_link`, `missing_alt`, … The `ruleId` is `channel/<code>`. */
  code: string;
  /** The limit that applies, in the limit's unit (see {@link CHANNEL_LIMITS}). */
  limit?: number;
  /** The measured value, in the same unit as `limit`. */
  actual?: number;
}

/** What {@link formatFor} returns for one channel. */
export interface ChannelOutput<P = Record<string, unknown>> {
  /** The channel id. */
  channel: string;
  /** What to send: the fields of the channel's API (see the payload types). */
  payload: P;
  findings: ChannelFinding[];
  /** False when any finding is an `error`: the payload must not be sent. */
  ok: boolean;
  /** The document revision this payload was formatted from, when the caller said. */
  sourceRevision?: number;
  /** SHA-256 (hex) of the payload's canonical JSON: proves later which text went out. */
  contentHash: string;
}

/**
 * Options every channel accepts. Channel-specific options (the SMS `signature`, the WeChat
 * `theme`, …) add to these; see {@link WechatOptions}, {@link SmsOptions} and friends.
 */
export interface FormatOptions {
  /** Overrides of this channel's limits, by limit name (see {@link CHANNEL_LIMITS}). */
  limits?: Record<string, number>;
  /** Recorded on the output so it can be traced to the approved revision. */
  sourceRevision?: number;
  /**
   * Refuse images served over plain `http`: body images (Markdown or raw HTML) are removed
   * with an `insecure_image` error, and an http `coverImage` is an `insecure_image` error.
   * Default false (http and https images are both allowed).
   */
  httpsOnly?: boolean;
  /** The language of the findings' messages: `zh` (default) or `en`. Codes do not change. */
  locale?: ChannelLocale;
  [option: string]: unknown;
}

/** What a channel's `format` receives besides the article. */
export interface FormatContext {
  /** The options the caller passed for this channel, validated. */
  options: FormatOptions;
  /** The channel's limits with the host's overrides applied. */
  limits: Readonly<Record<string, number>>;
  /** How the channel counts characters (the definition's `measure`, or one per grapheme). */
  measure: Measure;
  /**
   * The article body, lexed once and shared by every channel formatted in the same
   * {@link formatAll} call: plain text, sanitised HTML per profile, links and images.
   */
  markdown: MarkdownSource;
}

/** What a channel's `format` returns. */
export interface FormatResult<P> {
  payload: P;
  findings: ChannelFinding[];
}

/**
 * A channel: its id, clearance, limits and formatter. Built-in ones and
 * {@link defineChannel} results alike.
 */
export interface ChannelDefinition<P = Record<string, unknown>> {
  /** Lower-case id, e.g. `wechat` or `douyin-caption`. */
  id: string;
  /** The highest classification level this channel may carry. Public channels are `public`. */
  clearance: Level;
  /** Default limits by name; hosts override them with `options.limits`. */
  limits: Readonly<Record<string, number>>;
  /** How the channel counts characters; default one per grapheme. */
  measure?: Measure;
  /** Where each limit comes from (the channel's documentation), by limit name. */
  limitSources?: Readonly<Record<string, string>>;
  format(article: Article, context: FormatContext): FormatResult<P>;
}
