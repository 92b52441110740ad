import * as z from 'zod';
import { failureResult, httpRequest, isFailure, jsonOf, redactor, statusResult, type FetchLike } from '../http';
import { MANUAL_TASKS } from '../messages';
import type { Transport, TransportResult } from '../transport';
import { parseTransportConfig } from './config';
import { recipientsOf, recipientsSchema, type SmsRecipients } from './sms-common';
import { signTc3 } from './tc3-sign';

/** Configuration of {@link tencentSmsTransport}. */
export interface TencentSmsConfig {
  secretId: string;
  secretKey: string;
  /** The SMS application id (SmsSdkAppId), e.g. `1400006666`. */
  smsSdkAppId: string;
  /** The approved signature content, without 【】. */
  signName: string;
  /** The approved template id. */
  templateId: string;
  recipients: SmsRecipients;
  /** Template variables, in order, from the `sms` payload; default `[payload.text]`. */
  templateParams?: (payload: Record<string, unknown>) => string[];
  /** Default `ap-guangzhou`. */
  region?: string;
  unconfirmedGraceMs?: number;
  /** Default `https://sms.tencentcloudapi.com`. */
  endpoint?: string;
  accountId?: string;
  fetch?: FetchLike;
  clock?: () => Date;
}

const configSchema = z
  .object({
    secretId: z.string().min(8),
    secretKey: z.string().min(8),
    smsSdkAppId: z.string().regex(/^\d+$/, 'must be the numeric SmsSdkAppId'),
    signName: z.string().min(1),
    templateId: z.string().regex(/^\d+$/, 'must be the numeric template id'),
    recipients: recipientsSchema,
    templateParams: z.custom<TencentSmsConfig['templateParams']>((f) => typeof f === 'function', { message: 'must be a function' }).optional(),
    region: z.string().min(1).optional(),
    unconfirmedGraceMs: z.number().int().nonnegative().optional(),
    endpoint: z.url({ protocol: /^https?$/ }).optional(),
    accountId: z.string().optional(),
    fetch: z.custom<FetchLike>((f) => typeof f === 'function', { message: 'must be a fetch function' }).optional(),
    clock: z.custom<() => Date>((f) => typeof f === 'function', { message: 'must be a function' }).optional(),
  })
  .strict();

const retryableCode = (code: string) => code === 'RequestLimitExceeded' || code.startsWith('LimitExceeded.');

/**
 * SMS through Tencent Cloud `SendSms` (sms 2021-01-11), signed TC3-HMAC-SHA256, with
 * `SessionContext` = the delivery's idempotency key and per-number results in the receipt
 * (`SendStatusSet`). A lost answer is reconciled with `PullSmsSendStatusByPhoneNumber`
 * matched on `SessionContext`: the plain `PullSmsSendStatus` hands each report out only once,
 * so reconciling with it would steal reports from other consumers. An SMS cannot be recalled.
 * Sources: 腾讯云短信 API 文档 SendSms, PullSmsSendStatusByPhoneNumber.
 */
