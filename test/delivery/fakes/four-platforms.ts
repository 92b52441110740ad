// The four platforms a withdrawal test publishes to (WeChat, the CMS webhook, Weibo, Aliyun
// SMS), started once per suite, and the accounts that speak to them with matching credentials.
import { afterAll, beforeAll } from 'vitest';
import { aliyunSmsTransport, webhookTransport, wechatTransport, weiboTransport, type Account } from '../../../src/delivery/index';
import { startFakeCms, type FakeCms } from './fake-cms';
import { startFakeAliyunSms, type FakeSms } from './fake-sms';
import { startFakeWechat, type FakeWechat } from './fake-wechat';
import { startFakeWeibo, type FakeWeibo } from './fake-weibo';

/** The running fakes; read them inside tests (they exist after `beforeAll`). */
export interface FourPlatforms {
  wechat: FakeWechat;
  cms: FakeCms;
  weibo: FakeWeibo;
  sms: FakeSms;
  /** One account per platform: `wx-main`, `portal`, `weibo-main`, `sms-city`. */
  accounts(clock: () => Date, sms?: Pick<Account, 'options'>): Account[];
}

/** Starts the four fakes before the suite and closes them after it. Call inside `describe`. */
export function useFourPlatforms(): FourPlatforms {
  const platforms = {
    accounts(clock: () => Date, sms: Pick<Account, 'options'> = {}): Account[] {
      return [
        { id: 'wx-main', channel: 'wechat', name: '某某发布', transport: wechatTransport({ appId: 'wx0123456789abcdef', appSecret: 'secret-0123456789abcdef0123456789', thumbMediaId: 'T', baseUrl: platforms.wechat.url, clock }) },
        { id: 'portal', channel: 'website', name: '门户网站', transport: webhookTransport({ url: platforms.cms.url, secret: 'cms-secret-0123456789' }) },
        { id: 'weibo-main', channel: 'weibo', name: '@某某发布', transport: weiboTransport({ accessToken: 'weibo-token-123', safeDomain: 'www.example.gov.cn', baseUrl: platforms.weibo.url }) },
        { id: 'sms-city', channel: 'sms', name: '市民短信', ...sms, transport: aliyunSmsTransport({ accessKeyId: 'LTAIexample01', accessKeySecret: 'aliyun-secret-value', signName: '某某发布', templateCode: 'SMS_1', recipients: ['13800000001'], endpoint: platforms.sms.url }) },
      ];
    },
  } as FourPlatforms;
  beforeAll(async () => {
    [platforms.wechat, platforms.cms, platforms.weibo, platforms.sms] = await Promise.all([
      startFakeWechat({ pendingPolls: 0 }),
      startFakeCms({ secret: 'cms-secret-0123456789' }),
      startFakeWeibo({ token: 'weibo-token-123', safeDomain: 'www.example.gov.cn' }),
      startFakeAliyunSms({ accessKeyId: 'LTAIexample01', secret: 'aliyun-secret-value' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([platforms.wechat.close(), platforms.cms.close(), platforms.weibo.close(), platforms.sms.close()]);
  });
  return platforms;
}
