import type { DeliveryError } from './delivery';
import type { TransportResult } from './transport';

/** The `fetch` signature transports use; inject one in tests or to add a proxy. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** A response that arrived in full. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * A request that got no complete answer. `not-sent`: the connection was never made, so the
 * platform cannot have acted. `maybe-sent`: it may have (a timeout, the connection dropped
 * after the request went out); such a delivery is reconciled, not re-sent.
 */
export interface RequestFailure {
  failure: 'not-sent' | 'maybe-sent';
  error: DeliveryError;
}

// Error codes (Node's and undici's) that mean no byte of the request reached the server.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** Sends one request and reads the whole body, telling "never sent" apart from "may have been sent". */
export async function httpRequest(fetchFn: FetchLike, url: string, init: RequestInit, redact: (s: string) => string = (s) => s): Promise<HttpAnswer | RequestFailure> {
  let response: Response;
  try {
    response = await fetchFn(url, init);
  } catch (e) {
    return classify(e, init.signal, redact);
  }
  try {
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (e) {
    // Headers arrived, the body did not: the server has certainly seen the request.
    return { failure: 'maybe-sent', error: { code: 'network/body_lost', message: redact(describe(e)), retryable: false } };
  }
}

function classify(e: unknown, signal: AbortSignal | null | undefined, redact: (s: string) => string): RequestFailure {
  if (signal?.aborted) return { failure: 'maybe-sent', error: { code: 'network/timeout', message: '请求超时，平台可能已收到', retryable: false } };
  const code = causeCode(e);
  if (code && NOT_SENT.has(code)) return { failure: 'not-sent', error: { code: `network/${code}`, message: redact(describe(e)), retryable: true } };
  return { failure: 'maybe-sent', error: { code: `network/${code ?? 'connection_lost'}`, message: redact(describe(e)), retryable: false } };
}

function causeCode(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function describe(e: unknown): string {
  const parts: string[] = [];
  for (let cur: unknown = e, depth = 0; cur && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) {
    parts.push(cur instanceof Error ? cur.message : String(cur));
  }
  return parts.join(': ');
}

/** True when `r` is a {@link RequestFailure}. */
export function isFailure(r: HttpAnswer | RequestFailure): r is RequestFailure {
  return 'failure' in r;
}

/** The transport result for a request that got no complete answer. */
export function failureResult(f: RequestFailure, progress?: Record<string, unknown>): TransportResult {
  return f.failure === 'not-sent' ? { status: 'failed', error: f.error, ...(progress ? { progress } : {}) } : { status: 'unknown', error: f.error, ...(progress ? { progress } : {}) };
}

/** Parses a JSON body, or `undefined` when it is not JSON. */
export function jsonOf(answer: HttpAnswer): unknown {
  try {
    return JSON.parse(answer.text);
  } catch {
    return undefined;
  }
}

/**
 * The result of an HTTP status that is not success: 429 and 502–504 mean "not processed,
 * try later"; other 5xx may have been processed (unknown, unless re-sending is harmless);
 * 4xx are refusals.
 */
export function statusResult(answer: HttpAnswer, codePrefix: string, idempotent: boolean, redact: (s: string) => string = (s) => s): TransportResult {
  const error = (retryable: boolean): DeliveryError => ({ code: `${codePrefix}/http_${answer.status}`, message: redact(answer.text.slice(0, 500)), retryable });
  if (answer.status === 429 || (answer.status >= 502 && answer.status <= 504)) return { status: 'failed', error: error(true) };
  if (answer.status >= 500) return idempotent ? { status: 'failed', error: error(true) } : { status: 'unknown', error: error(false) };
  return { status: 'failed', error: error(false) };
}

/**
 * A function that replaces each secret (and `access_token=` query values) with `***`, for
 * every message and detail that leaves a transport.
 */
export function redactor(secrets: readonly (string | undefined)[]): (s: string) => string {
  const list = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
  return (s) => {
    let out = s.replace(/(access_token=)[^&\s"']+/g, '$1***');
    for (const secret of list) out = out.split(secret).join('***');
    return out;
  };
}
