// Tracing over what storage holds, after real lifecycles through createPublisher: the live
// published revisions and the withdrawn ones are found; superseded texts are not kept.
import { describe, expect, it } from 'vitest';
import { createDuplicateIndex, memoryAdapter } from '../../src/index';
import { revisionFromStorage, storedRevisions, traceInStorage } from '../../src/trace/index';
import { floodNotice, revisedWaterBody, roadNotice, runScenario, waterNotice } from '../inspection/storage-scenario';

async function scenarioStorage() {
  const storage = memoryAdapter();
  const scenario = await runScenario(storage);
  return { storage, ...scenario };
}

describe('traceInStorage', () => {
  it('traces a modified copy of a published notice to it, the changed figure as the headline', async () => {
    const { storage, ids } = await scenarioStorage();
    const copy = `${floodNotice.title}\n\n${floodNotice.body.replace('3月9日夜间至10日白天', '3月9日夜间至12日白天')}`;
    const result = await traceInStorage(storage, copy);
    expect(result.revision).toMatchObject({ id: `${ids.flood}@1`, documentId: ids.flood, revision: 1, withdrawn: false });
    expect(result.verdict).toBe('altered');
    expect(result.changes).toEqual([expect.objectContaining({ original: expect.stringContaining('10日'), copy: expect.stringContaining('12日') })]);
  });

  it('traces a copy of a withdrawn revision and flags it withdrawn', async () => {
    const { storage, ids } = await scenarioStorage();
    const page = `首页 > 通知公告\n\n${roadNotice.title}\n\n${roadNotice.body}\n\n上一篇：关于春季植树的倡议`;
    const result = await traceInStorage(storage, page);
    expect(result.revision).toMatchObject({ documentId: ids.road, withdrawn: true });
    expect(result.verdict).toBe('faithful');
    expect(result.reasons.map((r) => r.code)).toContain('revision-withdrawn');
  });

  it('finds the live revision of a revised document; the superseded text is not in storage', async () => {
    const { storage, ids } = await scenarioStorage();
    const current = await traceInStorage(storage, `${waterNotice.title}\n\n${revisedWaterBody}`);
    expect(current.revision).toMatchObject({ id: `${ids.water}@2`, revision: 2 });
    // A copy of revision 1 (18时) can only be compared with what storage kept, revision 2 (20时):
    // it comes out as an altered copy of revision 2, not as a faithful copy of revision 1.
    const old = await traceInStorage(storage, `${waterNotice.title}\n\n${waterNotice.body}`);
    expect(old.revision!.revision).toBe(2);
    expect(old.verdict).toBe('altered');
  });

  it('says unrelated for an article on the same topic that copies nothing', async () => {
    const { storage } = await scenarioStorage();
    const result = await traceInStorage(storage, '记者从市水务集团获悉，今年我市将改造老旧供水管网一百二十公里，涉及二十个小区，预计年底前完工，届时居民用水水压将明显改善。');
    expect(result.verdict).toBe('unrelated');
  });

  it('uses a prebuilt index, resolving its ids from storage', async () => {
    const { storage, ids } = await scenarioStorage();
    const index = createDuplicateIndex();
    const seen: string[] = [];
    for await (const r of storedRevisions(storage, { pageSize: 2 })) {
      index.add(r.id, `${r.title}\n\n${r.body}`);
      seen.push(r.id);
    }
    // doc-5 (the SMS draft) was never published; doc-1 holds its revision 2 only.
    expect(seen).toEqual([`${ids.water}@2`, `${ids.flood}@1`, `${ids.road}@1`, `${ids.repost}@1`]);
    const result = await traceInStorage(storage, `${floodNotice.title}\n\n${floodNotice.body}`, { index });
    expect(result).toMatchObject({ verdict: 'faithful', revision: { id: `${ids.flood}@1` } });
    const lookup = revisionFromStorage(storage);
    expect(await lookup(`${ids.water}@1`)).toBeNull(); // superseded: no longer stored
    expect(await lookup('no-such-doc@1')).toBeNull();
    expect(await lookup('no-revision')).toBeNull();
  });

  it('refuses bad input with VALIDATION and the path', async () => {
    const storage = memoryAdapter();
    await expect(traceInStorage(storage, '')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(traceInStorage(storage, '正文', { candidates: 0 })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [expect.objectContaining({ path: ['candidates'] })] },
    });
    await expect(traceInStorage(storage, '正文', { revisions: new Map() })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [expect.objectContaining({ path: ['revisions'] })] },
    });
    await expect(traceInStorage({} as never, '正文')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('on empty storage, nothing is a candidate', async () => {
    const result = await traceInStorage(memoryAdapter(), `${floodNotice.title}\n\n${floodNotice.body}`);
    expect(result).toMatchObject({ verdict: 'unrelated', revision: null });
  });
});
