import { describe, expect, it } from 'vitest';
import { isGovpubError, type Actor } from '../../src/index';
import { approvedDocument, dump, notice, setup, staff } from './fixtures';

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    if (isGovpubError(e)) return { code: e.code, message: e.message, reasons: ((e.details?.reasons ?? []) as { code: string }[]).map((r) => r.code) };
    throw e;
  }
  throw new Error('expected a refusal');
}

async function inReview() {
  const ctx = setup();
  const doc = await ctx.publisher.createDraft(notice, staff.author);
  await ctx.publisher.submit(doc.id, staff.author);
  return { ...ctx, id: doc.id };
}

describe('separation of duties', () => {
  it('never lets the author review their own draft, whatever roles they hold', async () => {
    const { publisher, storage } = setup();
    const boss: Actor = { id: 'boss', roles: ['author', 'reviewer', 'approver', 'admin'], department: 'office' };
    const doc = await publisher.createDraft(notice, boss);
    await publisher.submit(doc.id, boss);
    const before = await dump(storage, [doc.id]);
    expect(await refusal(publisher.review(doc.id, boss, { decision: 'approve' }))).toMatchObject({ code: 'FORBIDDEN', reasons: expect.arrayContaining(['SELF_REVIEW']) });
    expect(await refusal(publisher.review(doc.id, boss, { decision: 'reject', comment: '重写' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await dump(storage, [doc.id])).toEqual(before);
  });

  it('never lets one person sign two steps of the same revision', async () => {
    const { publisher, id } = await inReview();
    const both: Actor = { id: 'li.na', roles: ['reviewer', 'approver'], department: 'office' };
    await publisher.review(id, both, { decision: 'approve' });
    expect(await refusal(publisher.review(id, both, { decision: 'approve' }))).toMatchObject({ code: 'FORBIDDEN', reasons: expect.arrayContaining(['SIGNED_OTHER_STEP']) });
    await publisher.review(id, staff.reviewer2, { decision: 'approve' });
    expect(await refusal(publisher.review(id, both, { decision: 'approve' }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets only the roles of the step sign it: the final step needs an approver', async () => {
    const { publisher, id } = await inReview();
    await publisher.review(id, staff.reviewer1, { decision: 'approve' });
    await publisher.review(id, staff.reviewer2, { decision: 'approve' });
    const third: Actor = { id: 'third', roles: ['reviewer'], department: 'office' };
    expect(await refusal(publisher.review(id, third, { decision: 'approve' }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('approver') });
    expect((await publisher.review(id, staff.approver, { decision: 'approve' })).state).toBe('approved');
  });

  it('scopes reviewers to their department unless admin', async () => {
    const { publisher, id } = await inReview();
    expect(await refusal(publisher.review(id, staff.outsider, { decision: 'approve' }))).toMatchObject({ code: 'FORBIDDEN', reasons: expect.arrayContaining(['WRONG_DEPARTMENT']) });
    expect((await publisher.review(id, staff.admin, { decision: 'approve' })).currentStep).toBe('secondary');
  });

  it('lets colleagues of the same department edit, and nobody else', async () => {
    const { publisher } = setup();
    const doc = await publisher.createDraft(notice, staff.author);
    await publisher.updateDraft(doc.id, { summary: '临时停水' }, staff.coauthor, { expectedVersion: 1 });
    const stranger: Actor = { id: 'x', roles: ['author'], department: 'health' };
    expect(await refusal(publisher.updateDraft(doc.id, { summary: '改' }, stranger, { expectedVersion: 2 }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('needs publisher to publish, schedule and withdraw', async () => {
    const { publisher } = setup();
    const doc = await approvedDocument(publisher);
    expect(await refusal(publisher.publish(doc.id, staff.approver))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(publisher.schedule(doc.id, staff.author, '2026-03-02T00:00:00Z'))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('uses configurable review steps and permissions', async () => {
    const { publisher } = setup({
      reviewSteps: [{ id: 'check', roles: ['reviewer'] }, { id: 'sign-off', roles: ['approver'] }],
      permissions: { publish: ['publisher', 'admin'] },
    });
    const doc = await publisher.createDraft(notice, staff.author);
    await publisher.submit(doc.id, staff.author);
    await publisher.review(doc.id, staff.reviewer1, { decision: 'approve' });
    expect((await publisher.review(doc.id, staff.approver, { decision: 'approve' })).state).toBe('approved');
    expect(await refusal(publisher.publish(doc.id, staff.publisher))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('admin') });
    const superPublisher: Actor = { id: 'sp', roles: ['publisher', 'admin'] };
    expect((await publisher.publish(doc.id, superPublisher)).document.state).toBe('published');
  });

  it('refuses bad publisher options with VALIDATION', async () => {
    expect(() => setup({ reviewSteps: [] })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => setup({ reviewSteps: [{ id: 'a', roles: ['reviewer'] }, { id: 'a', roles: ['approver'] }] })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => setup({ storage: {} as never })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('can()', () => {
  it('returns every reason that stops an action, not just the first', async () => {
    const { publisher } = setup();
    const doc = await publisher.createDraft(notice, staff.author);
    // The author, in draft, trying to approve: wrong state, wrong role, own draft.
    const answer = await publisher.can(doc.id, staff.author, 'approve');
    expect(answer.ok).toBe(false);
    expect(answer.details.map((r) => r.error).sort()).toEqual(['FORBIDDEN', 'FORBIDDEN', 'INVALID_TRANSITION']);
    expect(answer.details.map((r) => r.code).sort()).toEqual(['MISSING_ROLE', 'SELF_REVIEW', 'WRONG_STATE']);
    expect(answer.reasons).toHaveLength(3);
  });

  it('says ok when the action would pass the policy and the state', async () => {
    const { publisher, id } = await inReview();
    expect(await publisher.can(id, staff.reviewer1, 'approve')).toEqual({ ok: true, reasons: [], details: [] });
    expect((await publisher.can(id, staff.reviewer1, 'publish')).ok).toBe(false);
  });
});
