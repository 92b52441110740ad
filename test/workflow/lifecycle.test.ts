import { describe, expect, it } from 'vitest';
import { isGovpubError } from '../../src/index';
import { approvedDocument, dump, notice, setup, staff } from './fixtures';

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (isGovpubError(e)) return e.code;
    throw e;
  }
  return 'no error';
}

describe('the document lifecycle', () => {
  it('goes draft → three reviews → approved → published, one audit event per effect', async () => {
    const { publisher } = setup();
    const draft = await publisher.createDraft(notice, staff.author);
    expect(draft).toMatchObject({ id: 'doc-1', version: 1, revision: 1, state: 'draft', authorId: 'zhang.wei', level: 'public', channels: ['website'] });

    const inReview = await publisher.submit(draft.id, staff.author);
    expect(inReview).toMatchObject({ state: 'in_review', currentStep: 'initial', version: 2 });
    expect((await publisher.review(draft.id, staff.reviewer1, { decision: 'approve' })).currentStep).toBe('secondary');
    expect((await publisher.review(draft.id, staff.reviewer2, { decision: 'approve' })).currentStep).toBe('final');
    const approved = await publisher.review(draft.id, staff.approver, { decision: 'approve', comment: '同意发布' });
    expect(approved.state).toBe('approved');
    expect(approved.signatures.map((s) => [s.step, s.actorId])).toEqual([
      ['initial', 'li.na'],
      ['secondary', 'wang.fang'],
      ['final', 'zhao.lei'],
    ]);

    const { document, outputs } = await publisher.publish(draft.id, staff.publisher);
    expect(document.state).toBe('published');
    expect(outputs).toHaveLength(1);
    expect(outputs[0]).toMatchObject({ channel: 'website', ok: true, sourceRevision: 1 });
    expect(document.published).toMatchObject({ revision: 1, publishedBy: 'sun.li', withdrawn: null });
    expect(document.published!.outputs[0]!.contentHash).toBe(outputs[0]!.contentHash);

    const history = await publisher.history(draft.id);
    expect(history.map((e) => e.type)).toEqual(['created', 'submitted', 'approved', 'approved', 'approved', 'published']);
    expect(history.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(history[5]!.data).toMatchObject({ outputs: [{ channel: 'website', sourceRevision: 1 }] });
    expect(await publisher.verifyHistory(draft.id)).toMatchObject({ ok: true, count: 6 });
  });

  it('rejects with a comment; the author corrects and the review starts over', async () => {
    const { publisher } = setup();
    const doc = await publisher.createDraft(notice, staff.author);
    await publisher.submit(doc.id, staff.author);
    await publisher.review(doc.id, staff.reviewer1, { decision: 'approve' });
    expect(await code(publisher.review(doc.id, staff.reviewer2, { decision: 'reject' }))).toBe('VALIDATION');
    expect(await code(publisher.review(doc.id, staff.reviewer2, { decision: 'reject', comment: '  ' }))).toBe('VALIDATION');
    const rejected = await publisher.review(doc.id, staff.reviewer2, { decision: 'reject', comment: '停水时间与供水公司通告不一致' });
    expect(rejected).toMatchObject({ state: 'rejected', signatures: [], currentStep: null });

    const fixed = await publisher.updateDraft(doc.id, { body: notice.body.replace('18时', '17时') }, staff.author, { expectedVersion: rejected.version });
    expect(fixed.state).toBe('draft');
    const resubmitted = await publisher.submit(doc.id, staff.author);
    expect(resubmitted).toMatchObject({ state: 'in_review', currentStep: 'initial', signatures: [] });
    // The reviewer who signed before the rejection may sign again: it is a new review round.
    await publisher.review(doc.id, staff.reviewer1, { decision: 'approve' });

    const events = await publisher.history(doc.id);
    const updated = events.find((e) => e.type === 'updated')!;
    expect(updated.data).toMatchObject({ fields: ['body'], body: { added: 1, removed: 1 } });
    expect(events.find((e) => e.type === 'rejected')!.data).toMatchObject({ step: 'secondary', comment: '停水时间与供水公司通告不一致' });
  });

  it('lets a rejected draft be resubmitted directly', async () => {
    const { publisher } = setup();
    const doc = await publisher.createDraft(notice, staff.author);
    await publisher.submit(doc.id, staff.author);
    await publisher.review(doc.id, staff.reviewer1, { decision: 'reject', comment: '请补充联系电话' });
    expect((await publisher.submit(doc.id, staff.author)).state).toBe('in_review');
  });

  it('edits only drafts and rejected drafts, with the version the editor read', async () => {
    const { publisher, storage } = setup();
    const doc = await publisher.createDraft(notice, staff.author);
    expect(await code(publisher.updateDraft(doc.id, { title: '新标题' }, staff.author, { expectedVersion: 7 }))).toBe('CONFLICT');
    const edited = await publisher.updateDraft(doc.id, { title: '新标题' }, staff.author, { expectedVersion: 1 });
    expect(edited).toMatchObject({ title: '新标题', version: 2 });
    expect(await code(publisher.updateDraft(doc.id, {}, staff.author, { expectedVersion: 2 }))).toBe('VALIDATION');
    await publisher.submit(doc.id, staff.author);
    const before = await dump(storage, [doc.id]);
    expect(await code(publisher.updateDraft(doc.id, { title: '再改' }, staff.author, { expectedVersion: 3 }))).toBe('INVALID_TRANSITION');
    expect(await dump(storage, [doc.id])).toEqual(before);
  });

  it('revises a published document as a new revision while the published one stays readable', async () => {
    const { publisher } = setup();
    const approved = await approvedDocument(publisher);
    await publisher.publish(approved.id, staff.publisher);

    const revised = await publisher.revise(approved.id, staff.author);
    expect(revised).toMatchObject({ state: 'draft', revision: 2, signatures: [] });
    expect(revised.published).toMatchObject({ revision: 1, title: notice.title, body: notice.body });

    await publisher.updateDraft(approved.id, { body: `${notice.body}\n\n更正：停水区域不含滨江路。` }, staff.author, { expectedVersion: revised.version });
    expect((await publisher.get(approved.id)).published!.body).toBe(notice.body);

    // A new revision needs fresh signatures, by anyone but the author, each step a different person.
    await publisher.submit(approved.id, staff.author);
    await publisher.review(approved.id, staff.reviewer2, { decision: 'approve' });
    await publisher.review(approved.id, staff.reviewer1, { decision: 'approve' });
    await publisher.review(approved.id, staff.approver2, { decision: 'approve' });
    const { document, outputs } = await publisher.publish(approved.id, staff.publisher);
    expect(document.published).toMatchObject({ revision: 2 });
    expect(outputs[0]!.sourceRevision).toBe(2);
    expect((await publisher.history(approved.id)).filter((e) => e.type === 'revised')[0]!.data).toEqual({ from: 1, to: 2 });
  });

  it('withdraws with a reason, also while a new revision is in progress', async () => {
    const { publisher } = setup();
    const approved = await approvedDocument(publisher);
    await publisher.publish(approved.id, staff.publisher);
    expect(await code(publisher.withdraw(approved.id, staff.publisher, ''))).toBe('VALIDATION');
    expect(await code(publisher.withdraw(approved.id, staff.author, '信息有误'))).toBe('FORBIDDEN');

    await publisher.revise(approved.id, staff.author);
    const withdrawn = await publisher.withdraw(approved.id, staff.publisher, '停水计划取消');
    expect(withdrawn.state).toBe('withdrawn');
    expect(withdrawn.published!.withdrawn).toMatchObject({ by: 'sun.li', reason: '停水计划取消' });
    expect(await code(publisher.withdraw(approved.id, staff.publisher, '再撤一次'))).toBe('INVALID_TRANSITION');

    // A withdrawn document can be revised and go through review again.
    const again = await publisher.revise(approved.id, staff.author);
    expect(again).toMatchObject({ state: 'draft', revision: 3 });
    expect(await code(publisher.withdraw(approved.id, staff.publisher, '没有在线内容'))).toBe('INVALID_TRANSITION');
  });

  it('refuses what the state does not allow, and says so with INVALID_TRANSITION', async () => {
    const { publisher } = setup();
    const doc = await publisher.createDraft(notice, staff.author);
    expect(await code(publisher.publish(doc.id, staff.publisher))).toBe('INVALID_TRANSITION');
    expect(await code(publisher.review(doc.id, staff.reviewer1, { decision: 'approve' }))).toBe('INVALID_TRANSITION');
    expect(await code(publisher.revise(doc.id, staff.author))).toBe('INVALID_TRANSITION');
    expect(await code(publisher.schedule(doc.id, staff.publisher, '2026-03-02T00:00:00Z'))).toBe('INVALID_TRANSITION');
    expect(await code(publisher.get('missing'))).toBe('NOT_FOUND');
    expect(await code(publisher.submit('missing', staff.author))).toBe('NOT_FOUND');
  });

  it('validates inputs with paths, and requires a level', async () => {
    const { publisher } = setup();
    const { level: _level, ...untagged } = notice;
    try {
      await publisher.createDraft(untagged as typeof notice, staff.author);
      expect.unreachable();
    } catch (e) {
      expect(isGovpubError(e) && e.code).toBe('VALIDATION');
      expect((e as { details: { issues: { path: unknown[] }[] } }).details.issues.map((i) => i.path)).toContainEqual(['level']);
    }
    expect(await code(publisher.createDraft({ ...notice, level: 'secretish' as 'public' }, staff.author))).toBe('VALIDATION');
    expect(await code(publisher.createDraft({ ...notice, title: '' }, staff.author))).toBe('VALIDATION');
    expect(await code(publisher.createDraft({ ...notice, channels: ['fax'] }, staff.author))).toBe('VALIDATION');
    expect(await code(publisher.createDraft(notice, { id: '', roles: ['author'] }))).toBe('VALIDATION');
    expect(await code(publisher.createDraft(notice, { id: 'x', roles: ['boss' as 'author'] }))).toBe('VALIDATION');
    expect(await code(publisher.createDraft(notice, staff.reviewer1))).toBe('FORBIDDEN');
    expect((await publisher.list()).items).toHaveLength(0);
  });

  it('lists with filters and a cursor', async () => {
    const { publisher, time } = setup();
    for (let i = 0; i < 5; i++) {
      await publisher.createDraft({ ...notice, title: `通知${i}`, channels: i % 2 ? ['website'] : ['website'] }, i < 3 ? staff.author : { ...staff.coauthor, department: 'health' });
      time.advance(1000);
    }
    const first = await publisher.list({ limit: 2 });
    expect(first.items.map((d) => d.title)).toEqual(['通知0', '通知1']);
    const second = await publisher.list({ limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((d) => d.title)).toEqual(['通知2', '通知3']);
    expect((await publisher.list({ department: 'health' })).items.map((d) => d.title)).toEqual(['通知3', '通知4']);
    expect((await publisher.list({ state: ['in_review'] })).items).toEqual([]);
  });
});
