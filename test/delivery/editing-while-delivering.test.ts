// An editor writing the correction (revision 2) while revision 1's deliveries report back:
// each outcome is a commit of the document, so the editor's expectedVersion went stale and the
// save failed with CONFLICT although nothing the editor sees had changed.
import { describe, expect, it } from 'vitest';
import { isGovpubError, type Transport } from '../../src/index';
import { setup, staff } from '../workflow/fixtures';

const sending: Transport = { send: async (ctx) => ({ status: 'sent', receipt: { id: ctx.delivery.idempotencyKey } }) };

async function publishedWithPendingDelivery() {
  const env = setup({ accounts: [{ id: 'portal', channel: 'website', name: '门户网站', transport: sending }] });
  const { publisher } = env;
  const doc = await publisher.createDraft({ title: '停水通知', body: '3月5日城区停水。', level: 'public', channels: ['portal'] }, staff.author);
  await publisher.submit(doc.id, staff.author);
  for (const r of [staff.reviewer1, staff.reviewer2, staff.approver]) await publisher.review(doc.id, r, { decision: 'approve' });
  await publisher.publish(doc.id, staff.publisher);
  const draft = await publisher.revise(doc.id, staff.author); // the editor loads this version
  return { ...env, id: doc.id, loaded: draft.version };
}

describe('saving a draft while deliveries report back', () => {
  it('accepts the save when only delivery outcomes were committed since the version the editor loaded (failed before: CONFLICT)', async () => {
    const { publisher, id, loaded } = await publishedWithPendingDelivery();
    await publisher.deliverPending(); // the outcome commits: version loaded + 1
    expect((await publisher.get(id)).version).toBe(loaded + 1);
    const saved = await publisher.updateDraft(id, { body: '3月6日城区停水。' }, staff.author, { expectedVersion: loaded });
    expect(saved.body).toBe('3月6日城区停水。');
    expect(await publisher.verifyHistory(id)).toMatchObject({ ok: true });
  });

  it('still refuses with CONFLICT when someone else edited in between', async () => {
    const { publisher, id, loaded } = await publishedWithPendingDelivery();
    await publisher.updateDraft(id, { body: '同事改过的正文。' }, staff.coauthor, { expectedVersion: loaded });
    await publisher.deliverPending();
    const error = await publisher.updateDraft(id, { body: '3月6日城区停水。' }, staff.author, { expectedVersion: loaded }).catch((e: unknown) => e);
    expect(isGovpubError(error) && error.code).toBe('CONFLICT');
    expect((await publisher.get(id)).body).toBe('同事改过的正文。');
  });
});
