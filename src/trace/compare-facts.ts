import type { Fact } from './facts';
import type { FactChange, FactKind } from './types';

/**
 * The facts that differ between an original sentence and its copy. Facts with equal values
 * cancel out (as a multiset, per kind); what remains is paired in reading order, so a
 * figure changed in place comes out as one change with both sides, and a figure only one
 * side states comes out with the other side empty.
 */
export function compareFacts(original: readonly Fact[], copy: readonly Fact[]): FactChange[] {
  const changes: FactChange[] = [];
  const kinds: FactKind[] = ['figure', 'date', 'name', 'title'];
  for (const kind of kinds) {
    const left = original.filter((f) => f.kind === kind);
    const right = copy.filter((f) => f.kind === kind);
    const counts = new Map<string, number>();
    for (const f of right) counts.set(f.value, (counts.get(f.value) ?? 0) + 1);
    const leftRest: Fact[] = [];
    for (const f of left) {
      const c = counts.get(f.value) ?? 0;
      if (c > 0) counts.set(f.value, c - 1);
      else leftRest.push(f);
    }
    const rightRest: Fact[] = [];
    for (const f of right) {
      const c = counts.get(f.value) ?? 0;
      // Those still counted were not consumed by the original: they are extra in the copy.
      if (c > 0) {
        counts.set(f.value, c - 1);
        rightRest.push(f);
      }
    }
    const pairs = Math.max(leftRest.length, rightRest.length);
    for (let i = 0; i < pairs; i++) {
      const o = leftRest[i];
      const c = rightRest[i];
      changes.push({
        kind,
        original: o?.text ?? '',
        copy: c?.text ?? '',
        originalSpan: o ? { ...o.span } : null,
        copySpan: c ? { ...c.span } : null,
      });
    }
  }
  return changes;
}
