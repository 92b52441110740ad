import { describe, expect, it } from 'vitest';
import { createPublisher, memoryAdapter } from '../../src/index';
import { manualClock, notice, staff } from './fixtures';

describe('publishDue', () => {
  it('publishes each due document exactly once when two instances over one store race', async () => {
    const storage = memoryAdapter();
    const time = manualClock();
    let n = 0;
    const make = () => createPublisher({ storage, clock: time.clock, idGenerator: () => `doc-${++n}`, caliber: false, duplicates: false });
    const [a, b] = [make(), make()];
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const doc = await a.createDraft({ ...notice, title: `第${i + 1}号通知`, body: `第${i + 1}号通知正文。` }, staff.author);
      await a.submit(doc.id, staff.author);
      for (const r of [staff.reviewer1, staff.reviewer2, staff.approver]) await b.review(doc.id, r, { decision: 'approve' });
      // Half due in an hour, half tomorrow.
      await a.schedule(doc.id, staff.publisher, new Date(time.clock().getTime() + (i % 2 ? 86_400_000 : 3_600_000)));
      ids.push(doc.id);
    }
    time.advance(2 * 3_600_000);
    const [ra, rb] = await Promise.all([a.publishDue(staff.publisher), b.publishDue(staff.publisher)]);
    const published = [...ra.published, ...rb.published].map((p) => p.document.id).sort();
    expect(published).toEqual(ids.filter((_, i) => i % 2 === 0).sort());
    // What one instance lost to the other is a reported skip with a reason, never an error.
    for (const s of [...ra.skipped, ...rb.skipped]) expect(s).toMatchObject({ code: 'ALREADY_HANDLED', reason: expect.stringContaining('another instance') });
    expect(ra.published.length + rb.published.length).toBe(published.length);
    // Both instances listed the same due documents, so they did race for them.
    expect(ra.skipped.length + rb.skipped.length).toBeGreaterThan(0);
    for (const id of ids) {
      const events = (await a.history(id)).filter((e) => e.type === 'published');
      expect(events.length).toBe(ids.indexOf(id) % 2 === 0 ? 1 : 0);
    }
    // Nothing is due any more; tomorrow's documents wait.
    expect(await a.publishDue(staff.publisher)).toEqual({ published: [], skipped: [] });
  });

  it('validates its input and needs the publisher role', async () => {
    const p = createPublisher({ storage: memoryAdapter() });
    await expect(p.publishDue({ id: '', roles: ['publisher'] })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(p.publishDue(staff.publisher, 'yesterday')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(p.publishDue(staff.author)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
