// Tracing over what storage holds, after real lifecycles through createPublisher: the live
// published revisions, the withdrawn ones and the superseded ones (whose text the
// `published` event keeps) are found, on the memory adapter and on PostgreSQL (PGlite).
import { memoryAndPGlite } from '../inspection/storage-adapters';
import { describe, expect, it, vi } from 'vitest';

// PGlite runs PostgreSQL in WebAssembly on one thread: migrating and running the lifecycles
// takes tens of seconds on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });
import { createDuplicateIndex, createPublisher } from '../../src/index';
import { revisionFromStorage, storedRevisions, traceInStorage } from '../../src/trace/index';
import { floodNotice, revisedWaterBody, roadNotice, runScenario, staff, waterNotice } from '../inspection/storage-scenario';


const adapters = memoryAndPGlite('trace');

describe.each(adapters)('traceInStorage — %s', (_name, makeStorage) => {
  async function scenarioStorage() {
    const storage = await makeStorage();
    const scenario = await runScenario(storage);
    return { storage, ...scenario };
  }

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

  it('tells a copy of the superseded revision from the live one: v1 traces to v1, faithful, flagged superseded', async () => {
    const { storage, ids } = await scenarioStorage();
    const current = await traceInStorage(storage, `${waterNotice.title}\n\n${revisedWaterBody}`);
    expect(current.revision).toMatchObject({ id: `${ids.water}@2`, revision: 2, superseded: false });
    expect(current.verdict).toBe('faithful');
    // Revision 1 said the water is off until 18时; revision 2 corrected it to 20时.
    const old = await traceInStorage(storage, `${waterNotice.title}\n\n${waterNotice.body}`);
    expect(old.revision).toMatchObject({ id: `${ids.water}@1`, revision: 1, superseded: true, withdrawn: false, body: waterNotice.body });
    expect(old.verdict).toBe('faithful');
    expect(old.reasons.map((r) => r.code)).toContain('revision-superseded');
  });

  it('traces a copy of a revision that was withdrawn and then replaced by a corrected one', async () => {
    const storage = await makeStorage();
    let clock = Date.parse('2026-05-04T01:00:00.000Z');
    const publisher = createPublisher({ storage, clock: () => new Date((clock += 60_000)), idGenerator: () => 'notice-1' });
    const doc = await publisher.createDraft({ ...roadNotice, channels: ['website'] }, staff.author);
    const review = async () => {
      await publisher.submit(doc.id, staff.author);
      for (const who of [staff.reviewer1, staff.reviewer2, staff.approver]) await publisher.review(doc.id, who, { decision: 'approve' });
    };
    await review();
    await publisher.publish(doc.id, staff.publisher);
    await publisher.withdraw(doc.id, staff.chief, '管制时段有误');
    const draft = await publisher.revise(doc.id, staff.author);
    await publisher.updateDraft(doc.id, { body: roadNotice.body.replace('22时', '23时') }, staff.author, { expectedVersion: draft.version });
    await review();
    await publisher.publish(doc.id, staff.publisher);
    const copy = await traceInStorage(storage, `${roadNotice.title}\n\n${roadNotice.body}`);
    expect(copy.revision).toMatchObject({ id: 'notice-1@1', superseded: true, withdrawn: true });
    expect(copy.verdict).toBe('faithful');
    expect(copy.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['revision-withdrawn', 'revision-superseded']));
    const revisions = [];
    for await (const r of storedRevisions(storage)) revisions.push([r.id, r.withdrawn, r.superseded]);
    expect(revisions).toEqual([
      ['notice-1@1', true, true],
      ['notice-1@2', false, false],
    ]);
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
    // doc-5 (the SMS draft) was never published; doc-1 has its superseded revision 1 and its live revision 2.
    expect(seen).toEqual([`${ids.water}@1`, `${ids.water}@2`, `${ids.flood}@1`, `${ids.road}@1`, `${ids.repost}@1`]);
    const result = await traceInStorage(storage, `${floodNotice.title}\n\n${floodNotice.body}`, { index });
    expect(result).toMatchObject({ verdict: 'faithful', revision: { id: `${ids.flood}@1` } });
    const lookup = revisionFromStorage(storage);
    expect(await lookup(`${ids.water}@1`)).toMatchObject({ revision: 1, superseded: true, body: waterNotice.body });
    expect(await lookup(`${ids.water}@3`)).toBeNull();
    expect(await lookup('no-such-doc@1')).toBeNull();
    expect(await lookup('no-revision')).toBeNull();
  });

  it('refuses bad input with VALIDATION and the path', async () => {
    const storage = await makeStorage();
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
    const result = await traceInStorage(await makeStorage(), `${floodNotice.title}\n\n${floodNotice.body}`);
    expect(result).toMatchObject({ verdict: 'unrelated', revision: null });
  });
});
