import { describe, expect, it } from 'vitest';
import { createFinding, type Gate } from '../../src/index';
import { sameIdentity } from '../../src/document/index';
import { notice, setup, staff } from './fixtures';

/** Flags every 最 as an error, so waivers have something to waive. */
const superlative: Gate = {
  id: 'house',
  phases: ['submit', 'publish'],
  check: ({ document }) => {
    const out = [];
    for (let at = document.body.indexOf('最'); at >= 0; at = document.body.indexOf('最', at + 1)) {
      out.push(createFinding(document.body, { ruleId: 'house/最', severity: 'error', message: '避免使用“最”', start: at, end: at + 1, details: { field: 'body' } }));
    }
    return out;
  },
};

describe('separation of duties that holds (issue 13 §1)', () => {
  it('counts anyone who edited a revision as its author for review', async () => {
    const { publisher } = setup();
    const editor = { id: 'ma.jun', roles: ['author', 'reviewer'] as const, department: 'office' };
    const doc = await publisher.createDraft(notice, staff.author);
    await publisher.updateDraft(doc.id, { title: '关于城区临时停水的通知' }, editor, { expectedVersion: 1 });
    await publisher.submit(doc.id, staff.author);
    const error = await publisher.review(doc.id, editor, { decision: 'approve' }).catch((e) => e);
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
    expect(error.details.reasons.map((r: { code: string }) => r.code)).toContain('EDITED_THIS_REVISION');
  });

  it('forbids the author to publish their own draft urgently; the debt survives revise', async () => {
    const { publisher } = setup();
    const boss = { id: 'zhou.min', roles: ['author', 'approver', 'publisher'] as const, department: 'office' };
    const own = await publisher.createDraft(notice, boss);
    await expect(publisher.publishUrgent(own.id, boss, '紧急')).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const doc = await publisher.createDraft({ ...notice, title: '防汛紧急通知', body: '今晚有暴雨，请市民减少外出。' }, staff.author);
    await publisher.publishUrgent(doc.id, staff.chief, '暴雨');
    const revised = await publisher.revise(doc.id, staff.author);
    expect(revised.retrospectiveReview).not.toBeNull();
    expect((await publisher.list({ needsRetrospectiveReview: true })).items.map((d) => d.id)).toEqual([doc.id]);
    // The live revision can still be signed after the fact while the next one is drafted.
    await publisher.review(doc.id, staff.reviewer1, { decision: 'approve' });
    await publisher.review(doc.id, staff.reviewer2, { decision: 'approve' });
    const cleared = await publisher.review(doc.id, staff.approver, { decision: 'approve' });
    expect(cleared).toMatchObject({ state: 'draft', retrospectiveReview: null });
  });

  it('compares ids after NFKC, case folding and removing invisible characters; refuses blank ids', async () => {
    expect(sameIdentity('li.na', 'LI.NA')).toBe(true);
    expect(sameIdentity('li.na', 'li.na\u200b')).toBe(true);
    expect(sameIdentity('ｌｉ.ｎａ', 'li.na')).toBe(true);
    expect(sameIdentity('li.na', 'li.nb')).toBe(false);
    const { publisher } = setup();
    const doc = await publisher.createDraft(notice, staff.author);
    await publisher.submit(doc.id, staff.author);
    await publisher.review(doc.id, staff.reviewer1, { decision: 'approve' });
    await expect(publisher.review(doc.id, { ...staff.reviewer1, id: 'LI.NA', roles: ['reviewer'] }, { decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(publisher.review(doc.id, { ...staff.reviewer1, id: 'li.na\u200b' }, { decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(publisher.review(doc.id, { ...staff.reviewer2, id: 'ZHANG.WEI' }, { decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    for (const id of ['   ', '\u200b\u200d', '\u0001', '\ufeff', '\u00ad']) {
      await expect(publisher.createDraft(notice, { ...staff.author, id })).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    await expect(publisher.createDraft(notice, { ...staff.author, department: ' \u200b' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('lets an author create drafts only in their own department, and never lets review scoping fall open', async () => {
    const { publisher } = setup();
    await expect(publisher.createDraft({ ...notice, department: 'health' }, staff.author)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const same = await publisher.createDraft({ ...notice, department: 'OFFICE' }, staff.author);
    expect(same.department).toBe('OFFICE');
    const loner = { id: 'lone.author', roles: ['author'] as const };
    const doc = await publisher.createDraft({ ...notice, title: '无部门稿件', body: '这是一篇没有部门的稿件。' }, loner);
    await publisher.submit(doc.id, loner);
    await expect(publisher.review(doc.id, staff.reviewer1, { decision: 'approve' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await publisher.review(doc.id, { id: 'free.reviewer', roles: ['reviewer'] }, { decision: 'approve' });
    await publisher.review(doc.id, staff.admin, { decision: 'approve' });
  });

  it('binds a waiver to a finding that exists now, in its context; an edit touching it voids it; editors may not waive', async () => {
    const { publisher } = setup({ caliber: false, gates: [superlative] });
    const body = '最高人民法院发布通告。本市开展普法宣传活动，欢迎市民参加。';
    const doc = await publisher.createDraft({ ...notice, body }, staff.author);
    await publisher.waive(doc.id, staff.approver, { ruleId: 'house/最', excerpt: '最', reason: '机构名称' });
    // An edit far from the waived text keeps the waiver.
    let d = await publisher.get(doc.id);
    await publisher.updateDraft(doc.id, { body: `${body}\n\n附件：活动安排表（另行发布），请各单位周知。` }, staff.author, { expectedVersion: d.version });
    d = await publisher.submit(doc.id, staff.author);
    expect(d.findings[0]).toMatchObject({ severity: 'warning' });
    await publisher.review(doc.id, staff.reviewer1, { decision: 'reject', comment: '改' });
    // An edit that touches the waived text (its context) voids the waiver.
    d = await publisher.get(doc.id);
    await publisher.updateDraft(doc.id, { body: body.replace('最高人民法院发布', '最高人民法院今日发布') }, staff.author, { expectedVersion: d.version });
    await expect(publisher.submit(doc.id, staff.author)).rejects.toMatchObject({ code: 'CHECKS_FAILED' });
    // Someone who edited this revision may not waive on it.
    const editingApprover = { id: 'qian.hong', roles: ['author', 'approver'] as const, department: 'office' };
    d = await publisher.get(doc.id);
    await publisher.updateDraft(doc.id, { title: '关于最高人民法院通告的说明' }, editingApprover, { expectedVersion: d.version });
    await expect(publisher.waive(doc.id, editingApprover, { ruleId: 'house/最', excerpt: '最', reason: '机构名称' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps the review steps a document was submitted under', async () => {
    const { publisher, storage, time } = setup();
    const doc = await publisher.createDraft(notice, staff.author);
    await publisher.submit(doc.id, staff.author);
    const oneStep = setup({ storage, reviewSteps: [{ id: 'final', roles: ['approver'] }] }).publisher;
    void time;
    const signed = await oneStep.review(doc.id, staff.reviewer1, { decision: 'approve' });
    expect(signed).toMatchObject({ state: 'in_review', currentStep: 'secondary' });
  });
});
