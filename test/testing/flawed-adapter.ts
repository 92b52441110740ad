// A small in-memory adapter with switchable flaws, each the kind of bug a real adapter
// author writes. The kit must pass it with no flaw and catch every flaw on its own.
import { GovpubError } from '../../src/errors/govpub-error';
import type { ListPage, ListQuery, StorageAdapter } from '../../src/storage/adapter';
import { decodeCursor, encodeCursor } from '../../src/storage/cursor';
import type { DeliveryLedger } from '../../src/storage/ledger';
import { createMemoryLedger } from '../../src/storage/memory-ledger';
import { matchesQuery, normalizeListQuery } from '../../src/storage/list-query';
import type { AuditEvent, GovDocument } from '../../src/document/index';

export interface Flaws {
  /** Resolves updates without storing them (creates still work). */
  dropUpdates?: boolean;
  /** Stores the document but silently drops the events. */
  dropEvents?: boolean;
  /** Never compares expectedVersion with the stored version. */
  ignoreExpectedVersion?: boolean;
  /** Checks the version, awaits (a round trip), then writes: a check-then-act race. */
  raceBetweenCheckAndWrite?: boolean;
  /** Writes events before checking the version, so refused commits leave events behind. */
  eventsBeforeCheck?: boolean;
  /** Keeps the caller's objects instead of copies. */
  storeByReference?: boolean;
  /** Returns its stored objects instead of copies. */
  returnByReference?: boolean;
  /** Cursor = offset into the sorted list (repeats and skips when others insert). */
  offsetCursor?: boolean;
  /** Orders (and pages) by updatedAt instead of createdAt. */
  orderByUpdatedAt?: boolean;
  /** Lists in insertion order. */
  insertionOrder?: boolean;
  /** Compares ids case-insensitively (like a default database collation). */
  caseInsensitiveIds?: boolean;
  /** Ignores the `channel` filter. */
  ignoreChannelFilter?: boolean;
  /** Applies filters after cutting the page and stops when a page comes back short: documents are missed. */
  filterAfterLimit?: boolean;
  /** Has no upper bound on `limit` and no default (returns everything). */
  noLimitValidation?: boolean;
  /** Treats a cursor it cannot decode as "start from the beginning". */
  lenientCursor?: boolean;
  /** Every instance shares one module-level store. */
  sharedStore?: boolean;
  /** Returns events newest first. */
  eventsNewestFirst?: boolean;
  /** Merges updates into the stored document instead of replacing it. */
  mergeUpdates?: boolean;
  /** `artifacts.put` keeps the first value written for a key. */
  artifactsKeepFirst?: boolean;
  /** The ledger's claim reads the due rows, awaits, then marks them (two workers claim the same row). */
  claimWithoutLock?: boolean;
  /** The ledger part of a commit is written even when the document's version check fails. */
  ledgerBeforeCheck?: boolean;
  /** Round-trips text through a lossy encoding (drops astral-plane characters). */
  lossyText?: boolean;
  /**
   * Offers a change feed; `positionFirst` takes a commit's feed position before its write lands
   * (a commit can become visible behind a handed-out cursor); `textOrder` orders positions as
   * text, "10" before "9" (the PostgreSQL adapter's feed until migration 6: its
   * `ORDER BY commit_seq` named the `commit_seq::text` output column, not the bigint).
   */
  feed?: 'ok' | 'positionFirst' | 'textOrder';
  /** Offers exclusive(); `none` runs every work at once. */
  lock?: 'ok' | 'none';
  /** Offers the failBetweenWrites hook (armed through `armHalfway`); `noRollback` leaves the document written. */
  halfway?: 'ok' | 'noRollback';
}

interface Store {
  documents: Map<string, GovDocument>;
  events: Map<string, AuditEvent[]>;
  artifacts: Map<string, unknown>;
}

const shared: Store = { documents: new Map(), events: new Map(), artifacts: new Map() };

/** Clears the store shared by `sharedStore` adapters (call between tests). */
export function resetShared(): void {
  shared.documents.clear();
  shared.events.clear();
  shared.artifacts.clear();
}

const halfwayArmed = new WeakSet<StorageAdapter>();

