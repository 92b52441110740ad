/**
 * Measures duplicate detection and trace on the hand-written realistic reposts of
 * test/fixtures/duplicates-eval/ (see its README for the classes and where the duplicate
 * line is drawn): the duplicates gate's decision, what the index and `originality` report,
 * and trace's source, verdict and changed facts — per variant class, for the dev half, the
 * held-out half and all. Numbers, not thresholds. Only dev misses are listed.
 *
 * Run: `npx tsx scripts/eval/duplicates-realistic.ts [--verbose]` (also part of `npm run eval`).
 */
import { createDuplicateIndex, duplicatesGate, originality, trace, type DuplicateMatch, type Finding, type TraceResult } from '../../src/index';
import type { PublishedRevision } from '../../src/trace/index';
import { loadRealisticCorpus, VARIANT_CLASSES, type CorpusVariant } from '../../test/duplicates/realistic-corpus';
import { halfOf, type Half } from './split';

const verbose = process.argv.includes('--verbose');

/** One copy's outcome on every measured API. */
interface Outcome {
  key: string;
  cls: string;
  half: Half;
  duplicate: boolean;
  gate: 'block' | 'flag' | 'none';
  /** Gate: a finding naming the source (positives) / any finding (negatives). */
  flagged: boolean;
  blocked: boolean;
  /** Index: the source among the matches, its score, rank 1, and the copy's originality. */
  found: boolean;
  score: number;
  top: boolean;
  originality: number;
  /** Trace. */
  rightSource: boolean;
  rightVerdict: boolean;
  changesLabelled: number;
  changesFound: number;
  note: string;
}

const joinTitle = (title: string, body: string) => `${title}\n\n${body}`;
const scoreOf = (m: DuplicateMatch) => Math.max(m.containment, m.otherContainment);

async function evaluate(): Promise<Outcome[]> {
  const families = loadRealisticCorpus();
  const index = createDuplicateIndex();
  const revisions = new Map<string, PublishedRevision>();
  for (const f of families) {
    const r = f.revision;
    revisions.set(r.id, r);
    index.add(r.id, joinTitle(r.title, r.body), { bodyOffset: r.title.length + 2, state: 'published', text: 'published' });
  }
  const gate = duplicatesGate({ index });
  const check = (id: string, title: string, body: string) =>
    gate.check({ phase: 'submit', document: { id, title, body } as never, actor: { id: 'eval', roles: ['editor'] } as never, now: new Date(), channels: [] });

  const outcomes: Outcome[] = [];
  const record = async (
    v: Pick<CorpusVariant, 'key' | 'class' | 'title' | 'body' | 'text' | 'duplicate' | 'gate' | 'source' | 'verdict' | 'changes'>,
    family: string,
    draftId: string,
    cls: string,
  ) => {
    const findings: readonly Finding[] = await check(draftId, v.title, v.body);
    const names = (f: Finding, id: string) => {
      const d = f.details as { otherId?: string; otherIds?: string[] } | undefined;
      return d?.otherId === id || (d?.otherIds ?? []).includes(id);
    };
    const relevant = v.source ? findings.filter((f) => names(f, v.source!)) : findings;
    const matches = index.query(joinTitle(v.title, v.body), { exclude: [draftId] });
    const own = v.source ? matches.find((m) => m.id === v.source) : matches[0];
    // An original traced among the others: its own revision is not offered (trace has no `exclude`).
    const lookup = revisions.has(draftId) ? new Map([...revisions].filter(([id]) => id !== draftId)) : revisions;
    const t: TraceResult = await trace(v.text, { index, revisions: lookup });
    const tracedId = t.verdict === 'unrelated' ? null : (t.revision?.id ?? null);
    const got = t.changes;
    // A labelled change is found when a reported change covers its place in the original and
    // gives the copy's side (the label may span a word of context, the report a whole date).
    const source = v.source ? revisions.get(v.source) : undefined;
    const changesFound = source
      ? v.changes.filter((c) => {
          const at = source.title.length + 2 + source.body.indexOf(c.original);
          return got.some((g) => g.copy !== '' && g.originalSpan !== null && g.originalSpan.start < at + c.original.length && at < g.originalSpan.end);
        }).length
      : 0;
    outcomes.push({
      key: v.key,
      cls,
      half: halfOf(family),
      duplicate: v.duplicate,
      gate: v.gate,
      flagged: relevant.length > 0,
      blocked: relevant.some((f) => f.severity === 'error'),
      found: v.source ? own !== undefined : matches.length > 0,
      score: own ? scoreOf(own) : 0,
      top: v.source ? matches[0]?.id === v.source : matches.length === 0,
      originality: originality(joinTitle(v.title, v.body), matches),
      rightSource: tracedId === v.source,
      rightVerdict: t.verdict === v.verdict,
      changesLabelled: v.changes.length,
      changesFound,
      note: `gate ${findings.map((f) => `${f.severity}:${(f.details as { otherId?: string })?.otherId ?? 'mosaic'}`).join(',') || '-'}; index ${matches
        .slice(0, 2)
        .map((m) => `${m.id}=${scoreOf(m).toFixed(2)}`)
        .join(',') || '-'}; trace ${t.verdict} ${t.revision?.id ?? '-'} cov=${t.coverage.toFixed(2)} changes=[${got.map((g) => `${g.original}→${g.copy}`).join(' ')}] reasons=${t.reasons.map((r) => r.code).join(',')}`,
    });
  };

  for (const f of families) {
    for (const v of f.variants) await record(v, f.id, `draft:${v.key}`, v.class);
    // Each original against the other 39: none copies another, so any flag is a false alarm.
    const r = f.revision;
    await record(
      { key: `${f.id}/original`, class: 'template-sibling', title: r.title, body: r.body, text: `${r.title}\n${r.body}`, duplicate: false, gate: 'none', source: null, verdict: 'unrelated', changes: [] },
      f.id,
      r.id,
      'other-original',
    );
  }
  return outcomes;
}

