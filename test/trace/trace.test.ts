import { beforeEach, describe, expect, it } from 'vitest';
import { createDuplicateIndex, type DuplicateIndex } from '../../src/duplicates/index';
import { isGovpubError } from '../../src/errors/index';
import { compareWithRevision, indexRevisions, trace, type PublishedRevision } from '../../src/trace/index';
import { FLU_NOTICE, PAGE_WITH_NOTICE, SAME_TOPIC_ARTICLE, WATER_NOTICE, WATER_NOTICE_R1, WATER_NOTICE_TRADITIONAL } from './fixtures';

const LINES = WATER_NOTICE.body.split('\n');
let index: DuplicateIndex;
let revisions: Map<string, PublishedRevision>;

beforeEach(() => {
  index = createDuplicateIndex();
  revisions = new Map([WATER_NOTICE, WATER_NOTICE_R1, FLU_NOTICE].map((r) => [r.id, r]));
  for (const r of revisions.values()) index.add(r.id, `${r.title}\n\n${r.body}`);
});

function textAt(s: string, span: { start: number; end: number } | null): string {
  return span ? s.slice(span.start, span.end) : '';
}

describe('trace', () => {
  it('a repost with one figure changed is altered, with the figure as the headline', async () => {
    const copy = WATER_NOTICE.body.replace('3.2万户', '5.2万户');
    const r = await trace(copy, { index, revisions });
    expect(r.verdict).toBe('altered');
    expect(r.revision?.id).toBe('doc-water@2');
    expect(r.changes).toHaveLength(1);
    const [change] = r.changes;
    expect(change).toMatchObject({ kind: 'figure', original: '约3.2万户', copy: '约5.2万户' });
    expect(textAt(r.original, change!.originalSpan)).toBe('约3.2万户');
    expect(textAt(r.copy, change!.copySpan)).toBe('约5.2万户');
    expect(r.reasons.map((x) => x.code)).toEqual(['fact-changed']);
    expect(r.reasons[0]!.message).toContain('数字');
    expect(r.dropped).toEqual([]);
    expect(r.added).toEqual([]);
  });

  it('the closing paragraph dropped and a commentary added: altered, both listed', async () => {
    const commentary = '记者注意到，此次停水时间较以往缩短，多数居民对管网改造施工表示理解和支持。';
    const copy = [...LINES.slice(0, 5), commentary].join('\n');
    const r = await trace(copy, { index, revisions });
    expect(r.verdict).toBe('altered');
    expect(r.dropped.map((s) => s.text)).toEqual(LINES.slice(5));
    expect(r.added.map((s) => s.text)).toEqual([commentary]);
    expect(r.changes).toEqual([]);
    expect(r.reasons.map((x) => x.code).sort()).toEqual(['sentence-added', 'sentence-dropped']);
  });

  it('sentences dropped and nothing else changed: abridged', async () => {
    const r = await trace(LINES.slice(0, 4).join('\n'), { index, revisions });
    expect(r.verdict).toBe('abridged');
    expect(r.dropped).toHaveLength(3);
    expect(r.coverage).toBeGreaterThan(0.5);
    expect(r.coverage).toBeLessThan(1);
  });

  it('a copy in traditional characters with full-width digits is faithful', async () => {
    const r = await trace(WATER_NOTICE_TRADITIONAL, { index, revisions });
    expect(r.verdict).toBe('faithful');
    expect(r.revision?.id).toBe('doc-water@2');
    expect(r.coverage).toBe(1);
    expect(r.passages.every((p) => p.kind === 'same')).toBe(true);
  });

  it('a copy with different punctuation and spacing is faithful', async () => {
    const copy = WATER_NOTICE.body.replace(/，/g, ', ').replace(/。/g, '. ').replace(/、/g, ',').replace(/\n/g, ' ');
    const r = await trace(copy, { index, revisions });
    expect(r.verdict).toBe('faithful');
    expect(r.reasons.map((x) => x.code)).toEqual(['copy-faithful']);
  });

  it('sentences joined with a comma or split in two are still the same sentences', async () => {
    const merged = WATER_NOTICE.body.replace('防止恢复供水时跑水。\n如有疑问', '防止恢复供水时跑水，如有疑问').replace('20%。\n', '20%；');
    expect((await trace(merged, { index, revisions })).verdict).toBe('faithful');
    const split = WATER_NOTICE.body.replace('，涉及居民', '。涉及居民');
    const r = await trace(split, { index, revisions });
    expect(r.verdict).toBe('faithful');
    expect(r.added).toEqual([]);
    // …and a figure changed inside a merged sentence is still found as a figure.
    const changed = await trace(merged.replace('12345', '12346'), { index, revisions });
    expect(changed.changes.map((c) => [c.kind, c.original, c.copy])).toEqual([['figure', '12345', '12346']]);
  });

  it('a copy inside a longer page is found by containment and is faithful; the page around it is not "added"', async () => {
    const r = await trace(PAGE_WITH_NOTICE, { index, revisions });
    expect(r.revision?.id).toBe('doc-water@2');
    expect(r.containment).toBeLessThan(0.8);
    expect(r.verdict).toBe('faithful');
    expect(r.added).toEqual([]);
    expect(r.surrounding.map((s) => s.text)).toContain('首页 | 新闻 | 政务 | 民生 | 视频 | 登录');
    expect(textAt(PAGE_WITH_NOTICE, r.copySpan)).toContain(LINES[0]!);
  });

  it('an unrelated article on the same topic comes out unrelated', async () => {
    const r = await trace(SAME_TOPIC_ARTICLE, { index, revisions });
    expect(r.verdict).toBe('unrelated');
    // Even compared directly with the notice on the same subject, it shares no sentence.
    const direct = compareWithRevision(SAME_TOPIC_ARTICLE, WATER_NOTICE);
    expect(direct.verdict).toBe('unrelated');
    expect(direct.reasons[0]!.code).toBe('low-coverage');
    expect(direct.passages).toEqual([]);
  });

  it('changed dates, names and titles are reported by kind', async () => {
    const copy = WATER_NOTICE.body.replace('市水务局局长王明', '市水务局副局长王敏').replace('5月18日', '5月19日');
    const r = await trace(copy, { index, revisions });
    expect(r.verdict).toBe('altered');
    expect(r.changes.map((c) => [c.kind, c.original, c.copy])).toEqual([
      ['date', '2024年5月18日', '2024年5月19日'],
      ['title', '局长', '副局长'],
      ['name', '王明', '王敏'],
    ]);
  });

  it('a reworded sentence without a changed fact is altered, with the edits marked', async () => {
    const copy = WATER_NOTICE.body.replace('请受影响的居民提前做好储水准备', '请受影响的居民无需提前储水');
    const r = await trace(copy, { index, revisions });
    expect(r.verdict).toBe('altered');
    expect(r.reasons.map((x) => x.code)).toEqual(['sentence-reworded']);
    const changed = r.passages.filter((p) => p.kind === 'changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.inserted.map((s) => r.copy.slice(s.start, s.end)).join('')).toContain('无需');
  });

  it('picks the superseded revision a copy actually derives from, and says it was superseded', async () => {
    const r = await trace(WATER_NOTICE_R1.body, { index, revisions });
    expect(r.revision?.id).toBe('doc-water@1');
    expect(r.verdict).toBe('faithful');
    expect(r.reasons.map((x) => x.code)).toContain('revision-superseded');
    expect(r.candidates.map((c) => c.id)).toEqual(['doc-water@1', 'doc-water@2']);
  });

  it('resolves revisions through an async function, skipping ids it does not know', async () => {
    const lookup = async (id: string) => (id === 'doc-water@1' ? null : revisions.get(id));
    const r = await trace(WATER_NOTICE_R1.body, { index, revisions: lookup });
    expect(r.revision?.id).toBe('doc-water@2');
    expect(r.verdict).toBe('altered');
    expect(r.changes[0]).toMatchObject({ kind: 'figure', original: '1200万元', copy: '1100万元' });
  });

  it('text that matches nothing is unrelated with no revision', async () => {
    const r = await trace('今天天气晴朗，适合户外活动。', { index, revisions });
    expect(r).toMatchObject({ verdict: 'unrelated', revision: null, passages: [] });
    expect(r.reasons[0]!.code).toBe('no-candidate');
  });

  it('English reasons on request', async () => {
    const r = await trace(WATER_NOTICE.body.replace('20%', '30%'), { index, revisions, locale: 'en' });
    expect(r.reasons[0]!.message).toMatch(/figure/);
  });

  it('refuses bad input with VALIDATION and paths', async () => {
    const fail = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        expect(isGovpubError(e) && e.code).toBe('VALIDATION');
        return (e as { details: { issues: { path: unknown[] }[] } }).details.issues.map((i) => i.path.join('.'));
      }
      throw new Error('expected a VALIDATION error');
    };
    expect(await fail(trace('', { index, revisions }))).toEqual(['']);
    expect(await fail(trace('x', { index: {} as never, revisions: 3 as never }))).toEqual(['index', 'revisions']);
    const broken = new Map([['doc-water@2', { ...WATER_NOTICE, publishedAt: 'yesterday' }]]);
    expect(await fail(trace(WATER_NOTICE.body, { index, revisions: broken }))).toEqual(['revisions.doc-water@2.publishedAt']);
  });

  it('indexRevisions builds the index and the map trace needs, refusing duplicate ids', async () => {
    const built = indexRevisions([WATER_NOTICE, WATER_NOTICE_R1, FLU_NOTICE]);
    expect(built.index.size).toBe(3);
    const r = await trace(WATER_NOTICE.body.replace('20%', '30%'), built);
    expect(r.revision?.id).toBe('doc-water@2');
    expect(r.changes[0]).toMatchObject({ kind: 'figure', original: '20%', copy: '30%' });
    expect(() => indexRevisions([WATER_NOTICE, WATER_NOTICE])).toThrow(/duplicate revision id/);
  });
});
