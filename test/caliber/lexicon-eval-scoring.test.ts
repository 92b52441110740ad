import { describe, expect, it } from 'vitest';
import { changedRegions, locate, offsetMap, scoreCorpus, type EvalSentence, type ScoredFinding } from '../../scripts/eval/scoring';

// A synthetic checker: flags every 错 (category typo, fix 对) and every ！ (category form, unsafe).
function check(text: string): ScoredFinding[] {
  const out: (ScoredFinding & { fix?: { start: number; end: number; text: string } })[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '错') out.push({ ruleId: 't/typo', severity: 'error', start: i, end: i + 1, excerpt: '错', fix: { start: i, end: i + 1, text: '对' } });
    if (text[i] === '！') out.push({ ruleId: 'f/bang', severity: 'warning', start: i, end: i + 1, excerpt: '！' });
    if (text[i] === '今') out.push({ ruleId: 'f/relative', severity: 'info', start: i, end: i + 1, excerpt: '今' });
  }
  return out;
}
function fix(text: string, findings: ScoredFinding[]): string {
  let out = text;
  for (const f of [...(findings as (ScoredFinding & { fix?: { start: number; end: number; text: string } })[])].reverse()) {
    if (f.fix) out = out.slice(0, f.fix.start) + f.fix.text + out.slice(f.fix.end);
  }
  return out;
}
const categoryOf = (id: string) => (id.startsWith('t/') ? 'typo' : id.startsWith('f/') ? 'form' : undefined);

describe('locate', () => {
  it('finds the n-th occurrence and reports a missing excerpt', () => {
    expect(locate('甲乙甲乙', { excerpt: '乙', occurrence: 1, category: 'x' })).toBe(3);
    expect(locate('甲乙', { excerpt: '丙', category: 'x' })).toBe(-1);
    expect(locate('甲乙', { excerpt: '乙', occurrence: 1, category: 'x' })).toBe(-1);
  });
});

describe('changedRegions and offsetMap', () => {
  it('locate replacements and insertions in the original', () => {
    expect(changedRegions('甲错乙', '甲对乙')).toEqual([{ start: 1, end: 2 }]);
    expect(changedRegions('甲乙', '甲丙乙')).toEqual([{ start: 1, end: 1 }]);
    const map = offsetMap('甲错乙', '甲对对乙');
    expect([map[0], map[2], map[3]]).toEqual([0, 3, 4]);
  });
});

describe('scoreCorpus', () => {
  const sentences: EvalSentence[] = [
    { origin: 'e1', text: '这是错字！', errors: [{ excerpt: '错', category: 'typo', expected: '对' }], fixed: '这是对字！' },
    { origin: 'e2', text: '漏掉的毛病', errors: [{ excerpt: '毛病', category: 'typo' }] },
    { origin: 'e3', text: '错了错了', errors: [{ excerpt: '错', occurrence: 1, category: 'typo', expected: '好' }] },
    { origin: 'c1', text: '干净的句子。', errors: [] },
    { origin: 'c2', text: '今天有错！', errors: [] },
  ];
  const score = scoreCorpus(sentences, check, fix, categoryOf);

  it('counts recall per category from overlapping findings', () => {
    expect(score.categories.typo).toMatchObject({ labelled: 3, caught: 2, caughtBySameCategory: 2 });
    expect(score.categories.typo!.recall).toBeCloseTo(2 / 3);
    expect(score.missed).toEqual(['e2 typo «毛病»']);
  });

  it('counts false alarms on clean sentences by severity, info apart', () => {
    expect(score.cleanFindingsBySeverity).toEqual({ error: 1, warning: 1, info: 1 });
    expect(score.categories.typo!.falseAlarms).toBe(1);
    expect(score.categories.form!.falseAlarms).toBe(1);
    expect(score.falseAlarmExamples).toEqual(['c2 t/typo «错»', 'c2 f/bang «！»']);
  });

  it('computes precision from hits on labelled spans, clean false alarms and unlabelled hits', () => {
    // typo findings: e1 错 (TP), e3 first 错 (unlabelled), e3 second 错 (TP), c2 错 (false alarm).
    expect(score.categories.typo).toMatchObject({ truePositives: 2, unlabelled: 1, falseAlarms: 1 });
    expect(score.categories.typo!.precision).toBeCloseTo(0.5);
    // form: e1 ！ is unlabelled, c2 ！ a false alarm.
    expect(score.categories.form!.precision).toBe(0);
  });

  it('counts damaging fixes: clean text changed, text outside spans changed, a span fixed wrongly', () => {
    expect(score.damage.cleanChanged).toBe(1); // c2: 错 → 对
    expect(score.damage.outsideSpans).toBe(1); // e3: the first 错 is outside the labelled span
    expect(score.damage.wrongExpected).toBe(1); // e3: 错 → 对, expected 好
    expect(score.damage.differsFromFixed).toBe(0); // e1 came out exactly as `fixed`
  });
});
