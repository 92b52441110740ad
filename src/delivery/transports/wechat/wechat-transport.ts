import * as z from 'zod';
import type { Delivery, DeliveryReceipt } from '../../delivery';
import { redactor, type FetchLike } from '../../http';
import type { Transport, TransportResult } from '../../transport';
import { parseTransportConfig } from '../config';
import { WechatApi } from './api';
import { uploadBodyImages } from './images';
import { parsePublishJobFinish } from './publish-event';
import { memoryTokenStore, type TokenStore } from './token-store';

/** Configuration of {@link wechatTransport}. */
export interface WechatTransportConfig {
  appId: string;
  appSecret: string;
  /** `media_id` of the cover image (permanent material): `draft/add` requires `thumb_media_id`. */
  thumbMediaId: string;
  /** Hosts whose body images may be downloaded and uploaded to WeChat (a domain allows its subdomains). */
  imageHosts?: string[];
  /** Shares access tokens across instances. Default: this process's memory. */
  tokenStore?: TokenStore;
  /** Default `https://api.weixin.qq.com`. */
  baseUrl?: string;
  /** Renew the token this long before it expires. Default 5 minutes (the platform renews then too). */
  refreshBeforeMs?: number;
  /**
   * When a submit's answer was lost and no published article matches, how long to keep
   * looking before deciding it did not go out (publishing is asynchronous). Default 10 minutes.
   */
  unconfirmedGraceMs?: number;
  /** Pages of 20 published articles searched when a submit's answer was lost. Default 10. */
  reconcilePages?: number;
  accountId?: string;
  fetch?: FetchLike;
  clock?: () => Date;
}

const configSchema = z
  .object({
    appId: z.string().regex(/^wx[0-9a-f]{16}$/i, 'must be an official-account AppID (wx + 16 hex digits)'),
    appSecret: z.string().min(16, 'must be the AppSecret (32 characters)'),
    thumbMediaId: z.string().min(1),
    imageHosts: z.array(z.string().regex(/^[a-z0-9.-]+$/i, 'must be a host name')).optional(),
    tokenStore: z.custom<TokenStore>((s) => typeof s === 'object' && s !== null && typeof (s as TokenStore).get === 'function', { message: 'must be a TokenStore' }).optional(),
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    refreshBeforeMs: z.number().int().nonnegative().optional(),
    unconfirmedGraceMs: z.number().int().nonnegative().optional(),
    reconcilePages: z.number().int().positive().optional(),
    accountId: z.string().optional(),
    fetch: z.custom<FetchLike>((f) => typeof f === 'function', { message: 'must be a fetch function' }).optional(),
    clock: z.custom<() => Date>((f) => typeof f === 'function', { message: 'must be a function' }).optional(),
  })
  .strict();

/** The `publish_status` values of `freepublish/get` and the event, with the Chinese meaning. */
const PUBLISH_STATUS: Record<number, string> = {
  0: '发布成功',
  1: '发布中',
  2: '原创失败',
  3: '常规失败',
  4: '平台审核不通过',
  5: '成功后用户删除所有文章',
  6: '成功后系统封禁所有文章',
};

/**
 * The WeChat official account (公众号) through the publishing API (发布能力): the article is
 * saved with `draft/add`, published with `freepublish/submit`, confirmed asynchronously by
 * `freepublish/get` or the `PUBLISHJOBFINISH` event, and withdrawn with `freepublish/delete`.
 *
 * `freepublish/submit` is not idempotent, so the draft's `media_id` is saved on the delivery
 * before submitting, the `publish_id` after; a submit whose answer was lost is reconciled by
 * looking for the article among the published ones (`freepublish/batchget`), never re-sent
 * blindly. Errors: 45009 (quota) retryable; 53503 (发布检查未通过) and other refusals final,
 * with the platform's message.
 * Sources: 微信开放文档 公众号 › 草稿箱 (draft/add), 发布能力 (freepublish/submit, get,
 * delete, batchget, 事件推送发布结果).
 *
 * @example
 * ```ts
 * wechatTransport({ appId: 'wx0123456789abcdef', appSecret: process.env.WX_SECRET!,
 *   thumbMediaId: 'COVER_MEDIA_ID', imageHosts: ['www.example.gov.cn'], tokenStore: sharedStore })
 * ```
 */
