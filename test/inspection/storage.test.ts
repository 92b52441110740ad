// Inspection over what storage holds, after real lifecycles through createPublisher: on the
// memory adapter and on PostgreSQL (PGlite), which must give the same answers.
import { memoryAndPGlite } from './storage-adapters';
import { describe, expect, it, vi } from 'vitest';

// PGlite runs PostgreSQL in WebAssembly on one thread: migrating and running the lifecycles
// takes tens of seconds on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });
import { createPublisher, memoryAdapter, type StorageAdapter } from '../../src/index';
import { cadenceAlertsFromStorage, collectPublicationRecords, inspectStorage, publicationRecords } from '../../src/inspection/index';
import { recordsFromDocumentAlone, recordsOfDocument } from '../../src/inspection/storage-records';
import { at, roadNotice, runScenario, staff } from './storage-scenario';

const window = { from: '2026-03-01T00:00:00+08:00', to: '2026-03-31T23:59:59+08:00' };
/** 1 April 10:00 Beijing time. */
const now = '2026-04-01T02:00:00.000Z';


const adapters = memoryAndPGlite('inspection');

describe.each(adapters)('inspection over storage — %s', (_name, makeStorage) => {
  let storage: StorageAdapter;
  let scenario: Awaited<ReturnType<typeof runScenario>>;
  const ready = (async () => {
    storage = await makeStorage();
    scenario = await runScenario(storage);
  })();

  it('turns every published revision into one record per channel, from documents and their events', async () => {
    await ready;
    const records = await collectPublicationRecords(storage, { to: now });
    const summary = records.map((r) => [r.documentId, r.revision, r.accountId, r.publishedAt, r.urgent, r.retrospectivePending, r.original, r.withdrawnAt ?? null, r.correctionOf ?? null]);
    expect(summary).toEqual([
      ['doc-1', 1, 'website', at.waterPublished, false, false, true, null, null],
      ['doc-1', 1, 'wechat', at.waterPublished, false, false, true, null, null],
      ['doc-1', 2, 'website', at.waterRepublished, false, false, true, null, 'doc-1'],
      ['doc-1', 2, 'wechat', at.waterRepublished, false, false, true, null, 'doc-1'],
      ['doc-2', 1, 'wechat', at.floodUrgent, true, true, true, null, null],
      ['doc-3', 1, 'website', at.roadPublished, false, false, true, at.roadWithdrawn, null],
      ['doc-4', 1, 'weibo', at.repostPublished, false, false, false, null, null],
    ]);
    // The waived 最 of the flood warning and the 近期 warning of the road notice, by checker.
    expect(records.find((r) => r.documentId === 'doc-2')!.findingsByCategory).toEqual({ caliber: { caught: 1, waived: 1 } });
    expect(records.find((r) => r.documentId === 'doc-3')!.findingsByCategory).toEqual({ caliber: { caught: 1, waived: 0 } });
    // The window bounds apply to the publication instant.
    const inMarchSecondHalf: string[] = [];
    for await (const r of publicationRecords(storage, { from: '2026-03-15T00:00:00+08:00', to: '2026-03-19T00:00:00+08:00', pageSize: 1 })) inMarchSecondHalf.push(r.documentId);
    expect(inMarchSecondHalf).toEqual(['doc-3']);
  });

  it('skips reading events only where the document says the same as its events', async () => {
    await ready;
    const byChannel = (c: string) => [c];
    const skipped: string[] = [];
    for (const id of Object.values(scenario.ids)) {
      const doc = (await storage.getDocument(id))!;
      const alone = recordsFromDocumentAlone(doc, byChannel);
      if (alone === null) continue;
      skipped.push(id);
      expect(alone).toEqual(recordsOfDocument(doc, await storage.getEvents(id), byChannel));
    }
    // The urgent one with its review open and the repost; not the revised document (two
    // publications), the withdrawn one, nor the never-published draft.
    expect(skipped).toEqual([scenario.ids.flood, scenario.ids.repost]);
  });

  it('inspects each channel account: days since, the 14-day fail date, withdrawals, urgent items, originality', async () => {
    await ready;
    const result = await inspectStorage(storage, { ...window, now });
    const by = Object.fromEntries(result.accounts.map((a) => [a.accountId, a]));
    expect(Object.keys(by).sort()).toEqual(['sms', 'website', 'wechat', 'weibo']);
    expect(by.wechat).toMatchObject({
      name: '微信公众号',
      verdict: 'fail',
      publications: 3,
      lastPublishedAt: '2026-03-12T11:00:00.000+08:00',
      daysSinceLast: 20,
      // Last update 12 March: 14 more days are within the rule, the 15th (27 March) is not.
      failsOn: '2026-03-27',
      daysLeft: 0,
      urgentAwaitingReview: 1,
      corrections: 1,
      withdrawals: 0,
      findings: { caliber: { caught: 1, waived: 1 } },
    });
    expect(by.wechat!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['silent-too-long', 'urgent-awaiting-review']));
    expect(by.website).toMatchObject({ name: '门户网站', publications: 2, withdrawals: 1, corrections: 1, daysSinceLast: 20, failsOn: '2026-03-27' });
    expect(by.website!.reasons.map((r) => r.code)).toContain('withdrawals');
    // A declared repost is not original content.
    expect(by.weibo).toMatchObject({ name: '微博', publications: 1, originality: { original: 0, reposted: 1, share: 0 }, daysSinceLast: 12, failsOn: '2026-04-04', daysLeft: 3 });
    expect(by.weibo!.reasons.map((r) => r.code)).toContain('fails-soon');
    // A channel documents target but nothing was ever published to.
    expect(by.sms).toMatchObject({ name: '短信', verdict: 'fail', publications: 0, lastPublishedAt: null });
    expect(by.sms!.reasons.map((r) => r.code)).toEqual(['never-published']);
  });

  it('warns the host timer with the date each account would fail', async () => {
    await ready;
    const alerts = await cadenceAlertsFromStorage(storage, { now: '2026-03-24T02:00:00.000Z', warnAfterDays: 10 });
    const by = Object.fromEntries(alerts.map((a) => [a.accountId, a]));
    expect(by.wechat).toMatchObject({ daysSince: 12, failsOn: '2026-03-27', failed: false, daysLeft: 3 });
    expect(by.wechat!.message).toContain('2026-03-27');
    expect(by.weibo).toBeUndefined(); // 4 days since its repost
  });

  it('attributes publications to the accounts the host names, with their cadence', async () => {
    await ready;
    const accounts = [{ id: 'city-wechat', name: '某市发布', channel: 'wechat', cadence: { everyDays: 7 } }];
    const result = await inspectStorage(storage, { ...window, now: '2026-03-18T02:00:00.000Z', accounts });
    expect(result.accounts).toHaveLength(1);
    expect(result.accounts[0]).toMatchObject({ accountId: 'city-wechat', publications: 3, daysSinceLast: 6, limitDays: 7, limitRule: 'local', failsOn: '2026-03-20' });
  });

  it('follows storage: once the retrospective review is signed, nothing awaits review', async () => {
    await ready;
    const { publisher, ids } = scenario;
    await publisher.review(ids.flood, staff.reviewer1, { decision: 'approve' });
    await publisher.review(ids.flood, staff.reviewer2, { decision: 'approve' });
    await publisher.review(ids.flood, staff.approver, { decision: 'approve' });
    const records = await collectPublicationRecords(storage, { to: now });
    expect(records.find((r) => r.documentId === ids.flood)).toMatchObject({ urgent: true, retrospectivePending: false });
    const result = await inspectStorage(storage, { ...window, now });
    expect(result.accounts.find((a) => a.accountId === 'wechat')!.urgentAwaitingReview).toBe(0);
  });

  it('refuses bad input with VALIDATION and the path of each problem', async () => {
    await ready;
    await expect(inspectStorage(storage, { ...window, now: 'yesterday' })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [expect.objectContaining({ path: ['now'] })] },
    });
    await expect(inspectStorage({} as StorageAdapter, { ...window, now })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(cadenceAlertsFromStorage(storage, { now, warnAfterDays: -1 })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [expect.objectContaining({ path: ['warnAfterDays'] })] },
    });
    await expect(collectPublicationRecords(storage, { to: now, pageSize: 0 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('inspection over storage — the same answers on every adapter', () => {
  it('memory and PostgreSQL (PGlite) agree on the records and the inspection', async () => {
    const results = [];
    for (const [, make] of adapters) {
      const storage = await make();
      await runScenario(storage);
      results.push({ records: await collectPublicationRecords(storage, { to: now }), inspection: await inspectStorage(storage, { ...window, now }) });
    }
    expect(results[1]).toEqual(results[0]);
  });
});

describe('publicationRecords — a revision withdrawn, then corrected and republished', () => {
  it('keeps the withdrawn revision (with its withdrawal) and counts the new one as a correction', async () => {
    const storage = memoryAdapter();
    let clock = Date.parse('2026-05-04T01:00:00.000Z');
    const publisher = createPublisher({ storage, clock: () => new Date((clock += 60_000)), idGenerator: () => 'notice-1' });
    const doc = await publisher.createDraft({ ...roadNotice, channels: ['website', 'wechat'] }, staff.author);
    const review = async () => {
      await publisher.submit(doc.id, staff.author);
      for (const who of [staff.reviewer1, staff.reviewer2, staff.approver]) await publisher.review(doc.id, who, { decision: 'approve' });
    };
    await review();
    const first = (await publisher.publish(doc.id, staff.publisher)).document.published!;
    const withdrawn = (await publisher.withdraw(doc.id, staff.chief, '管制时段有误')).published!.withdrawn!;
    const draft = await publisher.revise(doc.id, staff.author);
    await publisher.updateDraft(doc.id, { body: roadNotice.body.replace('22时', '23时') }, staff.author, { expectedVersion: draft.version });
    await review();
    const second = (await publisher.publish(doc.id, staff.publisher)).document.published!;
    const records = await collectPublicationRecords(storage, { to: '2026-06-01T00:00:00+08:00' });
    expect(records.map((r) => [r.revision, r.channel, r.publishedAt, r.withdrawnAt ?? null, r.correctionOf ?? null])).toEqual([
      [1, 'website', first.publishedAt, withdrawn.at, null],
      [1, 'wechat', first.publishedAt, withdrawn.at, null],
      [2, 'website', second.publishedAt, null, 'notice-1'],
      [2, 'wechat', second.publishedAt, null, 'notice-1'],
    ]);
  });
});
