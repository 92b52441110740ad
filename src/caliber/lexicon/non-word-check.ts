import type { BuiltinContext, BuiltinHit } from '../builtin/context';
import { isSkipped } from '../skip-ranges';
import { findNonWords } from './non-words';

/** The `non-word` built-in check: {@link findNonWords} outside skipped markup, as hits with unsafe fixes. */
export function runNonWordCheck(context: BuiltinContext): BuiltinHit[] {
  const hits: BuiltinHit[] = [];
  for (const h of findNonWords(context.text)) {
    if (isSkipped(context.skip, h.start, h.end)) continue;
    const match = context.text.slice(h.start, h.end);
    const best = h.suggestions[0]!;
    hits.push({
      start: h.start,
      end: h.end,
      message: `疑似别字：“${match}”不是常用词，可能应为“${h.suggestions.join('”或“')}”（${h.kind === 'homophone' ? '音同或音近' : '形近'}）`,
      // A guess from frequencies: a human decides.
      fix: { start: h.start, end: h.end, text: best, safe: false },
      suggestions: h.suggestions,
      details: { kind: h.kind },
    });
  }
  return hits;
}
