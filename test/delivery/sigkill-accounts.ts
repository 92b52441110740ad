// The accounts of the SIGKILL test, shared by the parent and the child worker process.
import { aliyunSmsTransport, webhookTransport, type Account } from '../../src/index';

export const KILL_CMS_SECRET = 'cms-secret-0123456789';

export function killTestAccounts(cmsUrl: string, smsUrl: string, clock: () => Date): Account[] {
  return [
    { id: 'portal', channel: 'website', name: '门户网站', transport: webhookTransport({ url: `${cmsUrl}/govpub`, secret: KILL_CMS_SECRET }) },
    // Not idempotent at the provider: what the killed worker may have sent is found with QuerySendDetails.
    { id: 'sms-city', channel: 'sms', name: '市民短信', options: { signature: '某某发布' }, transport: aliyunSmsTransport({ accessKeyId: 'LTAIexample01', accessKeySecret: 'aliyun-secret-value', signName: '某某发布', templateCode: 'SMS_1', recipients: ['13800000001'], endpoint: smsUrl, clock, unconfirmedGraceMs: 0 }) },
  ];
}
