/**
 * A hash multimap from 32-bit keys to lists of document slots, in typed arrays only: an
 * open-addressing key table plus one pool of (slot, next) links. Each key also counts how
 * many documents carry it (its document frequency), kept exact across removals.
 *
 * Keys whose count passes `cap` are *saturated*: they stop collecting postings (until
 * {@link PostingTable.compact}), because a fingerprint shared by that many texts is
 * boilerplate, not evidence of copying, and its list would only cost time and memory.
 *
 * The key table interleaves `[key, head, count]` per entry so that a probe touches one
 * cache line; `head` is `EMPTY` for a free entry and `NONE` for a key without postings.
 */
export class PostingTable {
  private table: Int32Array;
  private mask: number;
  private keyCount = 0;

  private values: Int32Array;
  private next: Int32Array;
  private poolLength = 0;

  constructor(
    private readonly cap: number,
    capacity = 1024,
  ) {
    const size = pow2(Math.max(16, capacity * 2));
    this.table = emptyTable(size);
    this.mask = size - 1;
    this.values = new Int32Array(Math.max(16, capacity));
    this.next = new Int32Array(Math.max(16, capacity));
  }

  /** Number of postings held (including those of removed documents not yet compacted). */
  get postings(): number {
    return this.poolLength;
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.table.byteLength + this.values.byteLength + this.next.byteLength;
  }

  /** Records that `slot` carries `key`. */
  add(key: number, slot: number): void {
    const e = this.find(key, true);
    const t = this.table;
    const count = (t[e + 2]! & COUNT_MASK) + 1;
    const saturated = t[e + 2]! & SATURATED || (count > this.cap ? SATURATED : 0);
    t[e + 2] = count | saturated;
    if (saturated) return;
    if (this.poolLength === this.values.length) this.growPool();
    const p = this.poolLength++;
    this.values[p] = slot;
    this.next[p] = t[e + 1]!;
    t[e + 1] = p;
  }

  /** Forgets one document carrying `key` (its posting goes when the table is compacted). */
  release(key: number): void {
    const e = this.find(key, false);
    if (e >= 0 && (this.table[e + 2]! & COUNT_MASK) > 0) this.table[e + 2]!--;
  }

  /** How many documents carry `key`. */
  frequency(key: number): number {
    const e = this.find(key, false);
    return e < 0 ? 0 : this.table[e + 2]! & COUNT_MASK;
  }

  /**
   * Calls `visit` with every slot listed under `key`, unless the key is saturated; returns
   * false when it is (so the caller can tell boilerplate from absence).
   */
  forEach(key: number, visit: (slot: number) => void): boolean {
    const e = this.find(key, false);
    if (e < 0) return true;
    if (this.table[e + 2]! & SATURATED) return false;
    for (let p = this.table[e + 1]!; p >= 0; p = this.next[p]!) visit(this.values[p]!);
    return true;
  }

  /**
   * Rewrites the pool keeping only postings whose slot `remap` maps to a non-negative new
   * slot, and frees the lists of saturated keys.
   */
  compact(remap: Int32Array): void {
    const values = new Int32Array(Math.max(16, this.poolLength));
    const next = new Int32Array(values.length);
    const t = this.table;
    let length = 0;
    for (let e = 0; e < t.length; e += STRIDE) {
      if (t[e + 1] === EMPTY) continue;
      if (t[e + 2]! & SATURATED) {
        // A saturated list stopped growing, so it is never read: free it. If removals have
        // made the key rare again it may collect postings anew (from documents added from
        // now on; older ones carrying it are still found through their other fingerprints).
        t[e + 1] = NONE;
        if ((t[e + 2]! & COUNT_MASK) <= this.cap) t[e + 2]! &= COUNT_MASK;
        continue;
      }
      // Rebuild the list in the same order.
      let head = NONE;
      let tail = -1;
      for (let p = t[e + 1]!; p >= 0; p = this.next[p]!) {
        const slot = remap[this.values[p]!]!;
        if (slot < 0) continue;
        values[length] = slot;
        next[length] = NONE;
        if (tail < 0) head = length;
        else next[tail] = length;
        tail = length++;
      }
      t[e + 1] = head;
    }
    this.values = values;
    this.next = next;
    this.poolLength = length;
  }

  /** Entry offset of `key` in the table, or -1. */
  private find(key: number, create: boolean): number {
    const t = this.table;
    const k = key | 0;
    let i = spread(k) & this.mask;
    for (;;) {
      const e = i * STRIDE;
      if (t[e + 1] === EMPTY) {
        if (!create) return -1;
        if ((this.keyCount + 1) * 4 > (this.mask + 1) * 3) {
          this.growKeys();
          return this.find(key, true);
        }
        t[e] = k;
        t[e + 1] = NONE;
        t[e + 2] = 0;
        this.keyCount++;
        return e;
      }
      if (t[e] === k) return e;
      i = (i + 1) & this.mask;
    }
  }

  private growKeys(): void {
    const old = this.table;
    const size = (this.mask + 1) * 2;
    const t = emptyTable(size);
    this.mask = size - 1;
    for (let e = 0; e < old.length; e += STRIDE) {
      if (old[e + 1] === EMPTY) continue;
      let i = spread(old[e]!) & this.mask;
      while (t[i * STRIDE + 1] !== EMPTY) i = (i + 1) & this.mask;
      const to = i * STRIDE;
      t[to] = old[e]!;
      t[to + 1] = old[e + 1]!;
      t[to + 2] = old[e + 2]!;
    }
    this.table = t;
  }

  private growPool(): void {
    // 1.5× rather than 2×: the pool is the largest array, and its slack is memory held idle.
    const size = Math.ceil(this.values.length * 1.5);
    const values = new Int32Array(size);
    values.set(this.values);
    const next = new Int32Array(size);
    next.set(this.next);
    this.values = values;
    this.next = next;
  }
}

const STRIDE = 3;
const EMPTY = -2;
const NONE = -1;
const SATURATED = 0x40000000;
const COUNT_MASK = 0x3fffffff;

function emptyTable(entries: number): Int32Array {
  const t = new Int32Array(entries * STRIDE);
  for (let e = 1; e < t.length; e += STRIDE) t[e] = EMPTY;
  return t;
}

// Keys are already well-mixed hashes, but one multiply keeps probe clusters short even
// when callers' keys share low bits.
function spread(key: number): number {
  return Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) >>> 0;
}

function pow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
