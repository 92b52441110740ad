export type {
  Article,
  BuiltInChannelId,
  ChannelDefinition,
  ChannelFinding,
  ChannelOutput,
  FormatContext,
  FormatOptions,
  FormatResult,
} from './types';
export { BUILT_IN_CHANNELS, formatAll, formatFor, resolveChannel } from './format';
export type { ChannelOptionsMap, ChannelPayloads } from './format';
export { CHANNEL_LIMITS } from './limits';
export type { ChannelLimit, LimitUnit } from './limits';
export { defineChannel, isCustomChannel } from './define-channel';
export type { ChannelSpec } from './define-channel';
export { renderFeed, articleUuid } from './feed';
export type { FeedFormat, FeedInfo, FeedPerson } from './feed';
export { renderPreview } from './preview';
export type { PreviewAccount, PreviewBlocker, PreviewOptions } from './preview';
export { htmlPage, PAGE_CSP } from './page-shell';
export type { HtmlPageParts } from './page-shell';
export type { ChannelLocale } from './locale';
export { channelMessage, channelName, CHANNEL_MESSAGES } from './messages';
export { DOMAIN_PATTERN, hasLinkOnDomain } from './safe-link';
export type { ChannelMessageKey } from './messages';
export { MarkdownSource } from './markdown-source';
export type { RenderedHtml } from './markdown-source';
export type { BodyNote, BodyNoteCode, HtmlProfile } from './renderers';
export { channelFinding, checkLength } from './channel-finding';
export type { ChannelFindingInput, LengthCheck } from './channel-finding';
export { displayWidth, weiboLength, weiboMeasure } from './measures';
export { smsSegments } from './sms';
export { DEFAULT_WECHAT_THEME, WECHAT_THEME_KEYS } from './theme';
export type { WechatTheme, WechatThemeKey } from './theme';
export type { WechatOptions, WechatPayload } from './wechat';
export type { WeiboOptions, WeiboPayload } from './weibo';
export type { WebsiteMeta, WebsiteOptions, WebsitePayload } from './website';
export type { PushOptions, PushPayload } from './push';
export type { SmsOptions, SmsPayload } from './sms';
export type { RssOptions, RssPayload } from './rss';
export { visibleFields } from './visible-fields';
export type { VisibleField } from './visible-fields';
export { detectSensitiveInArticle } from './detect-in-article';
export type { ArticleSensitiveFinding } from './detect-in-article';
export { MAX_BODY_LENGTH, MAX_FIELD_LENGTH, articleSchema, instantSchema, parseArticle } from './article';
export { DEFAULT_TIME_ZONE, isTimeZone } from './time-zone';
export type { MarkdownToken } from './markdown-source';
