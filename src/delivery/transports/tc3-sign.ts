import { hmacSha256, hmacSha256Hex, sha256HexOf } from './hmac';

/** What {@link signTc3} signs: one Tencent Cloud API 3.0 request (`POST` JSON). */
export interface Tc3Request {
  /** e.g. `sms.tencentcloudapi.com`. */
  host: string;
  /** e.g. `sms`. */
  service: string;
  /** e.g. `SendSms`. */
  action: string;
  /** e.g. `2021-01-11`. */
  version: string;
  /** e.g. `ap-guangzhou`. */
  region?: string;
  /** The JSON body, exactly as sent. */
  payload: string;
  /** Unix seconds. */
  timestamp: number;
  secretId: string;
  secretKey: string;
}

/**
 * Signs a request with TC3-HMAC-SHA256 (Tencent Cloud "Signature v3"): canonical request of
 * `POST`, `/`, empty query, the `content-type`, `host` and `x-tc-action` headers and the
 * SHA-256 of the payload; string to sign = algorithm, timestamp, credential scope
 * (`<UTC date>/<service>/tc3_request`) and the canonical request's hash; the key is derived
 * HMAC-SHA256("TC3" + SecretKey → date → service → "tc3_request").
 * Returns every header to send, `Authorization` included.
 * Source: 腾讯云 API 文档 「签名方法 v3」 (cloud.tencent.com/document/api/382/52072).
 */
export function signTc3(r: Tc3Request): Record<string, string> {
  const contentType = 'application/json; charset=utf-8';
  const date = new Date(r.timestamp * 1000).toISOString().slice(0, 10);
  const canonicalHeaders = `content-type:${contentType}\nhost:${r.host}\nx-tc-action:${r.action.toLowerCase()}\n`;
  const signedHeaders = 'content-type;host;x-tc-action';
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaders, sha256HexOf(r.payload)].join('\n');
  const scope = `${date}/${r.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(r.timestamp), scope, sha256HexOf(canonicalRequest)].join('\n');
  const secretDate = hmacSha256(`TC3${r.secretKey}`, date);
  const secretService = hmacSha256(secretDate, r.service);
  const secretSigning = hmacSha256(secretService, 'tc3_request');
  const signature = hmacSha256Hex(secretSigning, stringToSign);
  return {
    authorization: `TC3-HMAC-SHA256 Credential=${r.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    'content-type': contentType,
    host: r.host,
    'x-tc-action': r.action,
    'x-tc-timestamp': String(r.timestamp),
    'x-tc-version': r.version,
    ...(r.region ? { 'x-tc-region': r.region } : {}),
  };
}
