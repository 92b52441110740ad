import { failureResult, httpRequest, isFailure, jsonOf, statusResult, type FetchLike } from '../../http';
import type { DeliveryError } from '../../delivery';
import type { TransportResult } from '../../transport';
import type { TokenStore } from './token-store';

/** Error codes after which a fresh token is fetched and the call repeated once (invalid/expired token). */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);

/**
 * WeChat error codes that mean "not now": 45009 (API daily/minute quota reached), 45011
 * (API minute frequency limit), -1 (system busy). Source: 微信开放文档 全局返回码说明.
 */
const RETRYABLE = new Set([-1, 45009, 45011]);

const KNOWN_MESSAGES: Record<number, string> = {
  45009: '接口调用超过限额，稍后重试',
  53503: '该草稿未通过发布检查',
  53504: '需前往公众平台官网使用草稿',
  53505: '请手动保存成功后再发表',
};

/** Maps a WeChat `errcode`/`errmsg` to a delivery error (the platform's message kept). */
export function wechatError(errcode: number, errmsg: string): DeliveryError {
  const known = KNOWN_MESSAGES[errcode];
  return { code: `wechat/${errcode}`, message: known ? `${known}（${errmsg}）` : errmsg, retryable: RETRYABLE.has(errcode) };
}

/** What the access-token provider and API client share. */
export interface WechatClientOptions {
  appId: string;
  appSecret: string;
  baseUrl: string;
  fetch: FetchLike;
  tokenStore: TokenStore;
  /** Fetch a new token this long before the cached one expires. */
  refreshBeforeMs: number;
  clock: () => Date;
  redact: (s: string) => string;
}

/** A WeChat call's answer: the JSON, or the transport result that ends the attempt. */
export type WechatAnswer = { ok: true; json: Record<string, unknown> } | { ok: false; result: TransportResult; sent: 'no' | 'maybe' };

/**
 * The WeChat official-account API with its access token: the stable-token endpoint
 * (`POST /cgi-bin/stable_token`, `grant_type=client_credential`), cached in the shared
 * {@link TokenStore}, renewed `refreshBeforeMs` before expiry, and renewed once more when a
 * call answers 40001/42001. In the stable-token "normal mode" every caller gets the same
 * token while it is valid, so instances that refresh at once do not invalidate each other;
 * `force_refresh: true` is used only when the platform rejects the token we hold.
 * Source: 微信开放文档 公众号 › 获取稳定版接口调用凭据 (getStableAccessToken).
 */
export class WechatApi {
  private inflight: Promise<{ token: string } | { result: TransportResult }> | null = null;

  constructor(private readonly o: WechatClientOptions) {}

  private get key(): string {
    return `wechat:${this.o.appId}`;
  }

  /** A token that is valid for at least `refreshBeforeMs`, or the result that ends the attempt. */
  async token(signal: AbortSignal, rejected?: string): Promise<{ token: string } | { result: TransportResult }> {
    const cached = await this.o.tokenStore.get(this.key);
    const fresh = cached && cached.accessToken !== rejected && Date.parse(cached.expiresAt) - this.o.clock().getTime() > this.o.refreshBeforeMs;
    if (fresh) return { token: cached.accessToken };
    // One request per process at a time; the shared store spreads the answer to the others.
    this.inflight ??= this.fetchToken(signal, rejected !== undefined && cached?.accessToken === rejected).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async fetchToken(signal: AbortSignal, force: boolean): Promise<{ token: string } | { result: TransportResult }> {
    const body = JSON.stringify({ grant_type: 'client_credential', appid: this.o.appId, secret: this.o.appSecret, ...(force ? { force_refresh: true } : {}) });
    const answer = await httpRequest(this.o.fetch, `${this.o.baseUrl}/cgi-bin/stable_token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal }, this.o.redact);
    // Fetching a token publishes nothing, so any failure here is simply retryable.
    if (isFailure(answer)) return { result: { status: 'failed', error: { ...answer.error, retryable: true } } };
    if (answer.status !== 200) return { result: statusResult(answer, 'wechat', true, this.o.redact) };
    const json = jsonOf(answer) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string } | undefined;
    if (!json?.access_token) {
      const error = json?.errcode !== undefined ? wechatError(json.errcode, this.o.redact(json.errmsg ?? '')) : { code: 'wechat/bad_token_answer', message: '获取 access_token 的应答无法解析', retryable: true };
      return { result: { status: 'failed', error } };
    }
    const expiresAt = new Date(this.o.clock().getTime() + (json.expires_in ?? 7200) * 1000).toISOString();
    await this.o.tokenStore.set(this.key, { accessToken: json.access_token, expiresAt });
    return { token: json.access_token };
  }

  /** `POST <path>?access_token=…` with a JSON body, retried once with a new token on 40001/42001. */
  async call(path: string, body: unknown, signal: AbortSignal): Promise<WechatAnswer> {
    return this.request(path, signal, () => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  }

  /** Like {@link call} with a body built per try (multipart uploads). */
  async request(path: string, signal: AbortSignal, init: () => { headers?: Record<string, string>; body: BodyInit }): Promise<WechatAnswer> {
    let rejected: string | undefined;
    for (let round = 0; round < 2; round++) {
      const t = await this.token(signal, rejected);
      if ('result' in t) return { ok: false, result: t.result, sent: 'no' };
      const answer = await httpRequest(this.o.fetch, `${this.o.baseUrl}${path}?access_token=${encodeURIComponent(t.token)}`, { method: 'POST', ...init(), signal }, this.o.redact);
      if (isFailure(answer)) return { ok: false, result: failureResult(answer), sent: answer.failure === 'not-sent' ? 'no' : 'maybe' };
      if (answer.status !== 200) {
        const result = statusResult(answer, 'wechat', false, this.o.redact);
        return { ok: false, result, sent: result.status === 'unknown' ? 'maybe' : 'no' };
      }
      const json = jsonOf(answer);
      if (typeof json !== 'object' || json === null) return { ok: false, result: { status: 'unknown', error: { code: 'wechat/bad_answer', message: this.o.redact(answer.text.slice(0, 200)), retryable: false } }, sent: 'maybe' };
      const record = json as Record<string, unknown>;
      const errcode = typeof record.errcode === 'number' ? record.errcode : 0;
      if (errcode !== 0 && TOKEN_ERRORS.has(errcode) && round === 0) {
        rejected = t.token;
        continue;
      }
      if (errcode !== 0) return { ok: false, result: { status: 'failed', error: wechatError(errcode, this.o.redact(String(record.errmsg ?? ''))) }, sent: 'no' };
      return { ok: true, json: record };
    }
    return { ok: false, result: { status: 'failed', error: { code: 'wechat/token_rejected', message: 'access_token 刷新后仍被拒绝', retryable: true } }, sent: 'no' };
  }
}
