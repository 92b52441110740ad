import { describe, expect, it } from 'vitest';
import { createFinding, type Gate } from '../../src/index';
import { approvedDocument, setup, staff } from './fixtures';

describe('scheduling', () => {
  it('schedules, lists due documents when their time comes, and publishes them', async () => {
    const { publisher, time } = setup();
    const doc = await approvedDocument(publisher);
    const scheduled = await publisher.schedule(doc.id, staff.publisher, '2026-03-01T10:00:00+08:00');
    expect(scheduled).toMatchObject({ state: 'scheduled', scheduledAt: '2026-03-01T02:00:00.000Z' });

    expect(await publisher.due()).toEqual([]);
    await expect(publisher.publish(doc.id, staff.publisher)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    time.set('2026-03-01T02:00:00.000Z');
    const due = await publisher.due();
    expect(due.map((d) => d.id)).toEqual([doc.id]);
    const { document } = await publisher.publish(doc.id, staff.publisher);
    expect(document).toMatchObject({ state: 'published', scheduledAt: null });
    expect(await publisher.due()).toEqual([]);
  });

  it('unschedules back to approved, and refuses times in the past', async () => {
    const { publisher } = setup();
    const doc = await approvedDocument(publisher);
    await expect(publisher.schedule(doc.id, staff.publisher, '2026-02-01T00:00:00Z')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(publisher.schedule(doc.id, staff.publisher, 'tomorrow')).rejects.toMatchObject({ code: 'VALIDATION' });
    await publisher.schedule(doc.id, staff.publisher, new Date('2026-03-02T00:00:00Z'));
    const back = await publisher.unschedule(doc.id, staff.publisher);
    expect(back).toMatchObject({ state: 'approved', scheduledAt: null });
    expect((await publisher.history(doc.id)).map((e) => e.type).slice(-2)).toEqual(['scheduled', 'unscheduled']);
  });

  it('re-checks every gate when a scheduled document is published', async () => {
    let embargoed = false;
    const embargo: Gate = {
      id: 'embargo',
      phases: ['publish'],
      check: ({ document }) =>
        embargoed
          ? [createFinding(document.body, { ruleId: 'house/embargo', severity: 'error', message: '发布前须等待新闻发布会结束', start: 0, end: 0 })]
          : [],
    };
    const { publisher, time, storage } = setup({ gates: [embargo] });
    const doc = await approvedDocument(publisher);
    await publisher.schedule(doc.id, staff.publisher, '2026-03-01T02:00:00Z');
    embargoed = true;
    time.set('2026-03-01T03:00:00Z');
    const before = await storage.getDocument(doc.id);
    await expect(publisher.publish(doc.id, staff.publisher)).rejects.toMatchObject({ code: 'CHECKS_FAILED' });
    expect(await storage.getDocument(doc.id)).toEqual(before);
  });
});
