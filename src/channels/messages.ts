import { languageOf } from '../text/index';
import type { ChannelLocale } from './locale';

// What every built-in channel tells editors, in Chinese (the default: editors and reviewers
// read it) and in English (`locale: 'en'`). Codes and `ruleId`s do not change with the
// language: a UI that shows its own words keys them on `code`.


type Text = (p: Record<string, unknown>) => string;

const s = (v: unknown): string => String(v ?? '');

const FIELD_ZH: Record<string, string> = {
  title: '标题', author: '作者', digest: '摘要', content: '正文', text: '正文', body: '正文', html: '正文', description: '摘要',
  summary: '摘要', xml: 'XML', signature: '签名',
};
const CHANNEL_ZH: Record<string, string> = { wechat: '微信公众号', weibo: '微博', website: '网站', push: '客户端推送', sms: '短信', rss: 'RSS' };
const UNIT_ZH: Record<string, string> = {
  characters: '个字符', bytes: '字节', 'width units': '个宽度单位', 'display-width': '个宽度单位', 'Weibo characters': '个微博字数', 'weibo-weight': '个微博字数',
};
const zhField = (p: Record<string, unknown>): string => FIELD_ZH[s(p.field)] ?? s(p.field);
const zhChannel = (p: Record<string, unknown>): string => CHANNEL_ZH[s(p.channel)] ?? s(p.channel);
const zhUnit = (p: Record<string, unknown>): string => UNIT_ZH[s(p.unit)] ?? s(p.unit);

const CHANNEL_EN: Record<string, string> = { wechat: 'WeChat', weibo: 'Weibo', website: 'website', push: 'app push', sms: 'SMS', rss: 'RSS' };

/**
 * A built-in channel's name for readers (`微信公众号`, or `WeChat` in English); a custom
 * channel's id as it is.
 */
export function channelName(id: string, locale: ChannelLocale = 'zh'): string {
  const names = languageOf(locale) === 'en' ? CHANNEL_EN : CHANNEL_ZH;
  return Object.hasOwn(names, id) ? names[id]! : id;
}

