import * as z from 'zod';
import { compareLevels, LEVELS, type Level } from '../confidentiality/index';
import { GovpubError, parseOrThrow, validationError } from '../errors/index';
import { canonicalJson, sha256Hex } from '../hash/index';
import type { AccountRegistry } from './account';
import { resolveTargets } from './account';
import { idempotencyKey, type Delivery } from './delivery';
import type { LedgerWrite } from './store';

const planSchema = z
  .object({
    documentId: z.string().min(1),
    revision: z.number().int().nonnegative(),
    level: z.enum(LEVELS).optional(),
    targets: z.array(z.string().min(1)).min(1, 'a publication needs at least one target'),
    payloads: z.record(z.string(), z.record(z.string(), z.unknown())),
    now: z.date(),
    idGenerator: z.custom<() => string>((f) => typeof f === 'function', { message: 'must be a function' }),
  })
  .strict();

const removalsSchema = z.object({
  deliveries: z.array(
    z.object({ id: z.string(), documentId: z.string(), revision: z.number(), accountId: z.string(), kind: z.enum(['publish', 'remove']), state: z.string() }).loose(),
  ),
  options: z.object({
    now: z.date(),
    idGenerator: z.custom<() => string>((f) => typeof f === 'function', { message: 'must be a function' }),
    because: z.enum(['withdrawn', 'superseded']).optional(),
  }),
});

/** Why publications are taken down: the document was withdrawn, or a newer revision replaced them. */
export type RemovalCause = 'withdrawn' | 'superseded';

/** The note on a cancelled publication, by cause (delivery errors are shown to editors: Chinese). */
const CANCELLED: Record<RemovalCause, string> = {
  withdrawn: '稿件已撤回，未发送。',
  superseded: '稿件已有新版本发布，旧版本未发送。',
};

/** What {@link planDeliveries} takes. */
export interface PlanDeliveriesInput {
  documentId: string;
  revision: number;
  /** The document's level: an account whose clearance is lower refuses it (`CLEARANCE`). */
  level?: Level;
  /** The document's targets: account ids, or channel ids meaning that channel's default account. */
  targets: string[];
  /** The formatted payload for each target, keyed by account id (or by channel id for a default account). */
  payloads: Record<string, Record<string, unknown>>;
  now: Date;
  idGenerator: () => string;
}

/**
 * The `pending` deliveries a publication writes in its commit: one per target account, each
 * with its payload hash and idempotency key. Nothing is sent here.
 *
 * Throws `VALIDATION` for malformed input, an unknown target or a missing payload, and
 * `CLEARANCE` (`details.accounts`) when the document's level is above an account's clearance.
 *
 * @example
 * ```ts
 * const deliveries = planDeliveries({
 *   documentId: doc.id, revision: doc.revision, level: doc.level, targets: doc.channels,
 *   payloads: { wechat: wechatOutput.payload, portal: websiteOutput.payload },
 *   now: new Date(), idGenerator: nanoid,
 * });
 * await store.enqueue(deliveries); // in the publisher: inside the document's commit
 * ```
 */
export function planDeliveries(input: PlanDeliveriesInput, accounts: AccountRegistry): Delivery[] {
  const parsed = parseOrThrow(planSchema, input, 'delivery plan');
  const targets = resolveTargets(parsed.targets, accounts);
  const level = parsed.level ?? 'public';
  const refused = targets.filter((t) => compareLevels(level, t.account.clearance ?? 'public') > 0);
  if (refused.length) {
    throw new GovpubError('CLEARANCE', `Content level ${level} is above the clearance of account(s) ${refused.map((t) => t.account.id).join(', ')}`, {
      details: { level, accounts: refused.map((t) => ({ accountId: t.account.id, clearance: t.account.clearance ?? 'public' })) },
    });
  }
  const at = parsed.now.toISOString();
  return targets.map(({ requested, account }) => {
    const payload = parsed.payloads[account.id] ?? parsed.payloads[requested];
    if (!payload) {
      throw validationError('delivery plan', [{ path: ['payloads', account.id], message: `no payload for account "${account.id}" (target "${requested}")` }]);
    }
    return {
      id: parsed.idGenerator(),
      documentId: parsed.documentId,
      revision: parsed.revision,
      accountId: account.id,
      channel: account.channel,
      kind: 'publish' as const,
      payloadHash: sha256Hex(canonicalJson(payload)),
      payload,
      idempotencyKey: idempotencyKey(parsed.documentId, parsed.revision, account.id),
      state: 'pending' as const,
      attempts: 0,
      nextAttemptAt: at,
      createdAt: at,
      updatedAt: at,
      history: [{ at, event: 'enqueued', attempt: 0 }],
    };
  });
}

/**
 * What withdrawing a document does to its ledger: one removal per publication that is (or
 * may be) out there, and the cancellation of publications not yet sent, so nothing withdrawn
 * goes out later. Removals of an item still being confirmed wait for that confirmation.
 * `because: 'superseded'` does the same for the publications of earlier revisions when a new
 * revision is published (its own cancellation note; default `'withdrawn'`).
 *
 * @example
 * ```ts
 * const write = planRemovals(await store.forDocument(id), { now: new Date(), idGenerator: nanoid });
 * // in the publisher's withdraw commit: store.enqueue(write.enqueue) and apply write.updates
 * ```
 */
export function planRemovals(deliveries: readonly Delivery[], options: { now: Date; idGenerator: () => string; because?: RemovalCause }): LedgerWrite {
  parseOrThrow(removalsSchema, { deliveries, options }, 'planRemovals input');
  const at = options.now.toISOString();
  const removing = new Set(deliveries.filter((d) => d.kind === 'remove' && d.removes).map((d) => d.removes!));
  const write: Required<LedgerWrite> = { enqueue: [], updates: [] };
  for (const d of deliveries) {
    if (d.kind !== 'publish' || removing.has(d.id)) continue;
    if (d.state === 'pending') {
      write.updates.push({
        update: {
          id: d.id,
          state: 'failed',
          error: { code: options.because ?? 'withdrawn', message: CANCELLED[options.because ?? 'withdrawn'], retryable: false },
          updatedAt: at,
          history: { at, event: 'cancelled', attempt: d.attempts },
        },
        guard: { expectedStates: ['pending'] },
      });
      // A claim may win the race with the cancellation: the removal then takes it down.
    }
    if (d.state === 'failed' || d.state === 'dead') continue;
    write.enqueue.push({
      id: options.idGenerator(),
      documentId: d.documentId,
      revision: d.revision,
      accountId: d.accountId,
      channel: d.channel,
      kind: 'remove',
      payloadHash: d.payloadHash,
      payload: {},
      idempotencyKey: idempotencyKey(d.documentId, d.revision, d.accountId, 'remove'),
      state: 'pending',
      attempts: 0,
      nextAttemptAt: at,
      removes: d.id,
      createdAt: at,
      updatedAt: at,
      history: [{ at, event: 'enqueued', attempt: 0 }],
    });
  }
  return write;
}
