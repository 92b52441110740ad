import type { DuplicateIndex } from '../duplicates/index';
import { factKeys, sharedCount } from './fact-keys';

/**
 * Fewest facts a text must share with an indexed one to be proposed as its rewrite, and the
 * share of the text's own facts they must make up: a 会议报道 rewritten around the same
 * dates, figures and names shares most of them; a notice from the same template, a text on
 * the same topic or a commentary quoting one sentence shares a few.
 */
export const MIN_SHARED_FACTS = 4;
export const MIN_SHARED_SHARE = 0.6;
/**
 * Of the shared facts, fewest that are particular on their own: a figure, a full date or a
 * name — not a day of the month, a clock hour or a year, which many texts of one season share.
 */
export const MIN_SPECIFIC = 2;

/** The fact keys of each indexed text, kept per index and refreshed as texts change. */
interface FactCache {
  /** The index's counts when last refreshed: unchanged counts mean nothing was added or removed. */
  stamp: string;
  texts: Map<string, string>;
  keys: Map<string, Set<string>>;
  postings: Map<string, Set<string>>;
}

const caches = new WeakMap<object, FactCache>();

/**
 * Indexed texts that `text` retells: those sharing at least {@link MIN_SHARED_FACTS} of its
 * facts, making up {@link MIN_SHARED_SHARE} of them, best first. The duplicate index finds
 * copies by shared passages; a rewrite (洗稿) keeps the facts and few passages, so trace asks
 * here as well. The fact keys of the index's texts are computed once and kept for that index
 * object (only texts added or replaced since are read again; the first call reads all, about
 * 4 s for 100,000 notices).
 */
export function factCandidates(index: DuplicateIndex<unknown>, text: string, limit: number): string[] {
  const mine = factKeys(text);
  if (mine.size < MIN_SHARED_FACTS) return [];
  const cache = refresh(index);
  const counts = new Map<string, number>();
  for (const k of mine) for (const id of cache.postings.get(k) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .filter(([id, n]) => n >= MIN_SHARED_FACTS && n >= MIN_SHARED_SHARE * mine.size && retoldFacts(mine, cache.keys.get(id)!) > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([id]) => id);
}

/** A key particular on its own: not a day of the month, a clock hour or a bare year. */
function isSpecific(key: string): boolean {
  return !key.startsWith('day:') && !key.startsWith('hour:') && !/^date:\d{4}年$/u.test(key);
}

function refresh(index: DuplicateIndex<unknown>): FactCache {
  let cache = caches.get(index);
  if (!cache) {
    cache = { stamp: '', texts: new Map(), keys: new Map(), postings: new Map() };
    caches.set(index, cache);
  }
  // Every add appends postings and every removal lowers the count of documents, so equal
  // counts mean the same texts (reading them all again costs ~40 ms at 100,000).
  const s = index.stats();
  const stamp = `${s.documents}/${s.textUnits}/${s.postings}`;
  if (stamp === cache.stamp) return cache;
  cache.stamp = stamp;
  const live = new Set(index.ids());
  for (const id of [...cache.texts.keys()]) if (!live.has(id)) drop(cache, id);
  for (const id of live) {
    const text = index.get(id)?.text;
    if (text === undefined || cache.texts.get(id) === text) continue;
    drop(cache, id);
    const keys = factKeys(text);
    cache.texts.set(id, text);
    cache.keys.set(id, keys);
    for (const k of keys) {
      let ids = cache.postings.get(k);
      if (!ids) cache.postings.set(k, (ids = new Set()));
      ids.add(id);
    }
  }
  return cache;
}

function drop(cache: FactCache, id: string): void {
  for (const k of cache.keys.get(id) ?? []) cache.postings.get(k)?.delete(id);
  cache.keys.delete(id);
  cache.texts.delete(id);
}

/**
 * How many facts `copy` retells of `original` when it retells it by its facts (see
 * {@link factCandidates}), else 0.
 */
export function retoldFacts(copyKeys: ReadonlySet<string>, originalKeys: ReadonlySet<string>): number {
  const shared = sharedCount(copyKeys, originalKeys);
  if (shared < MIN_SHARED_FACTS || shared < MIN_SHARED_SHARE * copyKeys.size) return 0;
  let specific = 0;
  for (const k of copyKeys) if (originalKeys.has(k) && isSpecific(k)) specific++;
  return specific >= MIN_SPECIFIC ? shared : 0;
}
