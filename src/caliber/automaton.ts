/**
 * An Aho-Corasick automaton over UTF-16 code units, stored in typed arrays.
 *
 * Why not a library: the scan is the hot loop of every caliber check, and a Map-per-node trie
 * allocates per node and hashes strings per step. Here each code unit is mapped to a dense
 * symbol once (one array read), the root's transitions are a dense row (most steps in Chinese
 * text start over at the root), and the other transitions sit in one open-addressing table
 * keyed by (state, symbol). Cost per character is O(1) amortised and independent of the
 * number of patterns.
 */

/** Matches found by {@link LiteralAutomaton.scan}, as parallel arrays of length `count`. */
export interface AutomatonMatches {
  count: number;
  /** Exclusive end offset of each match in the scanned text. */
  ends: Int32Array;
  /** Index of the matched pattern in the list the automaton was built from. */
  patterns: Int32Array;
}

const EMPTY = -1;

export class LiteralAutomaton {
  /** Number of patterns. */
  readonly size: number;
  /** Length of each pattern in UTF-16 units. */
  readonly lengths: Int32Array;
  readonly #symbolOf: Int32Array;
  readonly #rootNext: Int32Array;
  readonly #keyState: Int32Array;
  readonly #keySymbol: Int32Array;
  readonly #next: Int32Array;
  readonly #mask: number;
  readonly #fail: Int32Array;
  readonly #output: Int32Array;
  readonly #dictLink: Int32Array;

  /** Builds the automaton. Patterns must be non-empty and distinct (a duplicate reports as its first copy). */
  constructor(patterns: readonly string[]) {
    this.size = patterns.length;
    this.lengths = Int32Array.from(patterns, (p) => p.length);

    // Dense symbols: 0 means "occurs in no pattern", which sends the scan back to the root.
    const symbolOf = new Int32Array(0x10000);
    let symbols = 0;
    for (const p of patterns) {
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        if (symbolOf[c] === 0) symbolOf[c] = ++symbols;
      }
    }
    const width = symbols + 1;

    // Trie. Edges are kept in a Map while building (keys fit a double exactly), plus per-state
    // child lists so the breadth-first pass can walk them.
    const edges = new Map<number, number>();
    const firstChild: number[] = [EMPTY];
    const nextSibling: number[] = [EMPTY];
    const edgeSymbol: number[] = [0];
    const output: number[] = [EMPTY];
    for (let id = 0; id < patterns.length; id++) {
      const p = patterns[id]!;
      if (p.length === 0) throw new RangeError('LiteralAutomaton: empty pattern');
      let state = 0;
      for (let i = 0; i < p.length; i++) {
        const s = symbolOf[p.charCodeAt(i)]!;
        const key = state * width + s;
        let to = edges.get(key);
        if (to === undefined) {
          to = output.length;
          edges.set(key, to);
          output.push(EMPTY);
          edgeSymbol.push(s);
          firstChild.push(EMPTY);
          nextSibling.push(firstChild[state]!);
          firstChild[state] = to;
        }
        state = to;
      }
      if (output[state] === EMPTY) output[state] = id;
    }
    const states = output.length;

    // Open-addressing table for every non-root edge, at most half full.
    let bits = 4;
    while (1 << bits < 2 * states) bits++;
    const tableSize = 1 << bits;
    const mask = tableSize - 1;
    const keyState = new Int32Array(tableSize).fill(EMPTY);
    const keySymbol = new Int32Array(tableSize);
    const next = new Int32Array(tableSize);
    const rootNext = new Int32Array(width);
    for (const [key, to] of edges) {
      const from = Math.floor(key / width);
      const s = key - from * width;
      if (from === 0) {
        rootNext[s] = to;
        continue;
      }
      let h = hash(from, s) & mask;
      while (keyState[h] !== EMPTY) h = (h + 1) & mask;
      keyState[h] = from;
      keySymbol[h] = s;
      next[h] = to;
    }

