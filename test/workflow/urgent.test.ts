import { describe, expect, it } from 'vitest';
import { notice, setup, staff } from './fixtures';

describe('publishUrgent', () => {
  it('publishes a draft at once, records the reason and leaves the steps owed', async () => {
    const { publisher } = setup();
    const doc = await publisher.createDraft({ ...notice, title: '地震应急避险提示' }, staff.author);
    await expect(publisher.publishUrgent(doc.id, staff.publisher, '震后五分钟内须发布')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(publisher.publishUrgent(doc.id, staff.chief, ' ')).rejects.toMatchObject({ code: 'VALIDATION' });

    const { document, outputs } = await publisher.publishUrgent(doc.id, staff.chief, '震后五分钟内须发布');
    expect(document.state).toBe('published');
    expect(outputs.map((o) => o.channel)).toEqual(['website']);
    expect(document.retrospectiveReview).toMatchObject({ reason: '震后五分钟内须发布', actorId: 'zhou.min', pendingSteps: ['initial', 'secondary', 'final'] });
    expect((await publisher.list({ needsRetrospectiveReview: true })).items.map((d) => d.id)).toEqual([doc.id]);
    const event = (await publisher.history(doc.id)).at(-1)!;
    expect(event).toMatchObject({ type: 'published', data: { urgent: true, reason: '震后五分钟内须发布' } });
  });

  it('clears the obligation once every missing step is signed, by distinct non-authors', async () => {
    const { publisher } = setup();
    const doc = await publisher.createDraft(notice, staff.author);
    await publisher.submit(doc.id, staff.author);
    await publisher.review(doc.id, staff.reviewer1, { decision: 'approve' });
    const { document } = await publisher.publishUrgent(doc.id, staff.chief, '汛情紧急');
    expect(document.retrospectiveReview!.pendingSteps).toEqual(['secondary', 'final']);

    await expect(publisher.review(doc.id, staff.reviewer1, { decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(publisher.review(doc.id, staff.chief, { decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(publisher.review(doc.id, staff.reviewer2, { decision: 'reject', comment: '不妥' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await publisher.review(doc.id, staff.reviewer2, { decision: 'approve' });
    const done = await publisher.review(doc.id, staff.approver, { decision: 'approve' });
    expect(done).toMatchObject({ state: 'published', retrospectiveReview: null });
    expect((await publisher.list({ needsRetrospectiveReview: true })).items).toEqual([]);
    await expect(publisher.review(doc.id, staff.approver2, { decision: 'approve' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('is not allowed once a document is approved: publish it normally', async () => {
    const { publisher } = setup();
    const doc = await publisher.createDraft(notice, staff.author);
    await publisher.submit(doc.id, staff.author);
    await publisher.review(doc.id, staff.reviewer1, { decision: 'reject', comment: '退回' });
    await expect(publisher.publishUrgent(doc.id, staff.chief, '紧急')).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});
