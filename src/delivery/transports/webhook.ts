import * as z from 'zod';
import type { FetchLike } from '../http';
import { redactor } from '../http';
import type { Transport } from '../transport';
import { parseTransportConfig } from './config';
import { deliveryEnvelope, signedJsonRequest } from './signed-http';

/** Configuration of {@link webhookTransport}. */
export interface WebhookTransportConfig {
  /** The CMS endpoint: publications are `POST`ed here, removals `DELETE`d. */
  url: string;
  /** Shared secret for `X-Govpub-Signature` (at least 16 characters). */
  secret: string;
  /** Named in configuration errors. */
  accountId?: string;
  fetch?: FetchLike;
}

const configSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }),
    secret: z.string().min(16, 'must be at least 16 characters'),
    accountId: z.string().optional(),
    fetch: z.custom<FetchLike>((f) => typeof f === 'function', { message: 'must be a fetch function' }).optional(),
  })
  .strict();

/**
 * The website: a signed webhook to the host's CMS.
 *
 * Publication: `POST <url>` with JSON `{ event: 'publish', deliveryId, documentId, revision,
 * accountId, channel, idempotencyKey, payloadHash, payload }` (payload: the `website`
 * channel's `{ title, description, html }`). Removal: `DELETE <url>` with `{ event:
 * 'remove', …, removes: <the publication's idempotencyKey>, receipt }`. Headers:
 * `X-Govpub-Timestamp` (Unix seconds), `X-Govpub-Signature` (see {@link signWebhook}),
 * `Idempotency-Key`. The CMS must answer a repeated `Idempotency-Key` with the first
 * answer and not publish again; in return govpub may resend freely (`idempotent`). A 2xx JSON
 * answer `{ id?, url? }` is the receipt; a `DELETE` answered 404/410 counts as removed.
 *
 * @example
 * ```ts
 * webhookTransport({ url: 'https://cms.example.gov.cn/govpub', secret: process.env.CMS_SECRET! })
 * ```
 */
export function webhookTransport(config: WebhookTransportConfig): Transport {
  const c = parseTransportConfig(configSchema, config, 'webhook');
  const fetchFn = c.fetch ?? ((input, init) => fetch(input, init));
  const redact = redactor([c.secret]);
  return {
    idempotent: true,
    async send({ delivery, signal, now }) {
      const r = await signedJsonRequest({
        fetch: fetchFn, method: 'POST', url: c.url, secret: c.secret, idempotencyKey: delivery.idempotencyKey, signal, now, codePrefix: 'webhook', redact,
        body: { event: 'publish', ...deliveryEnvelope(delivery), payload: delivery.payload },
      });
      if (!r.ok) return r.result;
      return { status: 'sent', receipt: { ...r.receipt, ...(typeof r.receipt.id === 'string' || typeof r.receipt.id === 'number' ? { id: String(r.receipt.id) } : {}) } };
    },
    async remove({ delivery, published, signal, now }) {
      const r = await signedJsonRequest({
        fetch: fetchFn, method: 'DELETE', url: c.url, secret: c.secret, idempotencyKey: delivery.idempotencyKey, signal, now, codePrefix: 'webhook', redact,
        body: { event: 'remove', ...deliveryEnvelope(delivery), removes: published.idempotencyKey, receipt: published.receipt ?? {} },
      });
      if (r.ok) return { status: 'removed', receipt: r.receipt };
      if (r.status === 404 || r.status === 410) return { status: 'removed', receipt: { alreadyGone: true } };
      return r.result;
    },
  };
}