export function wechatTransport(config: WechatTransportConfig): Transport {
  const c = parseTransportConfig(configSchema, config, 'wechat');
  const fetchFn = c.fetch ?? ((input, init) => fetch(input, init));
  const clock = c.clock ?? (() => new Date());
  const redact = redactor([c.appSecret]);
  const api = new WechatApi({
    appId: c.appId,
    appSecret: c.appSecret,
    baseUrl: (c.baseUrl ?? 'https://api.weixin.qq.com').replace(/\/$/, ''),
    fetch: fetchFn,
    tokenStore: c.tokenStore ?? memoryTokenStore(),
    refreshBeforeMs: c.refreshBeforeMs ?? 300_000,
    clock,
    redact,
  });
  const grace = c.unconfirmedGraceMs ?? 600_000;

  function statusResult(json: Record<string, unknown>, publishId: string, msgDataId: unknown): TransportResult {
    const status = Number(json.publish_status);
    const detail = json.article_detail as { item?: { article_url?: string }[] } | undefined;
    const receipt: DeliveryReceipt = { id: publishId, publish_id: publishId, publish_status: status };
    if (msgDataId !== undefined) receipt.msg_data_id = String(msgDataId);
    if (json.article_id !== undefined) receipt.article_id = String(json.article_id);
    const url = detail?.item?.[0]?.article_url;
    if (url) receipt.url = url;
    if (status === 0 || status === 5 || status === 6) return { status: 'sent', receipt };
    if (status === 1) return { status: 'unknown', error: { code: 'wechat/publishing', message: '已提交发布，等待微信返回结果', retryable: false } };
    return { status: 'failed', error: { code: `wechat/publish_status_${status}`, message: `${PUBLISH_STATUS[status] ?? '发布失败'}${json.fail_idx !== undefined ? `（fail_idx ${JSON.stringify(json.fail_idx)}）` : ''}`, retryable: false } };
  }

  // Pages through the published articles, newest first (20 a page, the API's maximum), until
  // one matches, the list ends, or the articles are older than the submit could have made.
  async function findPublished(d: Delivery, since: Date, signal: AbortSignal): Promise<DeliveryReceipt | null | 'error'> {
    const p = d.payload as { title?: string; content_source_url?: string };
    const oldest = Math.floor(since.getTime() / 1000) - 3600;
    for (let page = 0; page < (c.reconcilePages ?? 10); page++) {
      // One more try per page: with many articles the search is several requests, and giving up
      // the whole search on one failed page made reconciliation crawl under a 20 % fault rate.
      let answer = await api.call('/cgi-bin/freepublish/batchget', { offset: page * 20, count: 20, no_content: 1 }, signal);
      if (!answer.ok && !signal.aborted) answer = await api.call('/cgi-bin/freepublish/batchget', { offset: page * 20, count: 20, no_content: 1 }, signal);
      if (!answer.ok) return 'error';
      const items = (answer.json.item ?? []) as { article_id?: string; update_time?: number; content?: { news_item?: { title?: string; content_source_url?: string; url?: string }[] } }[];
      for (const item of items) {
        const first = item.content?.news_item?.[0];
        if (first && first.title === p.title && (first.content_source_url ?? '') === (p.content_source_url ?? '')) {
          return { id: String(item.article_id), article_id: String(item.article_id), ...(first.url ? { url: first.url } : {}) };
        }
      }
      if (items.length < 20 || items.some((i) => typeof i.update_time === 'number' && i.update_time > 0 && i.update_time < oldest)) return null;
    }
    return null;
  }

  return {
    async send({ delivery, signal, saveProgress }) {
      let mediaId = typeof delivery.progress?.media_id === 'string' ? delivery.progress.media_id : undefined;
      if (!mediaId) {
        const payload = delivery.payload as Record<string, unknown>;
        const images = await uploadBodyImages(String(payload.content ?? ''), { api, fetch: fetchFn, allowedHosts: c.imageHosts ?? [], signal });
        if ('error' in images) return { status: 'failed', error: images.error };
        const article = {
          title: payload.title,
          author: payload.author,
          digest: payload.digest,
          content: images.content,
          content_source_url: payload.content_source_url,
          thumb_media_id: c.thumbMediaId,
          need_open_comment: payload.need_open_comment ?? 0,
          only_fans_can_comment: 0,
        };
        const draft = await api.call('/cgi-bin/draft/add', { articles: [article] }, signal);
        // A draft is not public: a lost answer leaves at most an unused draft, so retry.
        if (!draft.ok) return draft.result.status === 'unknown' ? { status: 'failed', error: { ...draft.result.error, retryable: true } } : draft.result;
        mediaId = String(draft.json.media_id);
        await saveProgress({ media_id: mediaId });
      }
      const submit = await api.call('/cgi-bin/freepublish/submit', { media_id: mediaId }, signal);
      if (!submit.ok) return submit.result.status === 'unknown' ? { ...submit.result, progress: { media_id: mediaId } } : submit.result;
      const publishId = String(submit.json.publish_id);
      const progress = { media_id: mediaId, publish_id: publishId, ...(submit.json.msg_data_id !== undefined ? { msg_data_id: String(submit.json.msg_data_id) } : {}) };
      return { status: 'unknown', error: { code: 'wechat/publishing', message: '已提交发布，等待微信返回结果', retryable: false }, progress };
    },

    async reconcile({ delivery, signal, unknownSince }) {
      const publishId = delivery.progress?.publish_id;
      if (typeof publishId === 'string') {
        const answer = await api.call('/cgi-bin/freepublish/get', { publish_id: publishId }, signal);
        if (!answer.ok) return answer.result.status === 'failed' && !answer.result.error.retryable ? answer.result : { status: 'unknown', error: 'error' in answer.result ? answer.result.error : { code: 'wechat/get', message: '查询失败', retryable: false } };
        return statusResult(answer.json, publishId, delivery.progress?.msg_data_id);
      }
      const found = await findPublished(delivery, unknownSince, signal);
      if (found === 'error') return { status: 'unknown', error: { code: 'wechat/batchget', message: '查询已发布文章失败，稍后再查', retryable: false } };
      if (found) return { status: 'sent', receipt: found };
      if (clock().getTime() - unknownSince.getTime() < grace) return { status: 'unknown', error: { code: 'wechat/unconfirmed', message: '提交结果未知，尚未在已发布文章中找到', retryable: false } };
      // Long enough with no trace of it among the published articles: it did not go out.
      return { status: 'failed', error: { code: 'wechat/not_published', message: '提交后未见发布，重新提交', retryable: true } };
    },

    async remove({ published, signal }) {
      const articleId = published.receipt?.article_id;
      if (typeof articleId !== 'string') return { status: 'manual', task: { code: 'wechat_missing_article_id', message: '缺少 article_id，无法自动删除：请登录公众平台手动删除该文章。' } };
      const answer = await api.call('/cgi-bin/freepublish/delete', { article_id: articleId, index: 0 }, signal);
      if (!answer.ok) return answer.result;
      return { status: 'removed', receipt: { article_id: articleId } };
    },

    handleEvent(event) {
      const e = parsePublishJobFinish(event);
      if (!e) return null;
      const json: Record<string, unknown> = { publish_status: e.publishStatus, ...(e.articleId ? { article_id: e.articleId } : {}), ...(e.articleUrl ? { article_detail: { item: [{ article_url: e.articleUrl }] } } : {}), ...(e.failIdx ? { fail_idx: e.failIdx } : {}) };
      return { match: { publish_id: e.publishId }, result: statusResult(json, e.publishId, undefined) };
    },
  };
}
