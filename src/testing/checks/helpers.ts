import type { ListQuery, StorageAdapter } from '../../storage/index';
import type { AuditEvent, GovDocument } from '../../document/index';
import { assert } from '../assert';
import { makeDocument, makeEvents } from '../fixtures';

/** Creates each document (expectedVersion `null`) with one `created` event, one after another. */
export async function seed(adapter: StorageAdapter, documents: readonly GovDocument[]): Promise<void> {
  for (const document of documents) {
    await adapter.commit({ document, expectedVersion: null, events: makeEvents(document, 1) });
  }
}

/**
 * The next version of `current` with `changes` applied, and `eventCount` events continuing
 * `history`: the request an honest publisher would send.
 */
export function nextVersion(
  current: GovDocument,
  history: readonly AuditEvent[],
  changes: Partial<GovDocument> = {},
  eventCount = 1,
): { document: GovDocument; expectedVersion: number; events: AuditEvent[] } {
  const document: GovDocument = {
    ...structuredClone(current),
    ...changes,
    version: current.version + 1,
    updatedAt: changes.updatedAt ?? bumpIso(current.updatedAt, 1),
  };
  const after = history[history.length - 1] ?? null;
  const events = makeEvents(document, eventCount, { after });
  const head = events[events.length - 1];
  // Like the publisher, record the trail's new head on the document.
  document.historyHead = head ? { seq: head.seq, hash: head.hash } : document.historyHead;
  return { document, expectedVersion: current.version, events };
}

/** `iso` plus `seconds`, still an ISO-8601 UTC string. */
export function bumpIso(iso: string, seconds: number): string {
  return new Date(Date.parse(iso) + seconds * 1000).toISOString();
}

/**
 * Follows `nextCursor` from the first page to the last, returning the pages' ids. `between`
 * runs after each page (to insert or update while paging). Gives up after `maxPages` so an
 * adapter whose cursor never ends fails instead of hanging.
 */
export async function collectIds(
  adapter: StorageAdapter,
  query: Omit<ListQuery, 'cursor'>,
  options: { maxPages?: number; between?: (page: number) => Promise<void> } = {},
): Promise<string[]> {
  const maxPages = options.maxPages ?? 1000;
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; ; page++) {
    assert.ok(page < maxPages, `listDocuments(${JSON.stringify(query)}) still returned a nextCursor after ${maxPages} pages`);
    const result = await adapter.listDocuments(cursor === undefined ? { ...query } : { ...query, cursor });
    assert.ok(Array.isArray(result.items), 'listDocuments must resolve to { items: [...] }');
    if (query.limit !== undefined) {
      assert.ok(result.items.length <= query.limit, `a page had ${result.items.length} items, more than limit ${query.limit}`);
    }
    ids.push(...result.items.map((d) => d.id));
    if (result.nextCursor === undefined) return ids;
    assert.ok(typeof result.nextCursor === 'string' && result.nextCursor.length > 0, 'nextCursor must be a non-empty string or absent');
    cursor = result.nextCursor;
    await options.between?.(page);
  }
}

/** The list order of the contract: `createdAt`, then `id`, comparing strings by code unit. */
export function byCreatedAtThenId(a: GovDocument, b: GovDocument): number {
  return compareStrings(a.createdAt, b.createdAt) || compareStrings(a.id, b.id);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const DEPARTMENTS = ['办公室', '宣传科', undefined] as const;
const CHANNEL_SETS = [['website'], ['wechat', 'website'], ['weibo'], ['sms', 'push', 'website'], []] as const;
const STATES = ['draft', 'in_review', 'rejected', 'approved', 'scheduled', 'published', 'withdrawn'] as const;
const LEVEL_CYCLE = ['public', 'public', 'internal', 'secret'] as const;

/**
 * `count` documents that differ in every listed field, so each filter selects a proper,
 * non-empty subset. Several share a `createdAt` (ties broken by id) and ids mix upper and
 * lower case (the order is by code unit, like JavaScript's `<`). Returned in a shuffled
 * insertion order, so an adapter that lists in insertion order fails.
 */
export function listDataset(count = 41): GovDocument[] {
  const docs: GovDocument[] = [];
  for (let i = 0; i < count; i++) {
    // Every third document shares its timestamp with the one before it.
    const second = i - Math.floor(i / 3);
    const createdAt = bumpIso('2024-05-01T00:00:00.000Z', second * 60);
    const department = DEPARTMENTS[i % DEPARTMENTS.length];
    const doc = makeDocument({
      id: `${i % 2 === 0 ? 'Doc' : 'doc'}-${String(i).padStart(3, '0')}`,
      state: STATES[i % STATES.length]!,
      channels: [...CHANNEL_SETS[i % CHANNEL_SETS.length]!],
      authorId: `author-${i % 4}`,
      level: LEVEL_CYCLE[i % LEVEL_CYCLE.length]!,
      retrospectiveReview:
        i % 6 === 5 ? { reason: '防汛紧急通知', actorId: 'approver-1', at: createdAt, pendingSteps: ['secondary', 'final'] } : null,
      createdAt,
      updatedAt: createdAt,
    });
    if (department === undefined) delete doc.department;
    else doc.department = department;
    docs.push(doc);
  }
  // A fixed permutation (stride coprime with the count) rather than Math.random: failures reproduce.
  let stride = 7;
  while (gcd(stride, count) !== 1) stride++;
  return docs.map((_, i) => docs[(i * stride) % count]!);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
