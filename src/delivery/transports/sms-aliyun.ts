import * as z from 'zod';
import { failureResult, httpRequest, isFailure, jsonOf, redactor, statusResult, type FetchLike } from '../http';
import { MANUAL_TASKS } from '../messages';
import type { Transport, TransportResult } from '../transport';
import { signAcs3 } from './acs3-sign';
import { parseTransportConfig } from './config';
import { chinaDate, recipientsOf, recipientsSchema, type SmsRecipients } from './sms-common';

/** Configuration of {@link aliyunSmsTransport}. */
export interface AliyunSmsConfig {
  accessKeyId: string;
  accessKeySecret: string;
  /** The approved signature name (签名名称), without 【】. */
  signName: string;
  /** The approved template code (模板CODE), e.g. `SMS_123456789`. */
  templateCode: string;
  recipients: SmsRecipients;
  /** Template variables from the `sms` payload; default `{ content: payload.text }`. */
  templateParams?: (payload: Record<string, unknown>) => Record<string, string>;
  /** When a lost answer leaves no trace in the status query, how long to keep looking. Default 10 minutes. */
  unconfirmedGraceMs?: number;
  /** Default `https://dysmsapi.aliyuncs.com`. */
  endpoint?: string;
  accountId?: string;
  fetch?: FetchLike;
  clock?: () => Date;
  /** Signature nonces; default random UUIDs. */
  nonce?: () => string;
}

const configSchema = z
  .object({
    accessKeyId: z.string().min(8),
    accessKeySecret: z.string().min(8),
    signName: z.string().min(1),
    templateCode: z.string().regex(/^SMS_\d+$/, 'must be a template code like SMS_123456789'),
    recipients: recipientsSchema,
    templateParams: z.custom<AliyunSmsConfig['templateParams']>((f) => typeof f === 'function', { message: 'must be a function' }).optional(),
    unconfirmedGraceMs: z.number().int().nonnegative().optional(),
    endpoint: z.url({ protocol: /^https?$/ }).optional(),
    accountId: z.string().optional(),
    fetch: z.custom<FetchLike>((f) => typeof f === 'function', { message: 'must be a fetch function' }).optional(),
    clock: z.custom<() => Date>((f) => typeof f === 'function', { message: 'must be a function' }).optional(),
    nonce: z.custom<() => string>((f) => typeof f === 'function', { message: 'must be a function' }).optional(),
  })
  .strict();

// "Try later" codes of dysmsapi: flow control per number/day/minute and API throttling.
// Source: 阿里云短信服务 API 错误码 (isv.BUSINESS_LIMIT_CONTROL, Throttling.User).
const RETRYABLE = new Set(['isv.BUSINESS_LIMIT_CONTROL', 'Throttling.User', 'Throttling.Api', 'ServiceUnavailable']);

/**
 * SMS through Alibaba Cloud `SendSms` (dysmsapi 2017-05-25), signed ACS3-HMAC-SHA256, with
 * `OutId` = the delivery's idempotency key. The provider does not de-duplicate, so a lost
 * answer is reconciled with `QuerySendDetails` (by number and date, matched on `OutId`),
 * never re-sent blindly. An SMS cannot be recalled: withdrawal is a task for a person.
 * Sources: 阿里云短信服务 API 参考 SendSms, QuerySendDetails.
 */
export function aliyunSmsTransport(config: AliyunSmsConfig): Transport {
  const c = parseTransportConfig(configSchema, config, 'aliyun-sms');
  const fetchFn = c.fetch ?? ((input, init) => fetch(input, init));
  const clock = c.clock ?? (() => new Date());
  const nonce = c.nonce ?? (() => globalThis.crypto.randomUUID());
  const endpoint = new URL(c.endpoint ?? 'https://dysmsapi.aliyuncs.com');
  const redact = redactor([c.accessKeySecret]);
  const params = c.templateParams ?? ((p) => ({ content: String(p.text ?? '') }));
  const grace = c.unconfirmedGraceMs ?? 600_000;

  async function call(action: string, query: Record<string, string>, signal: AbortSignal) {
    const headers = signAcs3({
      method: 'POST', host: endpoint.host, query, action, version: '2017-05-25',
      date: clock().toISOString().replace(/\.\d{3}Z$/, 'Z'), nonce: nonce(), accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret,
    });
    const { host: _host, ...sendHeaders } = headers;
    const url = `${endpoint.origin}/?${new URLSearchParams(query).toString().replace(/\+/g, '%20')}`;
    return httpRequest(fetchFn, url, { method: 'POST', headers: sendHeaders, signal }, redact);
  }

  return {
    manualRemoval: MANUAL_TASKS.sms_cannot_recall,
    async send({ delivery, signal }) {
      const numbers = await recipientsOf(c.recipients, delivery);
      const answer = await call('SendSms', {
        PhoneNumbers: numbers.join(','),
        SignName: c.signName,
        TemplateCode: c.templateCode,
        TemplateParam: JSON.stringify(params(delivery.payload)),
        OutId: delivery.idempotencyKey,
      }, signal);
      if (isFailure(answer)) return failureResult(answer);
      const json = jsonOf(answer) as { Code?: string; Message?: string; BizId?: string; RequestId?: string } | undefined;
      if (json?.Code === 'OK') {
        return { status: 'sent', receipt: { id: json.RequestId, requestId: json.RequestId, bizId: json.BizId, numbers: numbers.map((phone) => ({ phone, status: 'submitted' })) }, progress: { bizId: json.BizId } };
      }
      if (json?.Code) {
        const code = json.Code;
        if (code === 'isp.SYSTEM_ERROR') return { status: 'unknown', error: { code: `aliyun/${code}`, message: redact(json.Message ?? ''), retryable: false } };
        return { status: 'failed', error: { code: `aliyun/${code}`, message: redact(json.Message ?? ''), retryable: RETRYABLE.has(code) } };
      }
      return statusResult(answer, 'aliyun', false, redact);
    },

    async reconcile({ delivery, signal, unknownSince }): Promise<TransportResult> {
      const numbers = await recipientsOf(c.recipients, delivery);
      const answer = await call('QuerySendDetails', { PhoneNumber: numbers[0]!, SendDate: chinaDate(unknownSince), PageSize: '50', CurrentPage: '1' }, signal);
      const still = (message: string): TransportResult => ({ status: 'unknown', error: { code: 'aliyun/unconfirmed', message, retryable: false } });
      if (isFailure(answer)) return still('状态查询失败，稍后再查');
      const json = jsonOf(answer) as { Code?: string; SmsSendDetailDTOs?: { SmsSendDetailDTO?: { OutId?: string; PhoneNum?: string; SendStatus?: number; ErrCode?: string }[] } } | undefined;
      if (json?.Code !== 'OK') return still(`状态查询未成功：${redact(json?.Code ?? String(answer.status))}`);
      const mine = (json.SmsSendDetailDTOs?.SmsSendDetailDTO ?? []).filter((d) => d.OutId === delivery.idempotencyKey);
      if (mine.length) {
        return { status: 'sent', receipt: { id: delivery.idempotencyKey, reconciled: true, numbers: mine.map((d) => ({ phone: d.PhoneNum, sendStatus: d.SendStatus, errCode: d.ErrCode })) } };
      }
      if (clock().getTime() - unknownSince.getTime() < grace) return still('尚未查到发送记录');
      return { status: 'failed', error: { code: 'aliyun/not_sent', message: '查询无发送记录，重新发送', retryable: true } };
    },
  };
}