/** Makes the next commit through `adapter` (made with a `halfway` flaw option) fail between its writes. */
export function armHalfway(adapter: StorageAdapter): void {
  halfwayArmed.add(adapter);
}

export function flawedAdapter(flaws: Flaws = {}): StorageAdapter {
  const store: Store = flaws.sharedStore ? shared : { documents: new Map(), events: new Map(), artifacts: new Map() };
  const copyIn = <T>(v: T): T => (flaws.storeByReference ? v : lossy(structuredClone(v)));
  const copyOut = <T>(v: T): T => (flaws.returnByReference ? v : structuredClone(v));
  const lossy = <T>(v: T): T => (flaws.lossyText ? (JSON.parse(JSON.stringify(v).replace(/[\u{10000}-\u{10FFFF}]/gu, '')) as T) : v);
  const compareIds = (a: string, b: string) => {
    const [x, y] = flaws.caseInsensitiveIds ? [a.toLowerCase(), b.toLowerCase()] : [a, b];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const key = (d: GovDocument) => (flaws.orderByUpdatedAt ? d.updatedAt : d.createdAt);
  const order = (a: GovDocument, b: GovDocument) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : compareIds(a.id, b.id));
  const conflict = (id: string) => new GovpubError('CONFLICT', `Document ${id} changed`);
  const ledger = createMemoryLedger();
  // Reads what is due, yields, then claims it: the check-then-act race a SQL ledger without
  // FOR UPDATE SKIP LOCKED (or a conditional UPDATE) has.
  const racyClaim: DeliveryLedger['claim'] = async (request) => {
    const due = (await ledger.ledger.list({ state: ['pending', 'unknown'] })).filter((d) => Date.parse(d.nextAttemptAt) <= request.now.getTime()).slice(0, request.limit);
    await new Promise((resolve) => setTimeout(resolve, 1));
    const at = request.now.toISOString();
    const claimed = [];
    for (const d of due) {
      const lease = { owner: request.owner, until: new Date(request.now.getTime() + request.leaseMs).toISOString() };
      await ledger.ledger.record({ id: d.id, state: 'sending', updatedAt: at, history: { at, event: 'claimed', attempt: d.attempts } }, {});
      claimed.push({ delivery: { ...d, state: 'sending' as const, lease }, claimedFrom: 'pending' as const });
    }
    return claimed;
  };
  const positions = new Map<string, number>();
  let positionCount = 0;
  let inside = Promise.resolve();

  const self: StorageAdapter = {
    async getDocument(id) {
      const doc = store.documents.get(id);
      return doc ? copyOut(doc) : null;
    },

    async listDocuments(query: ListQuery): Promise<ListPage> {
      const q = flaws.noLimitValidation ? { ...normalizeListQuery({ ...query, limit: undefined }), limit: query.limit ?? Infinity } : normalizeListQuery(query);
      let all = [...store.documents.values()];
      if (!flaws.insertionOrder) all.sort(order);
      const filter = (d: GovDocument) => matchesQuery(d, flaws.ignoreChannelFilter ? { ...q, channel: undefined } : q);
      let start = 0;
      if (q.cursor !== undefined) {
        if (flaws.offsetCursor) {
          start = Number(atob(q.cursor));
        } else {
          let after: { createdAt: string; id: string } | undefined;
          try {
            after = decodeCursor(q.cursor);
          } catch (e) {
            if (!flaws.lenientCursor) throw e;
          }
          if (after) {
            const a = after;
            all = all.filter((d) => key(d) > a.createdAt || (key(d) === a.createdAt && compareIds(d.id, a.id) > 0));
          }
        }
      }
      if (!flaws.filterAfterLimit) all = all.filter(filter);
      const window = all.slice(start, start + q.limit);
      const items = (flaws.filterAfterLimit ? window.filter(filter) : window).map(copyOut);
      // The flawed variant guesses "more" from a full page, as a SQL adapter that filters
      // in JavaScript after `LIMIT n` would.
      const more = flaws.filterAfterLimit ? items.length === q.limit : all.length > start + q.limit;
      if (!more) return { items };
      const last = window[window.length - 1]!;
      const position = { createdAt: key(last), id: last.id };
      return { items, nextCursor: flaws.offsetCursor ? btoa(String(start + q.limit)) : encodeCursor(position) };
    },

    async getEvents(documentId) {
      const events = (store.events.get(documentId) ?? []).map(copyOut);
      return flaws.eventsNewestFirst ? events.reverse() : events;
    },

    async commit({ document, expectedVersion, events, deliveries }) {
      if (deliveries && flaws.ledgerBeforeCheck) ledger.apply(deliveries);
      if (flaws.halfway && halfwayArmed.delete(self)) {
        const before = store.documents.get(document.id);
        store.documents.set(document.id, copyIn(document));
        if (flaws.halfway === 'ok') {
          if (before) store.documents.set(document.id, before);
          else store.documents.delete(document.id);
        }
        throw new Error('injected failure between the writes');
      }
      // A position taken first and a write that lands a moment later (longer for every other
      // commit): a later position can become visible before an earlier one.
      const position = ++positionCount;
      if (flaws.feed === 'positionFirst') await new Promise((resolve) => setTimeout(resolve, position % 2 ? 4 : 0));
      const append = () => {
        if (!flaws.dropEvents) store.events.set(document.id, [...(store.events.get(document.id) ?? []), ...events.map(copyIn)]);
      };
      if (flaws.eventsBeforeCheck) append();
      const current = store.documents.get(document.id);
      const ok = expectedVersion === null ? current === undefined : current?.version === expectedVersion;
      if (!ok && !flaws.ignoreExpectedVersion) throw conflict(document.id);
      if (deliveries && !flaws.ledgerBeforeCheck) ledger.check(deliveries);
      if (flaws.raceBetweenCheckAndWrite) await new Promise((resolve) => setTimeout(resolve, 1));
      if (flaws.dropUpdates && current) return;
      const next = flaws.mergeUpdates && current ? { ...current, ...copyIn(document) } : copyIn(document);
      store.documents.set(document.id, next);
      if (!flaws.eventsBeforeCheck) append();
      if (deliveries && !flaws.ledgerBeforeCheck) ledger.apply(deliveries);
      positions.set(document.id, flaws.feed === 'positionFirst' ? position : ++positionCount);
    },

    deliveries: flaws.claimWithoutLock ? { ...ledger.ledger, claim: racyClaim } : ledger.ledger,

    ...(flaws.feed
      ? {
          async changes(cursor: string | null, limit: number) {
            const after = cursor === null ? 0 : Number(cursor);
            if (!Number.isInteger(after)) throw new GovpubError('VALIDATION', 'bad cursor', { details: { issues: [{ path: ['cursor'], message: 'bad' }] } });
            const items = [...positions]
              .filter(([, n]) => n > after)
              .sort((a, b) => (flaws.feed === 'textOrder' ? (String(a[1]) < String(b[1]) ? -1 : 1) : a[1] - b[1]))
              .slice(0, limit);
            const last = items[items.length - 1];
            return { items: items.map(([id]) => copyOut(store.documents.get(id)!)), cursor: String(last ? last[1] : after) };
          },
        }
      : {}),

    ...(flaws.lock
      ? {
          async exclusive<T>(_key: string, work: () => Promise<T>): Promise<T> {
            if (flaws.lock === 'none') return work();
            const run = inside.then(work);
            inside = run.then(() => undefined, () => undefined);
            return run;
          },
        }
      : {}),

    artifacts: {
      async put(kind, documentId, data) {
        const key = JSON.stringify([kind, documentId]);
        if (flaws.artifactsKeepFirst && store.artifacts.has(key)) return;
        store.artifacts.set(key, copyIn(data));
      },
      async get(kind, documentId) {
        const value = store.artifacts.get(JSON.stringify([kind, documentId]));
        return value === undefined ? undefined : copyOut(value);
      },
      async delete(kind, documentId) {
        store.artifacts.delete(JSON.stringify([kind, documentId]));
      },
      async list(kind) {
        return [...store.artifacts]
          .map(([key, data]) => ({ key: JSON.parse(key) as [string, string], data }))
          .filter(({ key }) => key[0] === kind)
          .map(({ key, data }) => ({ documentId: key[1], data: copyOut(data) }));
      },
    },
  };
  return self;
}
