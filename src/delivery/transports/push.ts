import * as z from 'zod';
import type { FetchLike } from '../http';
import { redactor } from '../http';
import { MANUAL_TASKS } from '../messages';
import type { Transport } from '../transport';
import { parseTransportConfig } from './config';
import { deliveryEnvelope, signedJsonRequest } from './signed-http';

/** Configuration of {@link pushTransport}. */
export interface PushTransportConfig {
  /** The push service endpoint (the host's own, or a gateway in front of a vendor). */
  url: string;
  /** Optional shared secret: requests are then signed like the webhook's. */
  secret?: string;
  /** Optional `Authorization: Bearer` token. */
  bearerToken?: string;
  /** The audience the service should push to (a topic, a tag); sent as `audience`. */
  audience?: string;
  accountId?: string;
  fetch?: FetchLike;
}

const configSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }),
    secret: z.string().min(16, 'must be at least 16 characters').optional(),
    bearerToken: z.string().min(1).optional(),
    audience: z.string().min(1).optional(),
    accountId: z.string().optional(),
    fetch: z.custom<FetchLike>((f) => typeof f === 'function', { message: 'must be a fetch function' }).optional(),
  })
  .strict();

/**
 * App push through a generic HTTP endpoint. Request: `POST <url>`, JSON
 * `{ event: 'push', deliveryId, documentId, revision, accountId, channel, idempotencyKey,
 * payloadHash, audience?, notification: { title, body, url? } }` (the `push` channel's
 * payload), headers `Idempotency-Key`, `X-Govpub-Timestamp`, and `X-Govpub-Signature` when a
 * secret is set. The service must not push twice for one `Idempotency-Key`. A push cannot be
 * recalled from phones, so withdrawal gives a person the task of sending a correction.
 */
export function pushTransport(config: PushTransportConfig): Transport {
  const c = parseTransportConfig(configSchema, config, 'push');
  const fetchFn = c.fetch ?? ((input, init) => fetch(input, init));
  const redact = redactor([c.secret, c.bearerToken]);
  return {
    idempotent: true,
    manualRemoval: MANUAL_TASKS.push_cannot_recall,
    async send({ delivery, signal, now }) {
      const r = await signedJsonRequest({
        fetch: fetchFn, method: 'POST', url: c.url, ...(c.secret ? { secret: c.secret } : {}), ...(c.bearerToken ? { bearerToken: c.bearerToken } : {}),
        idempotencyKey: delivery.idempotencyKey, signal, now, codePrefix: 'push', redact,
        body: { event: 'push', ...deliveryEnvelope(delivery), ...(c.audience ? { audience: c.audience } : {}), notification: delivery.payload },
      });
      if (!r.ok) return r.result;
      return { status: 'sent', receipt: { ...r.receipt, ...(r.receipt.id !== undefined ? { id: String(r.receipt.id) } : {}) } };
    },
  };
}