/** The message keys, one per thing a channel can say (a code may have several). */
export const CHANNEL_MESSAGES = {
  too_long: {
    zh: (p) => `${zhField(p)}为 ${s(p.actual)} ${zhUnit(p)}，${zhChannel(p)}最多允许 ${s(p.limit)}`,
    en: (p) => `${s(p.field)} is ${s(p.actual)} ${s(p.unit)}; ${s(p.channel)} allows at most ${s(p.limit)}`,
  },
  too_long_tail: { zh: () => '（仅话题和链接就已超出）', en: () => ' (topics and link alone do not fit)' },
  content_too_long: {
    zh: (p) => `正文有 ${s(p.actual)} 个字，微信公众号要求少于 ${s(p.max)} 个字，请拆分文章`,
    en: (p) => `content has ${s(p.actual)} characters of text; wechat allows fewer than ${s(p.max)}. Split the article`,
  },
  weibo_truncated: {
    zh: (p) => `全文按微博计数为 ${s(p.actual)}，超过 ${s(p.limit)} 的上限；已在句末截断并加“…”，保留链接`,
    en: (p) => `Text was ${s(p.actual)} (Weibo count) over the limit of ${s(p.limit)}; cut at a sentence end with … and the link kept`,
  },
  weibo_missing_safe_link: {
    zh: (p) => `微博正文须包含安全域名 ${s(p.domain)} 下的链接（微博开放平台 statuses/share 接口要求），否则平台拒绝发布；请填写稿件链接 url`,
    en: (p) => `A Weibo post must contain a link on the safe domain ${s(p.domain)} (statuses/share), or the platform refuses it; set the article's url`,
  },
  push_truncated: {
    zh: (p) => `${zhField(p)}已截短，以符合最严格的厂商限制（${s(p.limit)} 个宽度单位，一个汉字计 2）`,
    en: (p) => `${s(p.field)} cut to fit the strictest vendor limit (${s(p.limit)} width units; a Chinese character counts 2)`,
  },
  sms_link_not_allowed: {
    zh: (p) => `链接 ${s(p.link)} 不在短信链接白名单内（${s(p.allow) || '空'}）`,
    en: (p) => `Link ${s(p.link)} is not on the SMS link allowlist (${s(p.allow) || 'empty'})`,
  },
  sms_link_omitted: {
    zh: () => '文章链接未放入短信：其域名不在短信链接白名单内',
    en: () => 'The article link was left out: its host is not on the SMS link allowlist',
  },
  sms_truncated: {
    zh: (p) => `摘要已截短，使短信不超过 ${s(p.max)} 个字`,
    en: (p) => `Summary cut to keep the message within ${s(p.max)} characters`,
  },
  sms_missing_signature: {
    zh: () => '短信须带已报备的签名【…】；请在渠道选项中设置 signature',
    en: () => 'SMS needs the registered signature 【…】; pass options.signature',
  },
  sms_signature_length: {
    zh: (p) => `签名为 ${s(p.n)} 个字，应为 ${s(p.min)}–${s(p.max)} 个字`,
    en: (p) => `Signature is ${s(p.n)} characters; it must be ${s(p.min)}–${s(p.max)}`,
  },
  website_truncated: {
    zh: (p) => `摘要已缩短为 ${s(p.limit)} 个字，用作网页描述（meta description）`,
    en: (p) => `Summary shortened to ${s(p.limit)} characters for the meta description`,
  },
  cover_insecure: {
    zh: () => '封面图使用 http 地址；已要求仅用 https 图片（httpsOnly）',
    en: () => 'Cover image is served over http; with httpsOnly only https images are allowed',
  },
  heading_level: {
    zh: (p) => `标题层级跳级；为保持目录层次，按 h${s(p.level)} 而非 h${s(p.wanted)} 呈现`,
    en: (p) => `Heading level skipped; rendered as h${s(p.level)} instead of h${s(p.wanted)} to keep the outline in order`,
  },
  missing_alt_markdown: {
    zh: () => '图片缺少替代文字；请写成 ![图片说明](地址)，以便读屏软件朗读',
    en: () => 'Image has no alternative text; write ![description](url) so screen readers can describe it',
  },
  missing_alt_html: {
    zh: () => '图片缺少替代文字；请写 alt="图片说明"（或 ![图片说明](地址)），以便读屏软件朗读',
    en: () => 'Image has no alternative text; write alt="description" (or ![description](url)) so screen readers can describe it',
  },
  external_image: {
    zh: () => '微信会过滤未经 media/uploadimg 上传（mmbiz.qpic.cn）的图片；请上传后使用该地址',
    en: () => 'WeChat filters images not uploaded through media/uploadimg (mmbiz.qpic.cn); upload it and use that URL',
  },
  active_content: {
    zh: () => '正文含有脚本、事件处理、嵌入对象或脚本链接的原始 HTML；已删除，但经审批的文稿不应包含这些内容',
    en: () => 'Raw HTML with scripts, event handlers, embedded objects or script URLs; it is removed, but an approved text should not contain it',
  },
  raw_html: {
    zh: () => '正文含原始 HTML；只保留本渠道允许的标签和属性',
    en: () => 'Raw HTML in the body; only the channel allowlist of tags and attributes is kept',
  },
  insecure_image: {
    zh: () => '已删除使用 http 地址的图片：只允许 https 图片（httpsOnly）',
    en: () => 'Image served over http removed: only https images are allowed (httpsOnly)',
  },
  wechat_raw_link: {
    zh: () => '已删除原始 HTML 中的链接：微信公众号只保留指向 mp.weixin.qq.com 的链接',
    en: () => 'Link in raw HTML removed: WeChat keeps only links to mp.weixin.qq.com',
  },
  external_link: {
    zh: (p) => `微信公众号正文不允许外部链接；已列为文末参考链接 [${s(p.n)}]`,
    en: (p) => `WeChat does not allow external links in the body; listed as reference [${s(p.n)}] at the end`,
  },
  unsafe_url: {
    zh: (p) => `已删除不安全的${p.what === 'image' ? '图片' : '链接'}地址（只允许 http、https${p.what === 'link' ? '、mailto、tel' : ''} 和相对地址）`,
    en: (p) => `Unsafe ${s(p.what)} URL removed (only http, https${p.what === 'link' ? ', mailto, tel' : ''} and relative URLs are allowed)`,
  },
  relative_link: {
    zh: (p) => `相对${p.what === 'image' ? '图片' : '链接'}地址离开网站后无法使用；请为文章设置 url，或改用绝对地址`,
    en: (p) => `Relative ${s(p.what)} URL cannot work outside the website; give the article a url or use an absolute URL`,
  },
} satisfies Record<string, Record<'zh' | 'en', Text>>;

/** One of {@link CHANNEL_MESSAGES}' keys. */
export type ChannelMessageKey = keyof typeof CHANNEL_MESSAGES;

/**
 * A built-in channel's message in `locale` (default Chinese).
 *
 * @example
 * ```ts
 * channelMessage('sms_missing_signature', {}); // '短信须带已报备的签名【…】；请在渠道选项中设置 signature'
 * channelMessage('sms_missing_signature', {}, 'en'); // 'SMS needs the registered signature 【…】; pass options.signature'
 * ```
 */
export function channelMessage(key: ChannelMessageKey, params: Record<string, unknown> = {}, locale: ChannelLocale = 'zh'): string {
  const texts: Record<'zh' | 'en', Text> = CHANNEL_MESSAGES[key];
  return texts[languageOf(locale)](params);
}
