import { describe, expect, it } from 'vitest';
import { createDuplicateIndex } from '../../src/duplicates/index';
import { trace, type TraceVerdict } from '../../src/trace/index';
import { CORPUS, CORPUS_REVISIONS } from './corpus';

const VERDICTS: TraceVerdict[] = ['faithful', 'abridged', 'altered', 'unrelated'];

describe('trace on the labelled corpus', () => {
  it('names the right revision and verdict; prints precision and recall per verdict', async () => {
    const index = createDuplicateIndex();
    const revisions = new Map(CORPUS_REVISIONS.map((r) => [r.id, r]));
    for (const r of CORPUS_REVISIONS) index.add(r.id, `${r.title}\n\n${r.body}`);

    const rows: { name: string; expected: TraceVerdict; got: TraceVerdict; rightSource: boolean }[] = [];
    for (const c of CORPUS) {
      const result = await trace(c.text, { index, revisions });
      rows.push({ name: c.name, expected: c.verdict, got: result.verdict, rightSource: c.from === null || result.revision?.id === c.from });
    }
    const lines = ['| verdict | cases | precision | recall |', '|---|---:|---:|---:|'];
    const recall: Record<string, number> = {};
    for (const v of VERDICTS) {
      const tp = rows.filter((r) => r.expected === v && r.got === v).length;
      const predicted = rows.filter((r) => r.got === v).length;
      const actual = rows.filter((r) => r.expected === v).length;
      recall[v] = actual ? tp / actual : 1;
      lines.push(`| ${v} | ${actual} | ${predicted ? (tp / predicted).toFixed(2) : '—'} | ${recall[v]!.toFixed(2)} |`);
    }
    const wrong = rows.filter((r) => r.expected !== r.got || !r.rightSource);
    console.log(`trace corpus (${rows.length} cases)\n${lines.join('\n')}\nsource right: ${rows.filter((r) => r.rightSource).length}/${rows.length}${wrong.length ? `\nwrong: ${wrong.map((w) => `${w.name} → ${w.got}`).join('; ')}` : ''}`);
    expect(wrong).toEqual([]);
  });
});
