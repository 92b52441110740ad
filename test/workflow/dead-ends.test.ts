import { describe, expect, it } from 'vitest';
import { approvedDocument, notice, setup, staff } from './fixtures';

const withImage = { ...notice, body: `${notice.body}\n\n![](https://example.gov.cn/map.png)` };

describe('no dead ends (issue 12 §1)', () => {
  it('runs channel output as a submit gate, so reviewers see channel findings before signing', async () => {
    const { publisher } = setup({ caliber: false });
    const doc = await publisher.createDraft(withImage, staff.author);
    const error = await publisher.submit(doc.id, staff.author).catch((e) => e);
    expect(error).toMatchObject({ code: 'CHECKS_FAILED' });
    expect(error.details.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('channel/missing_alt');
  });

  it('refuses an SMS channel without a signature at submit, not after three signatures', async () => {
    const { publisher } = setup({ caliber: false });
    const doc = await publisher.createDraft({ ...notice, channels: ['sms'] }, staff.author);
    const answer = await publisher.can(doc.id, staff.author, 'submit');
    expect(answer.details.map((r) => [r.code, r.error])).toEqual([['CHANNEL_REFUSED', 'CHECKS_FAILED']]);
    await expect(publisher.submit(doc.id, staff.author)).rejects.toMatchObject({ code: 'CHECKS_FAILED' });
  });

  it('reopens an approved or scheduled document to draft, audited, signatures cleared', async () => {
    const { publisher } = setup();
    const approved = await approvedDocument(publisher);
    await expect(publisher.reopen(approved.id, staff.publisher, '需要修改')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(publisher.reopen(approved.id, staff.approver, ' ')).rejects.toMatchObject({ code: 'VALIDATION' });
    const reopened = await publisher.reopen(approved.id, staff.author, '发现错别字');
    expect(reopened).toMatchObject({ state: 'draft', signatures: [], currentStep: null, scheduledAt: null });
    expect((await publisher.history(approved.id)).at(-1)).toMatchObject({ type: 'reopened', data: { reason: '发现错别字', from: 'approved' } });

    const second = await publisher.createDraft({ ...notice, title: '关于暂停部分公交线路的通知', body: '因道路施工，5路公交车暂停运营三天。' }, staff.author);
    await publisher.submit(second.id, staff.author);
    await publisher.review(second.id, staff.reviewer1, { decision: 'approve' });
    await publisher.review(second.id, staff.reviewer2, { decision: 'approve' });
    await publisher.review(second.id, staff.approver, { decision: 'approve' });
    await publisher.schedule(second.id, staff.publisher, '2026-03-02T01:00:00Z');
    const back = await publisher.reopen(second.id, staff.approver2, '领导要求改稿');
    expect(back).toMatchObject({ state: 'draft', scheduledAt: null });
    await expect(publisher.reopen(second.id, staff.approver2, '再次')).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('refuses a waiver for a finding no gate produces now', async () => {
    const { publisher } = setup({ caliber: false });
    const doc = await publisher.createDraft(withImage, staff.author);
    await expect(publisher.waive(doc.id, staff.approver, { ruleId: 'house/nothing', excerpt: '无', reason: '预先豁免' })).rejects.toMatchObject({ code: 'VALIDATION' });
    // Channel findings are re-checked at publish whatever a waiver says: a waiver would change nothing.
    await expect(publisher.waive(doc.id, staff.approver, { ruleId: 'channel/missing_alt', excerpt: '', reason: '装饰图' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('can(publish) reports channel findings, clearance and a schedule still in the future', async () => {
    const { publisher } = setup({ caliber: false, channels: { options: { sms: { signature: '某市政府' } } } });
    const doc = await approvedDocument(publisher);
    expect(await publisher.can(doc.id, staff.publisher, 'publish')).toMatchObject({ ok: true });
    await publisher.schedule(doc.id, staff.publisher, '2026-03-02T01:00:00Z');
    const later = await publisher.can(doc.id, staff.publisher, 'publish');
    expect(later.ok).toBe(false);
    expect(later.details.map((r) => [r.code, r.error])).toContainEqual(['SCHEDULED_LATER', 'INVALID_TRANSITION']);
  });

  it('lets a retrospective reviewer dispute an urgent publication, which queues it for withdrawal', async () => {
    const { publisher } = setup();
    const doc = await publisher.createDraft(notice, staff.author);
    await publisher.publishUrgent(doc.id, staff.chief, '汛情紧急');
    await expect(publisher.review(doc.id, staff.reviewer1, { decision: 'dispute' })).rejects.toMatchObject({ code: 'VALIDATION' });
    const disputed = await publisher.review(doc.id, staff.reviewer1, { decision: 'dispute', comment: '数据未经核实' });
    expect(disputed.dispute).toMatchObject({ actorId: 'li.na', reason: '数据未经核实' });
    expect((await publisher.history(doc.id)).at(-1)).toMatchObject({ type: 'disputed' });
    expect((await publisher.withdrawalQueue()).map((d) => d.id)).toEqual([doc.id]);
    await publisher.withdraw(doc.id, staff.publisher, '核实后撤回');
    expect(await publisher.withdrawalQueue()).toEqual([]);
  });
});
