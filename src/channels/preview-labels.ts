import type { ChannelLocale } from './locale';
import { languageOf } from '../text/index';

/** The words of the preview page, in each locale. */
export interface PreviewLabels {
  pageTitle: string;
  canPublish: string;
  cannotPublish: (blocking: number) => string;
  publishTo: string;
  ok: string;
  blocked: string;
  accounts: string;
  defaultAccount: string;
  mustFix: string;
  notes: string;
  none: string;
  placedIn: (channels: string) => string;
  notPlaced: string;
  /** For a finding about a field as a whole (no span to highlight). */
  wholeField: string;
  revision: string;
  channelFindings: string;
  smsSegments: (n: string) => string;
  digest: string;
  pushApp: string;
  /** Where in the source: line and column. */
  at: (line: number, column: number) => string;
  /** Between the items of a list. */
  listSep: string;
  severities: Record<'error' | 'warning' | 'info', string>;
  channels: Record<string, string>;
  fields: Record<string, string>;
}

const ZH: PreviewLabels = {
  pageTitle: '渠道预览',
  canPublish: '可以发布：未发现须先解决的问题',
  cannotPublish: (n) => `不能发布：${n} 个问题须先解决`,
  publishTo: '发布到',
  ok: '可发布',
  blocked: '不可发布',
  accounts: '账号',
  defaultAccount: '默认',
  mustFix: '须先解决',
  notes: '提醒',
  none: '无',
  placedIn: (c) => `已在${c}中标出`,
  notPlaced: '未能在渠道呈现中定位，请按行列查找',
  wholeField: '针对整个字段',
  revision: '版本',
  channelFindings: '此渠道中的问题',
  smsSegments: (n) => `${n} 条计费`,
  digest: '摘要',
  pushApp: '通知 · 现在',
  at: (line, column) => `第 ${line} 行第 ${column} 列`,
  listSep: '、',
  severities: { error: '错误', warning: '警告', info: '提示' },
  channels: { wechat: '微信公众号', weibo: '微博', website: '网站', push: '客户端推送', sms: '短信', rss: 'RSS 订阅' },
  fields: {
    title: '标题', summary: '摘要', body: '正文', author: '作者', source: '来源', tags: '标签', url: '链接', coverImage: '封面图',
    digest: '摘要', content: '正文', text: '正文', html: '正文', description: '摘要', xml: 'XML', signature: '签名', segments: '计费条数',
    content_source_url: '原文链接', thumb_media_id: '封面图',
  },
};

const EN: PreviewLabels = {
  pageTitle: 'Channel preview',
  canPublish: 'Can be published: nothing must be fixed first',
  cannotPublish: (n) => `Cannot be published: ${n} problem(s) must be fixed first`,
  publishTo: 'Publishes to',
  ok: 'ok',
  blocked: 'blocked',
  accounts: 'Accounts',
  defaultAccount: 'default',
  mustFix: 'Must be fixed',
  notes: 'Notes',
  none: 'none',
  placedIn: (c) => `highlighted in ${c}`,
  notPlaced: 'not found in any rendering; see line and column',
  wholeField: 'about the whole field',
  revision: 'revision',
  channelFindings: 'Problems shown in this channel',
  smsSegments: (n) => `${n} billed segment(s)`,
  digest: 'Digest',
  pushApp: 'Notification · now',
  at: (line, column) => `line ${line}:${column}`,
  listSep: ', ',
  severities: { error: 'error', warning: 'warning', info: 'info' },
  channels: { wechat: 'WeChat', weibo: 'Weibo', website: 'Website', push: 'App push', sms: 'SMS', rss: 'RSS feed' },
  fields: {},
};

/** The preview's words in `locale`. */
export function previewLabels(locale: ChannelLocale): PreviewLabels {
  return languageOf(locale) === 'en' ? EN : ZH;
}

/** A channel's name for readers (`微信公众号`), or its id for a custom channel. */
export function channelLabel(labels: PreviewLabels, id: string): string {
  return Object.hasOwn(labels.channels, id) ? labels.channels[id]! : id;
}

/** A field's name for readers (`标题`), or the field name itself. */
export function fieldLabel(labels: PreviewLabels, field: string): string {
  const bare = field.startsWith('payload.') ? field.slice('payload.'.length) : field;
  return Object.hasOwn(labels.fields, bare) ? labels.fields[bare]! : bare;
}
