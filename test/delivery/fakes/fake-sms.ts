import type { Fault, FakeRequest, RunningFake } from './fake-server';
import { startFake, fakeHandle } from './fake-server';
import { acs3Signature, tc3Signature } from './independent-signers';

/** Counters of a fake SMS provider. */
export interface FakeSms extends RunningFake {
  /** Accepted sends by the delivery key the provider echoes (OutId / SessionContext). */
  acceptedByKey: Map<string, number>;
  badSignatures: number;
  /** Numbers for which the provider refuses (Tencent: per-number failure). */
  refuse: Set<string>;
  rateLimitNext(n: number): void;
}

/**
 * Alibaba Cloud dysmsapi (`SendSms`, `QuerySendDetails`), verifying the ACS3 signature with
 * node:crypto; `isv.BUSINESS_LIMIT_CONTROL` when rate limited.
 */
export async function startFakeAliyunSms(options: { accessKeyId: string; secret: string; faults?: (req: FakeRequest) => Fault }): Promise<FakeSms> {
  const acceptedByKey = new Map<string, number>();
  const sent: { OutId: string; PhoneNum: string; SendStatus: number; SendDate: string }[] = [];
  const state = { bad: 0, limited: 0, seq: 0 };
  const refuse = new Set<string>();
  const fake = await startFake((req) => {
    const auth = String(req.headers.authorization ?? '');
    const m = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)$/.exec(auth);
    const host = String(req.headers.host);
    const headers = { ...req.headers, host };
    if (!m || m[1] !== options.accessKeyId || acs3Signature(options.secret, req.method, req.url.pathname, req.url.searchParams, headers, m[2]!.split(';'), req.body) !== m[3]) {
      state.bad++;
      return { status: 400, json: { Code: 'SignatureDoesNotMatch', Message: 'Specified signature does not match our calculation.' } };
    }
    const q = req.url.searchParams;
    const action = String(req.headers['x-acs-action']);
    if (action === 'SendSms') {
      if (state.limited > 0) {
        state.limited--;
        return { json: { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发流控', RequestId: 'R-limit' } };
      }
      const out = q.get('OutId') ?? '';
      acceptedByKey.set(out, (acceptedByKey.get(out) ?? 0) + 1);
      for (const phone of (q.get('PhoneNumbers') ?? '').split(',')) sent.push({ OutId: out, PhoneNum: phone, SendStatus: 3, SendDate: '2025-03-01 08:00:00' });
      state.seq++;
      return { json: { Code: 'OK', Message: 'OK', BizId: `BIZ${state.seq}`, RequestId: `REQ-${state.seq}` } };
    }
    if (action === 'QuerySendDetails') {
      const phone = q.get('PhoneNumber');
      const list = sent.filter((s) => s.PhoneNum === phone);
      return { json: { Code: 'OK', Message: 'OK', TotalCount: list.length, SmsSendDetailDTOs: { SmsSendDetailDTO: list } } };
    }
    return { status: 404, json: { Code: 'InvalidAction.NotFound' } };
  }, options.faults);
  return smsHandle(fake, acceptedByKey, refuse, state);
}

/**
 * Tencent Cloud sms 2021-01-11 (`SendSms` with per-number `SendStatusSet`,
 * `PullSmsSendStatusByPhoneNumber`), verifying TC3 with node:crypto.
 */
export async function startFakeTencentSms(options: { secretId: string; secretKey: string; faults?: (req: FakeRequest) => Fault }): Promise<FakeSms> {
  const acceptedByKey = new Map<string, number>();
  const reports: { SessionContext: string; PhoneNumber: string; ReportStatus: string; SerialNo: string }[] = [];
  const state = { bad: 0, limited: 0, seq: 0 };
  const refuse = new Set<string>();
  const fake = await startFake((req) => {
    const auth = String(req.headers.authorization ?? '');
    const action = String(req.headers['x-tc-action']);
    const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/[^,]+, SignedHeaders=content-type;host;x-tc-action, Signature=([0-9a-f]+)$/.exec(auth);
    const ts = Number(req.headers['x-tc-timestamp']);
    if (!m || m[1] !== options.secretId || tc3Signature(options.secretKey, 'sms', String(req.headers.host), action, ts, String(req.headers['content-type']), req.body) !== m[2]) {
      state.bad++;
      return { json: { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated.' }, RequestId: 'R-bad' } } };
    }
    const body = JSON.parse(req.body) as Record<string, unknown>;
    if (action === 'SendSms') {
      if (state.limited > 0) {
        state.limited--;
        return { json: { Response: { Error: { Code: 'RequestLimitExceeded', Message: '请求频率超限' }, RequestId: 'R-limit' } } };
      }
      const key = String(body.SessionContext ?? '');
      acceptedByKey.set(key, (acceptedByKey.get(key) ?? 0) + 1);
      const set = (body.PhoneNumberSet as string[]).map((PhoneNumber) => {
        const SerialNo = `SN-${++state.seq}`;
        if (refuse.has(PhoneNumber)) return { SerialNo: '', PhoneNumber, Fee: 0, SessionContext: key, Code: 'InvalidParameterValue.IncorrectPhoneNumber', Message: '手机号格式错误', IsoCode: 'CN' };
        reports.push({ SessionContext: key, PhoneNumber, ReportStatus: 'SUCCESS', SerialNo });
        return { SerialNo, PhoneNumber, Fee: 1, SessionContext: key, Code: 'Ok', Message: 'send success', IsoCode: 'CN' };
      });
      return { json: { Response: { SendStatusSet: set, RequestId: `REQ-${state.seq}` } } };
    }
    if (action === 'PullSmsSendStatusByPhoneNumber') {
      return { json: { Response: { PullSmsSendStatusSet: reports.filter((r) => r.PhoneNumber === body.PhoneNumber), RequestId: 'R-pull' } } };
    }
    return { json: { Response: { Error: { Code: 'InvalidAction', Message: 'no such action' }, RequestId: 'R' } } };
  }, options.faults);
  return smsHandle(fake, acceptedByKey, refuse, state);
}

// What both providers' fakes hand the test: the server, sends counted by key, numbers to
// refuse, and the signature and rate-limit state their handlers share.
function smsHandle(fake: Parameters<typeof fakeHandle>[0], acceptedByKey: Map<string, number>, refuse: Set<string>, state: { bad: number; limited: number }): FakeSms {
  return fakeHandle(fake, {
    acceptedByKey,
    refuse,
    get badSignatures() {
      return state.bad;
    },
    rateLimitNext(n: number) {
      state.limited = n;
    },
  });
}
