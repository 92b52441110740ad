import type { BuiltInChannelId } from './types';

/**
 * How a limit is counted:
 * - `characters`: user-perceived characters (graphemes), each 1;
 * - `weibo-weight`: Weibo's counter, ASCII ½, anything else 1, each link a fixed weight, rounded up;
 * - `display-width`: a CJK or other wide character 2, anything else 1 (vendors that say
 *   "20 Chinese characters (40 English characters)");
 * - `bytes`: UTF-8 bytes;
 * - `count`: a plain number (segments, links).
 */
export type LimitUnit = 'characters' | 'weibo-weight' | 'display-width' | 'bytes' | 'count';

/** One row of {@link CHANNEL_LIMITS}: a channel's limit, its unit and where it comes from. */
export interface ChannelLimit {
  channel: BuiltInChannelId;
  /** The key in `options.limits` that overrides it. */
  name: string;
  /** The default: the largest allowed value (inclusive). */
  value: number;
  unit: LimitUnit;
  /** What the limit constrains. */
  description: string;
  /** The channel documentation the figure comes from. */
  source: string;
}

const WECHAT_DRAFT =
  'WeChat Official Accounts API, 草稿箱 新增草稿 (cgi-bin/draft/add), https://developers.weixin.qq.com/doc/subscription/api/draftbox/draftmanage/api_draft_add.html';
const WEIBO_COUNTER =
  'Sina Weibo publisher counter: ASCII counts ½, other characters 1, a link 10 (it is replaced by a t.cn short link of 20 half-width characters), total rounded up';
const VENDOR_PUSH =
  'Alibaba Cloud mPaaS MPS, "Message content restrictions" (vendor channel limits: Xiaomi, Huawei, OPPO, vivo, APNs), https://www.alibabacloud.com/help/en/mobile-platform-as-a-service/latest/message-conent-restrictions';
const SMS_RULES =
  'Alibaba Cloud SMS / Tencent Cloud SMS billing rules (短信字数计算规则): signature included; ≤ 70 characters is one message, longer messages are billed 67 characters per segment; content ≤ 500 characters';

/**
 * Every limit govpub enforces, in one table, each with its source. Hosts override a value per
 * channel with `options.limits` (e.g. `{ weibo: { limits: { text: 140 } } }`); an unknown
 * limit name there is a `VALIDATION` error, so a typo cannot silently disable a check.
 */
export const CHANNEL_LIMITS: readonly ChannelLimit[] = Object.freeze([
  { channel: 'wechat', name: 'title', value: 32, unit: 'characters', description: 'article title', source: WECHAT_DRAFT },
  { channel: 'wechat', name: 'author', value: 16, unit: 'characters', description: 'author line', source: WECHAT_DRAFT },
  { channel: 'wechat', name: 'digest', value: 128, unit: 'characters', description: 'digest (摘要) shown in the share card', source: WECHAT_DRAFT },
  {
    channel: 'wechat',
    name: 'content',
    value: 19_999,
    unit: 'characters',
    description: 'body text (the characters a reader sees, markup not counted), "必须少于2万字符" (fewer than 20,000 characters)',
    source: WECHAT_DRAFT,
  },
  {
    channel: 'wechat',
    name: 'contentBytes',
    value: 1_048_575,
    unit: 'bytes',
    description: 'body HTML, "小于1M" (under 1 MiB)',
    source: WECHAT_DRAFT,
  },
  {
    channel: 'weibo',
    name: 'text',
    value: 2000,
    unit: 'weibo-weight',
    description: 'post text; 2,000 for a normal post, set 140 for the classic short post or share API',
    source: `Weibo open platform (statuses/share: 140; posts since 2016: 2,000). ${WEIBO_COUNTER}`,
  },
  { channel: 'weibo', name: 'urlWeight', value: 10, unit: 'weibo-weight', description: 'weight of one link', source: WEIBO_COUNTER },
  {
    channel: 'website',
    name: 'description',
    value: 120,
    unit: 'characters',
    description: 'meta description; a presentation default (search result snippets show about 120 Chinese characters), not a platform limit',
    source: '政府网站网页设计规范 (国办函〔2019〕41号) requires a Description meta; length is a house default',
  },
  {
    channel: 'push',
    name: 'title',
    value: 40,
    unit: 'display-width',
    description: 'notification title: vivo and APNs allow 20 Chinese (40 English) characters',
    source: VENDOR_PUSH,
  },
  {
    channel: 'push',
    name: 'titleCharacters',
    value: 32,
    unit: 'characters',
    description: 'notification title: OPPO allows 32 characters of any kind',
    source: VENDOR_PUSH,
  },
  {
    channel: 'push',
    name: 'body',
    value: 100,
    unit: 'display-width',
    description: 'notification body: vivo allows 50 Chinese (100 English) characters (Xiaomi 128, OPPO 200)',
    source: VENDOR_PUSH,
  },
  {
    channel: 'push',
    name: 'payloadBytes',
    value: 2048,
    unit: 'bytes',
    description: 'whole message body on Android vendor channels',
    source: VENDOR_PUSH,
  },
  { channel: 'sms', name: 'text', value: 500, unit: 'characters', description: 'whole message including 【signature】', source: SMS_RULES },
  { channel: 'sms', name: 'singleSegment', value: 70, unit: 'characters', description: 'longest text sent as one message', source: SMS_RULES },
  { channel: 'sms', name: 'segment', value: 67, unit: 'characters', description: 'characters per segment of a long message', source: SMS_RULES },
  {
    channel: 'sms',
    name: 'signatureMin',
    value: 2,
    unit: 'characters',
    description: 'shortest signature (between 【】)',
    source: 'Alibaba Cloud / Tencent Cloud SMS signature rules (签名 2–12 个字符)',
  },
  {
    channel: 'sms',
    name: 'signatureMax',
    value: 12,
    unit: 'characters',
    description: 'longest signature (between 【】)',
    source: 'Alibaba Cloud / Tencent Cloud SMS signature rules (签名 2–12 个字符)',
  },
] satisfies ChannelLimit[]);

/** The default limits of one built-in channel, by name. */
export function defaultLimits(channel: BuiltInChannelId): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of CHANNEL_LIMITS) if (row.channel === channel) out[row.name] = row.value;
  return out;
}

/** The sources of one built-in channel's limits, by name. */
export function limitSources(channel: BuiltInChannelId): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of CHANNEL_LIMITS) if (row.channel === channel) out[row.name] = row.source;
  return out;
}

/** The parts every built-in definition shares: id, `public` clearance, limits and sources from the table. */
export function builtInBase<C extends BuiltInChannelId>(channel: C): { id: C; clearance: 'public'; limits: Record<string, number>; limitSources: Record<string, string> } {
  return { id: channel, clearance: 'public', limits: defaultLimits(channel), limitSources: limitSources(channel) };
}
