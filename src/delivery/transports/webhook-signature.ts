import { hmacSha256Hex, timingSafeEqual } from './hmac';

/**
 * The signature govpub puts on webhook requests: `sha256=` + hex HMAC-SHA256 under the
 * shared secret of `<timestamp>.<body>`, where `timestamp` is Unix seconds (the value of
 * `X-Govpub-Timestamp`). Signing the timestamp with the body lets the receiver reject
 * replays older than a few minutes.
 *
 * @example
 * ```ts
 * signWebhook('s3cret', '1700000000', '{"a":1}') // 'sha256=…'
 * ```
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${hmacSha256Hex(secret, `${timestamp}.${body}`)}`;
}

/** What {@link verifyWebhookSignature} takes: the raw body and the two headers as received. */
export interface VerifyWebhookInput {
  secret: string;
  /** `X-Govpub-Timestamp`. */
  timestamp: string | null | undefined;
  /** `X-Govpub-Signature`. */
  signature: string | null | undefined;
  /** The raw request body, exactly as received. */
  body: string;
  /** Oldest accepted timestamp, in seconds before `now`. Default 300. */
  toleranceSeconds?: number;
  now?: Date;
}

/**
 * For the receiving CMS: true when the request was signed with `secret` and is fresh.
 *
 * @example
 * ```ts
 * const ok = verifyWebhookSignature({ secret, body: rawBody,
 *   timestamp: req.headers['x-govpub-timestamp'], signature: req.headers['x-govpub-signature'] });
 * ```
 */
export function verifyWebhookSignature(input: VerifyWebhookInput): boolean {
  if (!input.timestamp || !input.signature || !/^\d+$/.test(input.timestamp)) return false;
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - Number(input.timestamp)) > (input.toleranceSeconds ?? 300)) return false;
  return timingSafeEqual(signWebhook(input.secret, input.timestamp, input.body), input.signature);
}
