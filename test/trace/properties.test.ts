import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareWithRevision, type PublishedRevision } from '../../src/trace/index';

// Sentences in the style of a notice, each with a figure, built from a small vocabulary.
const WORDS = ['供水', '管网', '改造', '施工', '城区', '居民', '社区', '服务', '窗口', '办理', '业务', '交通', '管制', '绕行', '防汛', '应急', '演练', '补贴', '申报', '公示'];
const sentence = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 4, maxLength: 10 }), fc.integer({ min: 2, max: 9999 }), fc.constantFrom('户', '万元', '%', '公里', '人'))
  .map(([words, n, unit]) => `${words.slice(0, 2).join('')}${n}${unit}，${words.slice(2).join('')}。`);
const revisionArb = fc.array(sentence, { minLength: 3, maxLength: 8 }).map(
  (sentences): PublishedRevision => ({
    id: 'doc@1',
    documentId: 'doc',
    revision: 1,
    title: '关于有关事项的通知',
    body: sentences.join('\n'),
    publishedAt: '2024-05-15T09:30:00+08:00',
  }),
);
// Sentences the generator can produce twice would make "which one was dropped" ambiguous.
const distinct = (r: PublishedRevision) => new Set(r.body.split('\n')).size === r.body.split('\n').length;

describe('trace properties', () => {
  it('the body itself, with punctuation and spacing changed, is a faithful copy', () => {
    fc.assert(
      fc.property(revisionArb, fc.constantFrom('，', ',', ' ', '、'), (r, comma) => {
        const copy = r.body.replace(/，/g, comma).replace(/\n/g, '\n\n');
        const result = compareWithRevision(copy, r);
        expect(result.verdict).toBe('faithful');
        expect(result.coverage).toBe(1);
      }),
      { numRuns: 150 },
    );
  });

  it('changing one figure gives altered with exactly that figure side by side', () => {
    fc.assert(
      fc.property(revisionArb.filter(distinct), fc.nat(), (r, pick) => {
        const lines = r.body.split('\n');
        const i = pick % lines.length;
        const line = lines[i]!;
        const m = /\d+/.exec(line)!;
        const changed = String(Number(m[0]) + 1);
        lines[i] = line.slice(0, m.index) + changed + line.slice(m.index + m[0].length);
        const result = compareWithRevision(lines.join('\n'), r);
        expect(result.verdict).toBe('altered');
        expect(result.changes).toHaveLength(1);
        expect(result.changes[0]!.kind).toBe('figure');
        expect(result.changes[0]!.original.startsWith(m[0])).toBe(true);
        expect(result.changes[0]!.copy.startsWith(changed)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('dropping sentences gives abridged with exactly those dropped', () => {
    fc.assert(
      fc.property(revisionArb.filter(distinct), fc.nat(), (r, pick) => {
        const lines = r.body.split('\n');
        const drop = pick % lines.length;
        const kept = lines.filter((_, i) => i !== drop);
        const result = compareWithRevision(kept.join('\n'), r);
        expect(result.dropped.map((s) => s.text)).toEqual([lines[drop]]);
        expect(result.verdict).toBe(result.coverage >= 0.3 ? 'abridged' : 'unrelated');
      }),
      { numRuns: 150 },
    );
  });
});
