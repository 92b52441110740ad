import * as z from 'zod';
import { DELIVERY_STATE_LABELS, DELIVERY_STATES } from '../../delivery/index';
import type { GovDocument } from '../../document/index';
import { parseOrThrow } from '../../errors/index';
import type { CursorPosition, Delivery, DeliveryReceipt, DeliveryState, ListPage, ListQuery, ManualTask } from '../../storage/index';
import { decodeCursor, encodeCursor, matchesQuery, normalizeListQuery } from '../../storage/index';
import type { CommandContext } from './context';
import { loadDocument } from './template';

/** One publication of a document on one account (one revision), with its removal if any. */
export interface AccountDelivery {
  accountId: string;
  /** The account's display name (e.g. 某某发布), when the account is configured. */
  accountName?: string;
  channel: string;
  revision: number;
  /** The publication's state, and its Chinese label. */
  state: DeliveryState;
  label: string;
  /** True while the item is (or may be) on the platform: sent, being sent or unconfirmed, and not removed. */
  live: boolean;
  receipt?: DeliveryReceipt;
  /** The platform's URL of the item, when it gave one. */
  url?: string;
  /** The publication row. */
  publication: Delivery;
  /** The removal row, after a withdrawal. */
  removal?: Delivery;
  /** What a person must do here (delete a Weibo post by hand, send an SMS correction, check an unconfirmed send). */
  task?: ManualTask;
}

/** What `publisher.deliveries(id)` returns: per-account delivery and withdrawal state, for a UI. */
export interface DocumentDeliveries {
  documentId: string;
  accounts: AccountDelivery[];
  /** After a withdrawal: accounts where the document is still (or may still be) out there. */
  stillOut: AccountDelivery[];
  /** Every task for a person, with the account it concerns. */
  tasks: (ManualTask & { accountId: string; accountName?: string })[];
  /** The raw ledger rows, oldest first (publications and removals). */
  deliveries: Delivery[];
}

const LIVE: readonly DeliveryState[] = ['sent', 'sending', 'unknown', 'manual'];

/** `deliveries(id)`: the document's ledger, per account; `NOT_FOUND` for an unknown id. */
export async function documentDeliveries(ctx: CommandContext, id: string): Promise<DocumentDeliveries> {
  const doc = await loadDocument(ctx, id);
  const rows = ctx.storage.deliveries ? await ctx.storage.deliveries.forDocument(doc.id) : [];
  const removals = new Map(rows.filter((d) => d.kind === 'remove' && d.removes).map((d) => [d.removes!, d]));
  const accounts = rows
    .filter((d) => d.kind === 'publish')
    .map((publication): AccountDelivery => {
      const removal = removals.get(publication.id);
      const name = ctx.accounts?.get(publication.accountId)?.name;
      const live = LIVE.includes(publication.state) && removal?.state !== 'removed';
      const task = removal?.state === 'manual' ? removal.task : publication.state === 'manual' ? publication.task : undefined;
      const url = typeof publication.receipt?.url === 'string' ? publication.receipt.url : undefined;
      return {
        accountId: publication.accountId,
        ...(name !== undefined ? { accountName: name } : {}),
        channel: publication.channel,
        revision: publication.revision,
        state: publication.state,
        label: DELIVERY_STATE_LABELS[publication.state],
        live,
        ...(publication.receipt ? { receipt: publication.receipt } : {}),
        ...(url ? { url } : {}),
        publication,
        ...(removal ? { removal } : {}),
        ...(task ? { task } : {}),
      };
    });
  const withdrawn = doc.state === 'withdrawn' || doc.published?.withdrawn != null;
  return {
    documentId: doc.id,
    accounts,
    stillOut: withdrawn ? accounts.filter((a) => a.live) : [],
    tasks: accounts.flatMap((a) => (a.task ? [{ ...a.task, accountId: a.accountId, ...(a.accountName !== undefined ? { accountName: a.accountName } : {}) }] : [])),
    deliveries: rows,
  };
}

/** The publisher's `list` query: the storage filters plus `delivery`, documents with a delivery in that state. */
export type PublisherListQuery = ListQuery & {
  /** Documents with at least one delivery in this state (or one of these), e.g. `'dead'` for the "needs attention" list. */
  delivery?: DeliveryState | DeliveryState[];
};

const deliveryFilter = z.union([z.enum(DELIVERY_STATES as [DeliveryState, ...DeliveryState[]]), z.array(z.enum(DELIVERY_STATES as [DeliveryState, ...DeliveryState[]])).min(1)]);

/**
 * `list({ delivery })`: documents with a delivery in the given state(s), in (`createdAt`, `id`)
 * order, the other filters applied as `list` applies them, paged by the same keyset cursor as
 * `list`: a page holds up to `limit` (default 50) and `nextCursor` when more follow. A document
 * whose deliveries change state between two pages is judged by its state when each page is read.
 */
export async function listByDelivery(ctx: CommandContext, query: PublisherListQuery): Promise<ListPage> {
  const { delivery, ...rest } = query;
  const states = parseOrThrow(deliveryFilter, delivery, 'list query delivery');
  const { limit, cursor } = normalizeListQuery(rest);
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const ledger = ctx.storage.deliveries;
  if (!ledger) return { items: [] };
  const ids = [...new Set((await ledger.list({ state: states })).map((d) => d.documentId))];
  const docs: GovDocument[] = [];
  for (const id of ids) {
    const doc = await ctx.storage.getDocument(id);
    if (doc && matches(doc, rest) && (after === undefined || compareKeys(doc, after) > 0)) docs.push(doc);
  }
  docs.sort(compareKeys);
  const items = docs.slice(0, limit);
  const last = items[items.length - 1];
  return docs.length > limit && last ? { items, nextCursor: encodeCursor(last) } : { items };
}

// The keyset order of list(): createdAt, then id.
function compareKeys(a: CursorPosition, b: CursorPosition): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// The storage filters, applied the way every adapter applies them.
function matches(doc: GovDocument, query: ListQuery): boolean {
  const { limit: _limit, cursor: _cursor, ...filters } = query;
  return matchesQuery(doc, normalizeListQuery(filters));
}