const pct = (a: number, b: number) => (b === 0 ? '–' : `${a}/${b} (${((100 * a) / b).toFixed(0)}%)`);
const ratio = (a: number, b: number) => (b === 0 ? '–' : (a / b).toFixed(3));
const mean = (xs: number[]) => (xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2) : '–');

function gateCorrect(o: Outcome): boolean {
  if (o.gate === 'block') return o.blocked;
  if (o.gate === 'flag') return o.flagged;
  return !o.flagged;
}

function traceCorrect(o: Outcome): boolean {
  return o.rightSource && o.rightVerdict && o.changesFound === o.changesLabelled;
}

function print(title: string, rows: Outcome[], listMisses: boolean): void {
  const classes = [...VARIANT_CLASSES, 'other-original'];
  console.log(`\n### ${title} (${rows.length} copies)\n`);
  console.log('| class | n | gate expects | gate flags | gate blocks | gate right | index finds (negatives: anything) | index top-1 (negatives: nothing) | mean score | mean originality | trace source | trace verdict | changed facts | trace right |');
  console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const cls of classes) {
    const r = rows.filter((o) => o.cls === cls);
    if (!r.length) continue;
    const n = r.length;
    const count = (p: (o: Outcome) => boolean) => r.filter(p).length;
    const labelled = r.reduce((a, o) => a + o.changesLabelled, 0);
    const found = r.reduce((a, o) => a + o.changesFound, 0);
    console.log(
      `| ${cls} | ${n} | ${r[0]!.gate} | ${pct(count((o) => o.flagged), n)} | ${pct(count((o) => o.blocked), n)} | ${pct(count(gateCorrect), n)} | ${pct(count((o) => o.found), n)} | ${pct(count((o) => o.top), n)} | ${mean(r.map((o) => o.score))} | ${mean(r.map((o) => o.originality))} | ${pct(count((o) => o.rightSource), n)} | ${pct(count((o) => o.rightVerdict), n)} | ${labelled ? pct(found, labelled) : '–'} | ${pct(count(traceCorrect), n)} |`,
    );
  }
  // The gate's decision as a classifier: positives are the duplicate copies, a positive counts
  // only when the finding names the right source; negatives are flagged by any finding.
  const pos = rows.filter((o) => o.duplicate);
  const neg = rows.filter((o) => !o.duplicate);
  for (const [label, hit] of [
    ['flag (warn or block)', (o: Outcome) => o.flagged],
    ['block', (o: Outcome) => o.blocked],
  ] as const) {
    const tp = pos.filter(hit).length;
    const fp = neg.filter(hit).length;
    console.log(`Gate decision "${label}": precision ${ratio(tp, tp + fp)}, recall ${ratio(tp, pos.length)} (TP ${tp}, FP ${fp}, FN ${pos.length - tp})`);
  }
  // The index and originality as the API reports them: the source among the matches at score
  // ≥ 0.5 (negatives: any match at 0.5), and a copy judged unoriginal (originality < 0.5).
  for (const [label, hit] of [
    ['index: source reported with score ≥ 0.5', (o: Outcome) => o.score >= 0.5],
    ['originality < 0.5', (o: Outcome) => o.originality < 0.5],
  ] as const) {
    const tp = pos.filter(hit).length;
    const fp = neg.filter(hit).length;
    console.log(`${label}: precision ${ratio(tp, tp + fp)}, recall ${ratio(tp, pos.length)} (TP ${tp}, FP ${fp}, FN ${pos.length - tp})`);
  }
  const tpT = pos.filter((o) => o.rightSource).length;
  const fpT = neg.filter((o) => !o.rightSource).length;
  console.log(`Trace "derives from a published revision": precision ${ratio(tpT, tpT + fpT)}, recall ${ratio(tpT, pos.length)}; all right (source, verdict, changed facts): ${pct(rows.filter(traceCorrect).length, rows.length)}`);
  if (!listMisses) return;
  const misses = rows.filter((o) => !gateCorrect(o) || !traceCorrect(o));
  console.log(`\nDev misses: ${misses.length}${verbose ? '' : ' (first 25; --verbose lists all)'}`);
  for (const o of verbose ? misses : misses.slice(0, 25)) {
    console.log(`  ${o.key}${gateCorrect(o) ? '' : ' [gate]'}${traceCorrect(o) ? '' : ' [trace]'}: ${o.note}`);
  }
}

const outcomes = await evaluate();
console.log(`\n## Duplicates and trace on realistic reposts (test/fixtures/duplicates-eval, ${outcomes.length} copies)`);
console.log('Gate defaults (warn 0.5, block 0.8); index and trace over the 40 originals. Split by family: dev and held-out share no original.');
print('All', outcomes, false);
print('Dev half', outcomes.filter((o) => o.half === 'dev'), true);
print('Held-out half', outcomes.filter((o) => o.half === 'held-out'), false);
