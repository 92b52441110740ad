import type { RegexTrigger } from './regex-trigger';

/**
 * Where regex rules with a trigger (see `regex-trigger.ts`) can match: one pass over the text
 * finds every trigger literal of every such rule, and each occurrence gives the window of
 * positions at which a match containing it could start.
 *
 * The pass is table-driven: one array read per character of the text, and a literal
 * comparison only where a trigger's first character occurs. Trigger literals are few and
 * short (a comma, 截止, 的), so a table beats an automaton here, and it reads the text as the
 * rules see it (original or normalised) without mapping offsets.
 */

/** The literals starting with one code unit. */
interface Bucket {
  /** The one-character literal, if any. */
  single: Entry | null;
  /** Longer literals. */
  readonly multi: Entry[];
}

interface Entry {
  readonly text: string;
  readonly uses: Use[];
}

interface Use {
  readonly slot: number;
  readonly minOffset: number;
  readonly maxOffset: number;
}

/** The trigger literals of a group of rules, indexed by their first UTF-16 code unit. */
export interface TriggerIndex {
  readonly slots: number;
  /** Code unit → 1 + index into `buckets`; 0 when no literal starts with it. */
  readonly first: Uint16Array;
  readonly buckets: readonly Bucket[];
  /** 1 for every code unit that is the second of a longer literal: most positions fail on it. */
  readonly second: Uint8Array;
  readonly consumable: readonly (RegExp | null)[];
}

/** Indexes the triggers of `slots` rules (`triggers[slot]`). */
export function buildTriggerIndex(triggers: readonly RegexTrigger[]): TriggerIndex {
  const first = new Uint16Array(0x10000);
  const second = new Uint8Array(0x10000);
  const buckets: Bucket[] = [];
  const byText = new Map<string, Entry>();
  triggers.forEach((trigger, slot) => {
    for (const l of trigger.literals) {
      let entry = byText.get(l.text);
      if (!entry) {
        entry = { text: l.text, uses: [] };
        byText.set(l.text, entry);
        const code = l.text.charCodeAt(0);
        if (first[code] === 0) {
          buckets.push({ single: null, multi: [] });
          first[code] = buckets.length;
        }
        const bucket = buckets[first[code]! - 1]!;
        if (l.text.length === 1) bucket.single = entry;
        else {
          bucket.multi.push(entry);
          second[l.text.charCodeAt(1)] = 1;
        }
      }
      entry.uses.push({ slot, minOffset: l.minOffset, maxOffset: l.maxOffset });
    }
  });
  return { slots: triggers.length, first, second, buckets, consumable: triggers.map((t) => t.consumable) };
}

const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;

/**
 * For each slot, the windows `[lo, hi]` (inclusive, flattened pairs) of start positions where a
 * match may begin, sorted by `lo`. Positions outside every window cannot start a match.
 */
export function triggerWindows(index: TriggerIndex, text: string): number[][] {
  const windows: number[][] = Array.from({ length: index.slots }, () => []);
  const sorted = new Uint8Array(index.slots).fill(1);
  // For walks back over consumable characters: the last occurrence per slot and its window start.
  const lastHit = new Int32Array(index.slots).fill(-1);
  const lastLo = new Int32Array(index.slots);
  const { first, second, buckets, consumable } = index;
  const found = (entry: Entry, i: number) => {
    for (const use of entry.uses) {
      const list = windows[use.slot]!;
      let lo: number;
      if (use.maxOffset !== Infinity) lo = Math.max(0, i - use.maxOffset);
      else {
        // Every character between the match start and the literal is one the pattern can
        // consume: walk back over them (surrogates count as consumable, to stay on the safe
        // side). Reaching the previous occurrence means its window start holds here too.
        const test = consumable[use.slot]!;
        let k = i;
        for (;;) {
          if (k <= lastHit[use.slot]!) {
            k = Math.min(k, lastLo[use.slot]!);
            break;
          }
          if (k === 0) break;
          const code = text.charCodeAt(k - 1);
          if (!isSurrogate(code)) {
            test.lastIndex = k - 1;
            if (!test.test(text)) break;
          }
          k--;
        }
        lo = k;
        lastHit[use.slot] = i;
        lastLo[use.slot] = k;
      }
      const hi = i - use.minOffset;
      if (hi < lo) continue;
      if (list.length && list[list.length - 2]! > lo) sorted[use.slot] = 0;
      list.push(lo, hi);
    }
  };
  for (let i = 0, n = text.length; i < n; i++) {
    const b = first[text.charCodeAt(i)]!;
    if (b === 0) continue;
    const bucket = buckets[b - 1]!;
    if (bucket.single) found(bucket.single, i);
    if (bucket.multi.length && second[text.charCodeAt(i + 1)]) {
      for (const entry of bucket.multi) if (continues(text, i, entry.text)) found(entry, i);
    }
  }
  for (let slot = 0; slot < index.slots; slot++) if (!sorted[slot]) windows[slot] = sortPairs(windows[slot]!);
  return windows;
}

// Whether `literal` (whose first unit is known to match) occurs at `at`; cheaper than
// startsWith for the two- to five-unit literals of triggers.
function continues(text: string, at: number, literal: string): boolean {
  for (let k = 1; k < literal.length; k++) if (text.charCodeAt(at + k) !== literal.charCodeAt(k)) return false;
  return true;
}

function sortPairs(flat: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return pairs.flat();
}