export function tencentSmsTransport(config: TencentSmsConfig): Transport {
  const c = parseTransportConfig(configSchema, config, 'tencent-sms');
  const fetchFn = c.fetch ?? ((input, init) => fetch(input, init));
  const clock = c.clock ?? (() => new Date());
  const endpoint = new URL(c.endpoint ?? 'https://sms.tencentcloudapi.com');
  const host = endpoint.host;
  const redact = redactor([c.secretKey]);
  const params = c.templateParams ?? ((p) => [String(p.text ?? '')]);
  const grace = c.unconfirmedGraceMs ?? 600_000;

  function call(action: string, body: Record<string, unknown>, signal: AbortSignal) {
    const payload = JSON.stringify(body);
    const headers = signTc3({ host, service: 'sms', action, version: '2021-01-11', region: c.region ?? 'ap-guangzhou', payload, timestamp: Math.floor(clock().getTime() / 1000), secretId: c.secretId, secretKey: c.secretKey });
    const { host: _host, ...sendHeaders } = headers;
    return httpRequest(fetchFn, `${endpoint.origin}/`, { method: 'POST', headers: sendHeaders, body: payload, signal }, redact);
  }

  return {
    manualRemoval: MANUAL_TASKS.sms_cannot_recall,
    async send({ delivery, signal }) {
      const numbers = await recipientsOf(c.recipients, delivery);
      const answer = await call('SendSms', {
        PhoneNumberSet: numbers.map((n) => `+86${n}`),
        SmsSdkAppId: c.smsSdkAppId,
        SignName: c.signName,
        TemplateId: c.templateId,
        TemplateParamSet: params(delivery.payload),
        SessionContext: delivery.idempotencyKey,
      }, signal);
      if (isFailure(answer)) return failureResult(answer);
      const json = jsonOf(answer) as { Response?: { Error?: { Code: string; Message: string }; RequestId?: string; SendStatusSet?: { PhoneNumber: string; SerialNo?: string; Code: string; Message?: string; Fee?: number }[] } } | undefined;
      const res = json?.Response;
      if (!res) return statusResult(answer, 'tencent', false, redact);
      if (res.Error) {
        const code = res.Error.Code;
        if (code.startsWith('InternalError')) return { status: 'unknown', error: { code: `tencent/${code}`, message: redact(res.Error.Message), retryable: false } };
        return { status: 'failed', error: { code: `tencent/${code}`, message: redact(res.Error.Message), retryable: retryableCode(code) } };
      }
      const set = res.SendStatusSet ?? [];
      const numbersOut = set.map((s) => ({ phone: s.PhoneNumber, code: s.Code, message: s.Message, serialNo: s.SerialNo, fee: s.Fee }));
      if (set.some((s) => s.Code === 'Ok')) return { status: 'sent', receipt: { id: res.RequestId, requestId: res.RequestId, numbers: numbersOut } };
      const first = set[0];
      // Every number refused: retry only if every refusal was a rate limit.
      return { status: 'failed', error: { code: `tencent/${first?.Code ?? 'no_status'}`, message: redact(first?.Message ?? '无发送结果'), retryable: set.length > 0 && set.every((s) => retryableCode(s.Code)) } };
    },

    async reconcile({ delivery, signal, unknownSince }): Promise<TransportResult> {
      const numbers = await recipientsOf(c.recipients, delivery);
      const begin = Math.floor(unknownSince.getTime() / 1000) - 300;
      const answer = await call('PullSmsSendStatusByPhoneNumber', { BeginTime: begin, EndTime: Math.floor(clock().getTime() / 1000), Offset: 0, Limit: 100, PhoneNumber: `+86${numbers[0]}`, SmsSdkAppId: c.smsSdkAppId }, signal);
      const still = (message: string): TransportResult => ({ status: 'unknown', error: { code: 'tencent/unconfirmed', message, retryable: false } });
      if (isFailure(answer)) return still('状态查询失败，稍后再查');
      const json = jsonOf(answer) as { Response?: { Error?: { Code: string }; PullSmsSendStatusSet?: { SessionContext?: string; PhoneNumber?: string; ReportStatus?: string; Description?: string; SerialNo?: string }[] } } | undefined;
      if (!json?.Response || json.Response.Error) return still('状态查询未成功');
      const mine = (json.Response.PullSmsSendStatusSet ?? []).filter((s) => s.SessionContext === delivery.idempotencyKey);
      if (mine.length) return { status: 'sent', receipt: { id: delivery.idempotencyKey, reconciled: true, numbers: mine.map((s) => ({ phone: s.PhoneNumber, reportStatus: s.ReportStatus, description: s.Description, serialNo: s.SerialNo })) } };
      if (clock().getTime() - unknownSince.getTime() < grace) return still('尚未查到发送记录');
      return { status: 'failed', error: { code: 'tencent/not_sent', message: '查询无发送记录，重新发送', retryable: true } };
    },
  };
}
