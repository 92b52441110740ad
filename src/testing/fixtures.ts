import { chainEvents } from '../workflow/index';
import { freshWorkflowFields } from '../workflow/index';
import type { Actor, AuditEvent, AuditEventType, GovDocument } from '../document/index';

/** The actor fixtures use unless told otherwise. */
export const FIXTURE_ACTOR: Actor = { id: 'author-1', roles: ['author'], department: '办公室' };

/**
 * A valid {@link GovDocument} with realistic defaults (a Chinese notice in `draft`), for
 * adapter tests. `overrides` replace whole fields; pass `id` and `createdAt` when a test
 * depends on ordering.
 *
 * @example
 * ```ts
 * const doc = makeDocument({ id: 'n-1', state: 'published', channels: ['wechat', 'website'] });
 * await adapter.commit({ document: doc, expectedVersion: null, events: makeEvents(doc, 1) });
 * ```
 */
export function makeDocument(overrides: Partial<GovDocument> = {}): GovDocument {
  const createdAt = overrides.createdAt ?? '2024-03-01T08:00:00.000Z';
  return {
    ...freshWorkflowFields(createdAt),
    id: 'doc-1',
    version: 1,
    title: '关于开展2024年安全生产月活动的通知',
    body: '各科室：\n\n根据市政府统一部署，6月为“安全生产月”。请于**5月31日前**报送活动方案。\n\n联系电话：0571-87000000',
    summary: '6月开展安全生产月活动，5月31日前报送方案。',
    tags: ['安全生产', '通知'],
    level: 'public',
    channels: ['website', 'wechat'],
    authorId: FIXTURE_ACTOR.id,
    department: '办公室',
    ...overrides,
  };
}

/** Options of {@link makeEvents}. */
export interface MakeEventsOptions {
  /** The last event already stored for the document, to continue its chain; none by default. */
  after?: Pick<AuditEvent, 'seq' | 'hash'> | null;
  /** Event types in order; defaults to `created` then `updated` for the rest. */
  types?: readonly AuditEventType[];
  actor?: Actor;
}

/**
 * `count` valid, hash-chained {@link AuditEvent}s for `document` (the same chain the publisher
 * writes), continuing after `options.after` when given.
 *
 * @example
 * ```ts
 * const first = makeEvents(doc, 1);                       // seq 1, `created`
 * const more = makeEvents(doc, 2, { after: first[0] });   // seq 2 and 3
 * ```
 */
export function makeEvents(document: GovDocument, count: number, options: MakeEventsOptions = {}): AuditEvent[] {
  const after = options.after ?? null;
  const firstSeq = (after?.seq ?? 0) + 1;
  const bodies = Array.from({ length: count }, (_, i) => {
    const seq = firstSeq + i;
    const type = options.types?.[i] ?? (seq === 1 ? 'created' : 'updated');
    return {
      documentId: document.id,
      type,
      actor: options.actor ?? FIXTURE_ACTOR,
      at: document.updatedAt,
      revision: document.revision,
      // Nested, mixed-type data so that round trips and copies are exercised below the top level.
      data: { version: document.version, note: `第${seq}条记录`, fields: ['title', 'body'], nested: { ok: true, n: seq } },
    };
  });
  return chainEvents(after, bodies);
}