    this.#symbolOf = symbolOf;
    this.#rootNext = rootNext;
    this.#keyState = keyState;
    this.#keySymbol = keySymbol;
    this.#next = next;
    this.#mask = mask;

    // Failure links and output ("dictionary suffix") links, breadth first.
    const fail = new Int32Array(states);
    const dictLink = new Int32Array(states);
    const queue = new Int32Array(states);
    let head = 0;
    let tail = 0;
    for (let c = firstChild[0]!; c !== EMPTY; c = nextSibling[c]!) queue[tail++] = c;
    while (head < tail) {
      const u = queue[head++]!;
      for (let v = firstChild[u]!; v !== EMPTY; v = nextSibling[v]!) {
        const s = edgeSymbol[v]!;
        let f = fail[u]!;
        let to = this.#step(f, s);
        while (to === EMPTY && f !== 0) {
          f = fail[f]!;
          to = this.#step(f, s);
        }
        const fv = to === EMPTY ? 0 : to;
        fail[v] = fv;
        dictLink[v] = output[fv] !== EMPTY ? fv : dictLink[fv]!;
        queue[tail++] = v;
      }
    }
    this.#fail = fail;
    this.#output = Int32Array.from(output);
    this.#dictLink = dictLink;
  }

  /** The transition from `state` on symbol `s`, or -1. */
  #step(state: number, s: number): number {
    if (state === 0) return this.#rootNext[s] || EMPTY;
    const keyState = this.#keyState;
    const mask = this.#mask;
    let h = hash(state, s) & mask;
    for (;;) {
      const k = keyState[h]!;
      if (k === EMPTY) return EMPTY;
      if (k === state && this.#keySymbol[h] === s) return this.#next[h]!;
      h = (h + 1) & mask;
    }
  }

  /**
   * Every occurrence of every pattern in `text`, overlapping ones included, in order of end
   * offset (several patterns ending at one offset: longest first).
   */
  scan(text: string): AutomatonMatches {
    let ends = new Int32Array(64);
    let ids = new Int32Array(64);
    let count = 0;
    const symbolOf = this.#symbolOf;
    const rootNext = this.#rootNext;
    const keyState = this.#keyState;
    const keySymbol = this.#keySymbol;
    const next = this.#next;
    const mask = this.#mask;
    const fail = this.#fail;
    const output = this.#output;
    const dictLink = this.#dictLink;
    let state = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const s = symbolOf[text.charCodeAt(i)]!;
      if (s === 0) {
        state = 0;
        continue;
      }
      // Inlined #step: this loop is the whole cost of a check.
      for (;;) {
        if (state === 0) {
          state = rootNext[s]!;
          break;
        }
        let h = hash(state, s) & mask;
        let to = EMPTY;
        for (;;) {
          const k = keyState[h]!;
          if (k === EMPTY) break;
          if (k === state && keySymbol[h] === s) {
            to = next[h]!;
            break;
          }
          h = (h + 1) & mask;
        }
        if (to !== EMPTY) {
          state = to;
          break;
        }
        state = fail[state]!;
      }
      if (state === 0) continue;
      let o = output[state] !== EMPTY ? state : dictLink[state]!;
      while (o !== 0) {
        if (count === ends.length) {
          const grownEnds = new Int32Array(count * 2);
          grownEnds.set(ends);
          ends = grownEnds;
          const grownIds = new Int32Array(count * 2);
          grownIds.set(ids);
          ids = grownIds;
        }
        ends[count] = i + 1;
        ids[count] = output[o]!;
        count++;
        o = dictLink[o]!;
      }
    }
    return { count, ends, patterns: ids };
  }
}

// Multiplicative mixing of both halves of the key; the final xor-shift brings the well-mixed
// high bits down to the low bits that the mask keeps.
function hash(state: number, symbol: number): number {
  const h = Math.imul(state ^ Math.imul(symbol, 0x85ebca6b), 0x9e3779b1);
  return h ^ (h >>> 15);
}
