import type { Delivery } from '../delivery';
import { failureResult, httpRequest, isFailure, jsonOf, statusResult, type FetchLike } from '../http';
import type { TransportResult } from '../transport';
import { signWebhook } from './webhook-signature';

/** One signed JSON request to a host-run endpoint (the CMS webhook, an app-push service). */
export interface SignedRequest {
  fetch: FetchLike;
  method: 'POST' | 'DELETE';
  url: string;
  secret?: string;
  bearerToken?: string;
  idempotencyKey: string;
  body: Record<string, unknown>;
  signal: AbortSignal;
  now: Date;
  codePrefix: string;
  redact: (s: string) => string;
}

/** Sends a {@link SignedRequest}; 2xx → the receipt is the JSON answer (`id`, `url`, …). */
export async function signedJsonRequest(r: SignedRequest): Promise<{ ok: true; receipt: Record<string, unknown>; status: number } | { ok: false; result: TransportResult; status?: number }> {
  const body = JSON.stringify(r.body);
  const timestamp = String(Math.floor(r.now.getTime() / 1000));
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'idempotency-key': r.idempotencyKey,
    'x-govpub-timestamp': timestamp,
  };
  if (r.secret) headers['x-govpub-signature'] = signWebhook(r.secret, timestamp, body);
  if (r.bearerToken) headers.authorization = `Bearer ${r.bearerToken}`;
  const answer = await httpRequest(r.fetch, r.url, { method: r.method, headers, body, signal: r.signal }, r.redact);
  if (isFailure(answer)) {
    // The receiver honours Idempotency-Key, so a request that may have gone out is simply sent again.
    return { ok: false, result: failureResult({ failure: 'not-sent', error: { ...answer.error, retryable: true } }) };
  }
  if (answer.status >= 200 && answer.status < 300) {
    const json = jsonOf(answer);
    return { ok: true, status: answer.status, receipt: typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {} };
  }
  return { ok: false, status: answer.status, result: statusResult(answer, r.codePrefix, true, r.redact) };
}

/** The publication fields every host-run endpoint receives besides the payload. */
export function deliveryEnvelope(d: Delivery): Record<string, unknown> {
  return {
    deliveryId: d.id,
    documentId: d.documentId,
    revision: d.revision,
    accountId: d.accountId,
    channel: d.channel,
    idempotencyKey: d.idempotencyKey,
    payloadHash: d.payloadHash,
  };
}
