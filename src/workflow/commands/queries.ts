import type { GovDocument } from '../../document/index';
import type { ListPage, ListQuery } from '../../storage/index';
import type { AuditEvent } from '../../document/index';
import type { CommandContext } from './context';
import { checkHistory, type HistoryVerification } from './history-check';
import { loadDocument } from './template';

/** `history`: the document's audit events, oldest first; `NOT_FOUND` for an unknown id. */
export async function history(ctx: CommandContext, id: string): Promise<AuditEvent[]> {
  await loadDocument(ctx, id);
  return ctx.storage.getEvents(id);
}

/**
 * `verifyHistory`: recomputes the hash chain and checks it ends at the document's head, that
 * the stored document is the content its last event digested and — with a verifier — that
 * the head's signature is valid.
 */
export async function verifyHistory(ctx: CommandContext, id: string): Promise<HistoryVerification> {
  const doc = await loadDocument(ctx, id);
  return checkHistory(ctx, doc, await ctx.storage.getEvents(id));
}

/** `list`: one page of documents; the adapter validates the query. */
export async function list(ctx: CommandContext, query: ListQuery = {}): Promise<ListPage> {
  return ctx.storage.listDocuments(query);
}

/** `due`: scheduled documents whose time has come, earliest first. */
export async function due(ctx: CommandContext, at?: Date): Promise<GovDocument[]> {
  const cutoff = (at ?? ctx.now()).getTime();
  const found: GovDocument[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.storage.listDocuments(cursor ? { state: 'scheduled', limit: 500, cursor } : { state: 'scheduled', limit: 500 });
    found.push(...page.items.filter((d) => d.scheduledAt !== null && Date.parse(d.scheduledAt) <= cutoff));
    cursor = page.nextCursor;
  } while (cursor);
  return found.sort((a, b) => Date.parse(a.scheduledAt!) - Date.parse(b.scheduledAt!));
}

/**
 * `withdrawalQueue`: documents whose live revision a retrospective reviewer disputed, oldest
 * dispute first, for the office to withdraw (or settle by a reviewed revision). A dispute keeps
 * the review owed, so only documents with `needsRetrospectiveReview` are scanned.
 */
export async function withdrawalQueue(ctx: CommandContext): Promise<GovDocument[]> {
  const found: GovDocument[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.storage.listDocuments(cursor ? { needsRetrospectiveReview: true, limit: 500, cursor } : { needsRetrospectiveReview: true, limit: 500 });
    found.push(...page.items.filter((d) => d.dispute !== undefined && d.published !== null && d.published.withdrawn === null));
    cursor = page.nextCursor;
  } while (cursor);
  return found.sort((a, b) => Date.parse(a.dispute!.at) - Date.parse(b.dispute!.at));
}
