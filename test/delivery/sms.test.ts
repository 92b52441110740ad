import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliyunSmsTransport, signAcs3, signTc3, tencentSmsTransport, type Delivery, type Transport, type TransportContext, type TransportResult } from '../../src/delivery/index';
import { GovpubError } from '../../src/errors/index';
import { startFakeAliyunSms, startFakeTencentSms, type FakeSms } from './fakes/fake-sms';
import { tc3Signature } from './fakes/independent-signers';

function delivery(key: string): Delivery {
  const at = '2025-03-01T00:00:00.000Z';
  return { id: key, documentId: 'doc', revision: 1, accountId: 'sms', channel: 'sms', kind: 'publish', payloadHash: 'h', payload: { text: '【某某发布】停水通知', segments: 1 }, idempotencyKey: key, state: 'sending', attempts: 0, nextAttemptAt: at, createdAt: at, updatedAt: at, history: [] };
}
const ctx = (d: Delivery): TransportContext => ({ delivery: d, account: { id: 'sms', channel: 'sms', name: '短信' }, signal: new AbortController().signal, now: new Date(), saveProgress: async () => {} });

describe('ACS3-HMAC-SHA256', () => {
  it('reproduces the worked example of the Alibaba Cloud V3 signature documentation', () => {
    // Example request of 「V3版本请求体&签名机制」 (help.aliyun.com): ECS RunInstances, empty body,
    // AccessKey "YourAccessKeyId"/"YourAccessKeySecret"; the documented Authorization ends in e521358f….
    const headers = signAcs3({
      method: 'POST', host: 'ecs.cn-shanghai.aliyuncs.com', action: 'RunInstances', version: '2014-05-26',
      query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
      date: '2023-10-26T09:01:01Z', nonce: 'd410180a5abf7fe235dd9b74aca91fc0', accessKeyId: 'YourAccessKeyId', accessKeySecret: 'YourAccessKeySecret',
    });
    expect(headers['x-acs-content-sha256']).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(headers.authorization).toBe('ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804');
  });
});

describe('TC3-HMAC-SHA256', () => {
  it('matches an independent node:crypto implementation (the documented example keys are masked)', () => {
    const payload = JSON.stringify({ PhoneNumberSet: ['+8613800000000'], TemplateParamSet: ['中文 参数'] });
    const h = signTc3({ host: 'sms.tencentcloudapi.com', service: 'sms', action: 'SendSms', version: '2021-01-11', region: 'ap-guangzhou', payload, timestamp: 1551113065, secretId: 'AKIDEXAMPLE', secretKey: 'SECRETKEYEXAMPLE' });
    const expected = tc3Signature('SECRETKEYEXAMPLE', 'sms', 'sms.tencentcloudapi.com', 'SendSms', 1551113065, 'application/json; charset=utf-8', payload);
    expect(h.authorization).toBe(`TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2019-02-25/sms/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=${expected}`);
  });
});

describe('aliyunSmsTransport against the fake dysmsapi', () => {
  let fake: FakeSms;
  beforeAll(async () => {
    fake = await startFakeAliyunSms({ accessKeyId: 'LTAIexample01', secret: 'aliyun-secret-value' });
  });
  afterAll(() => fake.close());
  const make = (extra: Partial<Parameters<typeof aliyunSmsTransport>[0]> = {}) =>
    aliyunSmsTransport({ accessKeyId: 'LTAIexample01', accessKeySecret: 'aliyun-secret-value', signName: '某某发布', templateCode: 'SMS_123456789', recipients: ['13800000001', '+8613800000002'], endpoint: fake.url, unconfirmedGraceMs: 0, ...extra });

  it('sends signed, with OutId, and reports the numbers', async () => {
    const r = await make().send(ctx(delivery('doc:1:sms')));
    expect(r).toMatchObject({ status: 'sent', receipt: { bizId: 'BIZ1', numbers: [{ phone: '13800000001' }, { phone: '13800000002' }] } });
    expect(fake.acceptedByKey.get('doc:1:sms')).toBe(1);
    expect(fake.badSignatures).toBe(0);
  });

  it('flow control is retryable; a wrong secret is refused and never appears in the error', async () => {
    fake.rateLimitNext(1);
    const limited = await make().send(ctx(delivery('doc:2:sms')));
    expect(limited).toMatchObject({ status: 'failed', error: { code: 'aliyun/isv.BUSINESS_LIMIT_CONTROL', retryable: true } });
    const wrong = await make({ accessKeySecret: 'not-the-secret' }).send(ctx(delivery('doc:3:sms')));
    expect(wrong.status).toBe('failed');
    expect(JSON.stringify(wrong)).not.toContain('not-the-secret');
  });

  it('reconciles by OutId: found → sent; nothing after the grace → not sent, retry', async () => {
    const t = make();
    const found = (await t.reconcile!({ ...ctx(delivery('doc:1:sms')), unknownSince: new Date() })) as TransportResult;
    expect(found).toMatchObject({ status: 'sent', receipt: { reconciled: true } });
    const missing = await t.reconcile!({ ...ctx(delivery('doc:9:sms')), unknownSince: new Date(Date.now() - 1000) });
    expect(missing).toMatchObject({ status: 'failed', error: { retryable: true } });
  });

  it('validates its configuration, naming the account and field', () => {
    try {
      aliyunSmsTransport({ accessKeyId: 'LTAIexample01', accessKeySecret: 'aliyun-secret-value', signName: '某某发布', templateCode: 'T1', recipients: ['12'], accountId: 'sms-city' });
      throw new Error('no');
    } catch (e) {
      expect(e).toBeInstanceOf(GovpubError);
      expect((e as GovpubError).message).toContain('account "sms-city"');
      expect(((e as GovpubError).details!.issues as { path: unknown[] }[]).map((i) => i.path)).toEqual([['templateCode'], ['recipients', 0]]);
      expect(JSON.stringify((e as GovpubError).details)).not.toContain('aliyun-secret-value');
    }
  });
});

describe('tencentSmsTransport against the fake sms API', () => {
  let fake: FakeSms;
  beforeAll(async () => {
    fake = await startFakeTencentSms({ secretId: 'AKIDexample01', secretKey: 'tencent-secret-value' });
  });
  afterAll(() => fake.close());
  const make = () => tencentSmsTransport({ secretId: 'AKIDexample01', secretKey: 'tencent-secret-value', smsSdkAppId: '1400006666', signName: '某某发布', templateId: '449739', recipients: ['13800000001', '13800000003'], endpoint: fake.url, unconfirmedGraceMs: 0 });

  it('per-number results: one refused number does not fail the others', async () => {
    fake.refuse.add('+8613800000003');
    const r = await make().send(ctx(delivery('doc:1:tx')));
    expect(r.status).toBe('sent');
    const numbers = (r as unknown as { receipt: { numbers: { phone: string; code: string }[] } }).receipt.numbers;
    expect(numbers.map((n) => [n.phone, n.code])).toEqual([['+8613800000001', 'Ok'], ['+8613800000003', 'InvalidParameterValue.IncorrectPhoneNumber']]);
    expect(fake.badSignatures).toBe(0);
  });

  it('RequestLimitExceeded is retryable; reconciliation finds the SessionContext', async () => {
    fake.rateLimitNext(1);
    expect(await make().send(ctx(delivery('doc:2:tx')))).toMatchObject({ status: 'failed', error: { code: 'tencent/RequestLimitExceeded', retryable: true } });
    expect(await make().reconcile!({ ...ctx(delivery('doc:1:tx')), unknownSince: new Date() })).toMatchObject({ status: 'sent' });
  });
});
