import * as z from 'zod';
import { failureResult, httpRequest, isFailure, jsonOf, redactor, statusResult, type FetchLike } from '../http';
import { MANUAL_TASKS } from '../messages';
import type { Transport } from '../transport';
import { DOMAIN_PATTERN, hasLinkOnDomain } from '../../channels/index';
import { parseTransportConfig } from './config';

/** Configuration of {@link weiboTransport}. */
export interface WeiboTransportConfig {
  /** The account's OAuth2 access token. */
  accessToken: string;
  /** The app's safe domain (安全域名): the post must contain a link on it (subdomains allowed). */
  safeDomain: string;
  /** Optional image URL sent as `pic` with every post (e.g. the account's banner); none by default. */
  imageUrl?: string;
  /** Default `https://api.weibo.com`. */
  baseUrl?: string;
  accountId?: string;
  fetch?: FetchLike;
}

const configSchema = z
  .object({
    accessToken: z.string().min(8),
    safeDomain: z.string().regex(DOMAIN_PATTERN, 'must be a domain name'),
    imageUrl: z.url({ protocol: /^https?$/ }).optional(),
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    accountId: z.string().optional(),
    fetch: z.custom<FetchLike>((f) => typeof f === 'function', { message: 'must be a fetch function' }).optional(),
  })
  .strict();

// Weibo error codes meaning "later": 10022/10023/10024 (IP / user / per-API request rate out of limit).
// Source: 微博开放平台 Error code 说明.
const RATE_LIMITED = new Set([10022, 10023, 10024]);

/**
 * Weibo through `statuses/share` (第三方分享一条链接到微博): `POST /2/statuses/share.json`
 * with `access_token` and `status` (the `weibo` payload's `text`), which must contain a link
 * whose host is the app's safe domain; an optional `pic`. The open API offers no deletion
 * for these posts and no way to look one up by our key, so a withdrawal and an unknown
 * outcome are tasks for a person.
 * Source: 微博开放平台 API 文档 statuses/share.
 */
export function weiboTransport(config: WeiboTransportConfig): Transport {
  const c = parseTransportConfig(configSchema, config, 'weibo');
  const fetchFn = c.fetch ?? ((input, init) => fetch(input, init));
  const redact = redactor([c.accessToken]);
  const base = (c.baseUrl ?? 'https://api.weibo.com').replace(/\/$/, '');
  const domain = c.safeDomain.toLowerCase();
  return {
    manualRemoval: MANUAL_TASKS.weibo_delete_by_hand,
    formatOptions: { safeDomain: domain },
    async send({ delivery, signal }) {
      const text = String((delivery.payload as { text?: unknown }).text ?? '');
      // Checked at submit too (formatOptions); here again for payloads formatted elsewhere.
      if (!hasLinkOnDomain(text, domain)) return { status: 'failed', error: { code: 'weibo/missing_safe_link', message: `微博正文须包含安全域名 ${domain} 下的链接`, retryable: false } };
      let body: BodyInit;
      const headers: Record<string, string> = {};
      if (c.imageUrl) {
        const pic = await fetchFn(c.imageUrl, { signal }).then((r) => (r.ok ? r.arrayBuffer() : null)).catch(() => null);
        if (!pic) return { status: 'failed', error: { code: 'weibo/image_download_failed', message: '配图下载失败', retryable: true } };
        const form = new FormData();
        form.append('access_token', c.accessToken);
        form.append('status', text);
        form.append('pic', new Blob([pic]), 'pic.jpg');
        body = form;
      } else {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = new URLSearchParams({ access_token: c.accessToken, status: text }).toString();
      }
      const answer = await httpRequest(fetchFn, `${base}/2/statuses/share.json`, { method: 'POST', headers, body, signal }, redact);
      if (isFailure(answer)) return failureResult(answer);
      const json = jsonOf(answer) as { idstr?: string; id?: number | string; error_code?: number; error?: string; user?: { id?: number | string } } | undefined;
      if (json?.error_code !== undefined) {
        return { status: 'failed', error: { code: `weibo/${json.error_code}`, message: redact(json.error ?? ''), retryable: RATE_LIMITED.has(json.error_code) } };
      }
      if (answer.status !== 200) return statusResult(answer, 'weibo', false, redact);
      const id = json?.idstr ?? (json?.id !== undefined ? String(json.id) : undefined);
      if (!id) return { status: 'unknown', error: { code: 'weibo/bad_answer', message: redact(answer.text.slice(0, 200)), retryable: false } };
      const uid = json?.user?.id;
      return { status: 'sent', receipt: { id, ...(uid !== undefined ? { uid: String(uid), url: `https://weibo.com/${uid}/${id}` } : {}) } };
    },
  };
}
