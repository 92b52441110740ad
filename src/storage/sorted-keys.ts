import type { CursorPosition } from './cursor';

/** How two keyset positions compare: by `createdAt`, then `id`, both by UTF-16 code unit (the contract's binary collation). */
export function compareKeys(a: CursorPosition, b: CursorPosition): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The documents' keyset order kept as a sorted array, so a list page starts at the cursor
 * with a binary search and reads only as far as it needs. Sorting every document for every
 * page made one pass over n documents cost n pages × n log n; with this it is n + pages.
 */
export interface SortedKeys {
  /** Adds or moves the key of `id` (a document whose `createdAt` changed is moved). */
  set(key: CursorPosition): void;
  /** Document ids strictly after `after` (from the start when `undefined`), in keyset order. */
  after(after: CursorPosition | undefined): Generator<string>;
  readonly size: number;
}

/** A {@link SortedKeys} over an array: insertion is a binary search and a splice (memmove), fine for an in-memory store. */
export function createSortedKeys(): SortedKeys {
  const keys: CursorPosition[] = [];
  const byId = new Map<string, CursorPosition>();

  /** Index of the first key that sorts after `key` (`strict`) or at or after it. */
  function lowerBound(key: CursorPosition, strict: boolean): number {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareKeys(keys[mid]!, key);
      if (c < 0 || (strict && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  return {
    set(key) {
      const current = byId.get(key.id);
      if (current && current.createdAt === key.createdAt) return;
      if (current) keys.splice(lowerBound(current, false), 1);
      const copy = { createdAt: key.createdAt, id: key.id };
      keys.splice(lowerBound(copy, false), 0, copy);
      byId.set(copy.id, copy);
    },
    *after(after) {
      // Positions, not a snapshot: a page reads a few keys and stops, and nothing can be
      // inserted while it runs (no await in between).
      for (let i = after === undefined ? 0 : lowerBound(after, true); i < keys.length; i++) yield keys[i]!.id;
    },
    get size() {
      return keys.length;
    },
  };
}
