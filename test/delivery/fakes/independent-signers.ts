import { createHash, createHmac } from 'node:crypto';

// Independent implementations of the two cloud signatures with node:crypto, written from the
// providers' documentation separately from src/, used by the fakes to verify requests.

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Alibaba Cloud V3 (ACS3-HMAC-SHA256) signature of a request as the server receives it. */
export function acs3Signature(secret: string, method: string, path: string, query: URLSearchParams, headers: Record<string, string | string[] | undefined>, signedHeaders: string[], body: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/\*/g, '%2A').replace(/!/g, '%21').replace(/'/g, '%27').replace(/\(/g, '%28').replace(/\)/g, '%29');
  const q = [...query.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  const canonicalHeaders = signedHeaders.map((h) => `${h}:${String(headers[h] ?? '').trim()}\n`).join('');
  const request = `${method}\n${path}\n${q}\n${canonicalHeaders}\n${signedHeaders.join(';')}\n${sha256(body)}`;
  return createHmac('sha256', secret).update(`ACS3-HMAC-SHA256\n${sha256(request)}`).digest('hex');
}

/** Tencent Cloud TC3-HMAC-SHA256 signature. */
export function tc3Signature(secretKey: string, service: string, host: string, action: string, timestamp: number, contentType: string, payload: string): string {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const request = `POST\n/\n\ncontent-type:${contentType}\nhost:${host}\nx-tc-action:${action.toLowerCase()}\n\ncontent-type;host;x-tc-action\n${sha256(payload)}`;
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${sha256(request)}`;
  const kDate = createHmac('sha256', `TC3${secretKey}`).update(date).digest();
  const kService = createHmac('sha256', kDate).update(service).digest();
  const kSigning = createHmac('sha256', kService).update('tc3_request').digest();
  return createHmac('sha256', kSigning).update(toSign).digest('hex');
}
