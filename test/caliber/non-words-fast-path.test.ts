import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lexicon } from '../../src/caliber/lexicon/lexicon';
import { findNonWordsTuned, NON_WORD_TUNING, SURNAMES, type NonWordTuning } from '../../src/caliber/lexicon/non-words';
import { nearWordIndex } from '../../src/caliber/lexicon/near-word-index';
import { packedBucket, packedLexicon } from '../../src/caliber/lexicon/packed-lexicon';
import { packedNearWords } from '../../src/caliber/lexicon/packed-near-words';
import { findNonWordsReference } from './non-words-reference';

// The fast path (packed tables, bounds that skip lookups) must give exactly the answer of the
// reference implementation it replaced: same spans, suggestions in the same order, same kind.

const lex = lexicon();

function corpus(): string[] {
  const root = new URL('../fixtures/caliber-eval/', import.meta.url);
  const out: string[] = [];
  for (const folder of ['clean', 'errors']) {
    for (const f of readdirSync(new URL(`${folder}/`, root)).filter((x) => x.endsWith('.jsonl')).sort()) {
      for (const line of readFileSync(new URL(`${folder}/${f}`, root), 'utf8').split('\n')) {
        if (line.trim()) out.push((JSON.parse(line) as { text: string }).text);
      }
    }
  }
  return out;
}

describe('the non-word fast path', () => {
  it('finds exactly what the reference finds on every sentence of the evaluation corpus', () => {
    const sentences = corpus();
    expect(sentences.length).toBeGreaterThan(600);
    let hits = 0;
    for (const s of sentences) {
      const fast = findNonWordsTuned(s, lex, NON_WORD_TUNING);
      expect(fast, s).toEqual(findNonWordsReference(s, lex, NON_WORD_TUNING));
      hits += fast.length;
    }
    expect(hits).toBeGreaterThan(50); // the comparison is not between two empty answers
  });

  // Text dense with slips: common words, some with a character replaced by a homophone or any
  // Han character, surnames with address characters, document-number brackets, punctuation.
  const commonWords = [...lex.buckets].filter(([w, b]) => b >= 8 && w.length <= 4).map(([w]) => w);
  const piece = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...commonWords) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...commonWords), fc.nat(), fc.nat(), fc.integer({ min: 0x4e00, max: 0x9fa5 }))
        .map(([w, at, pick, code]) => {
          const q = at % w.length;
          const homophones = lex.homophones.get(w[q]!) ?? [];
          const replacement = homophones.length && pick % 5 !== 0 ? homophones[pick % homophones.length]! : String.fromCharCode(code);
          return w.slice(0, q) + replacement + w.slice(q + 1);
        }),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...SURNAMES), fc.constantFrom('工', '总', '局', '健华', '建', '')).map(([s, t]) => s + t) },
    { weight: 1, arbitrary: fc.constantFrom('，', '。', '〔', '[', '2019', 'a', ' ', '\n', '㐀', '豈') },
  );
  const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

  it('finds exactly what the reference finds on generated text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(findNonWordsTuned(t, lex, NON_WORD_TUNING)).toEqual(findNonWordsReference(t, lex, NON_WORD_TUNING));
      }),
      { numRuns: 300 },
    );
  });

  it('finds exactly what the reference finds under any tuning', () => {
    const cost = fc.oneof(fc.integer({ min: -16, max: -4 }), fc.double({ min: -16, max: -4, noNaN: true }));
    const tuning: fc.Arbitrary<NonWordTuning> = fc.record({
      homophoneCost: cost,
      toneCost: cost,
      shapeCost: cost,
      margin: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -3, max: 3, noNaN: true })),
      minTargetBucket: fc.integer({ min: 3, max: 9 }),
      singlePenalty: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 3, noNaN: true })),
    });
    fc.assert(
      fc.property(text, tuning, (t, tu) => {
        expect(findNonWordsTuned(t, lex, tu)).toEqual(findNonWordsReference(t, lex, tu));
      }),
      { numRuns: 120 },
    );
  });
});

describe('packedLexicon', () => {
  const packed = packedLexicon(lex);

  it('holds every word of up to four characters with its bucket, and no other', () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const [word, bucket] of lex.buckets) {
      if (word.length > 4) continue;
      if (packedBucket(packed, word) !== bucket) wrong.push(word);
      checked++;
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(70_000);
    // A prefix of a longer word is a node but no word; a string of no word is no node.
    expect(lex.has('人民代表') && !lex.has('人民代')).toBe(true);
    expect(packedBucket(packed, '人民代')).toBe(-1);
    expect(packedBucket(packed, '工峻')).toBeUndefined();
    expect(packedBucket(packed, 'ab')).toBeUndefined();
  });

  it('gives the most frequent characters the smallest ids', () => {
    expect(packed.charId['的'.charCodeAt(0)]).toBeLessThan(20);
    expect(packed.charId['峻'.charCodeAt(0)]).toBeGreaterThan(1000);
  });
});

describe('packedNearWords', () => {
  it('lists the same words in the same order as nearWordIndex', () => {
    const packed = packedLexicon(lex);
    const fast = packedNearWords(lex, NON_WORD_TUNING.minTargetBucket);
    const slow = nearWordIndex(lex, NON_WORD_TUNING.minTargetBucket);
    expect(fast.maxBucket).toBe(slow.maxBucket);
    const range = new Int32Array(2);
    let compared = 0;
    for (const window of ['综和', '峻工', '贯切', '检查院', '全力以附', '发展', '人民政府', '的的', '截止', '王健华']) {
      for (let q = 0; q < window.length; q++) {
        const others = [...window].filter((_, i) => i !== q).map((c) => packed.charId[c.charCodeAt(0)]!);
        const expected = slow.near(window, 0, window.length, q).map((e) => e.word);
        const got: string[] = [];
        if (fast.find(window.length, q, others[0] ?? 0, others[1] ?? 0, others[2] ?? 0, range)) {
          for (let e = range[0]!; e < range[1]!; e++) got.push(fast.words[fast.entries[e]!]!);
        }
        expect(got, `${window} @${q}`).toEqual(expected);
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});
