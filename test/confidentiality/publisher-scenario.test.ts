import { describe, expect, it } from 'vitest';
import { GovpubError, createPublisher, defineChannel, isGovpubError, memoryAdapter, type Actor, type Finding } from '../../src/index';

const author: Actor = { id: 'author-1', roles: ['author'] };
const approver: Actor = { id: 'approver-1', roles: ['approver', 'reviewer'] };

const intranet = defineChannel({
  id: 'intranet',
  clearance: 'internal',
  format: (article) => ({ payload: { title: article.title, body: article.body }, findings: [] }),
});

function setup() {
  let n = 0;
  return createPublisher({
    storage: memoryAdapter(),
    // The confidentiality gate is built in: nothing to pass.
    channels: { custom: [intranet] },
    clock: () => new Date('2025-01-01T08:00:00Z'),
    idGenerator: () => `doc-${++n}`,
  });
}

async function rejection(p: Promise<unknown>): Promise<GovpubError> {
  try {
    await p;
  } catch (e) {
    if (isGovpubError(e)) return e;
    throw e;
  }
  throw new Error('expected the command to fail');
}

describe('confidentiality through the publisher', () => {
  it('blocks a draft declared below its marking until an approver records a downgrade', async () => {
    const publisher = setup();
    const doc = await publisher.createDraft({ title: '关于做好有关工作的通知', body: '【机密】一、总体部署。\n\n二、工作要求。', level: 'public', channels: ['website'] }, author);

    const e = await rejection(publisher.submit(doc.id, author));
    expect(e.code).toBe('CHECKS_FAILED');
    const finding = (e.details!.findings as Finding[]).find((f) => f.ruleId === 'confidentiality/level-below-required')!;
    expect(finding).toMatchObject({ severity: 'error', excerpt: '【机密】', details: { declared: 'public', required: 'confidential', field: 'body' } });

    await publisher.waive(doc.id, approver, { ruleId: finding.ruleId, excerpt: finding.excerpt, reason: '该段已于2024年依法解密（解密通知〔2024〕3号）' });
    const submitted = await publisher.submit(doc.id, author);
    expect(submitted.state).toBe('in_review');
    expect(submitted.findings.find((f) => f.ruleId === 'confidentiality/level-below-required')).toMatchObject({ severity: 'warning' });
    const waived = (await publisher.history(doc.id)).find((ev) => ev.type === 'waived');
    expect(waived).toMatchObject({ actor: { id: 'approver-1' }, data: { ruleId: 'confidentiality/level-below-required', excerpt: '【机密】' } });
  });

  it('blocks personal data bound for a public channel, per finding', async () => {
    const publisher = setup();
    const doc = await publisher.createDraft({ title: '寻人启事', body: '联系人张三，手机13812345678。', level: 'public', channels: ['website'] }, author);
    const e = await rejection(publisher.submit(doc.id, author));
    expect(e.code).toBe('CHECKS_FAILED');
    expect((e.details!.findings as Finding[]).map((f) => [f.ruleId, f.excerpt])).toEqual([['confidentiality/mobile', '13812345678']]);

    await publisher.waive(doc.id, approver, { ruleId: 'confidentiality/mobile', excerpt: '13812345678', reason: '家属同意公开联系方式' });
    expect((await publisher.submit(doc.id, author)).state).toBe('in_review');
  });

  it('lets internal content with personal data go to an internal channel', async () => {
    const publisher = setup();
    const doc = await publisher.createDraft({ title: '值班安排', body: '内部资料，注意保存\n\n值班：张三，手机13812345678。', level: 'internal', channels: ['intranet'] }, author);
    const submitted = await publisher.submit(doc.id, author);
    expect(submitted.state).toBe('in_review');
    expect(submitted.findings.map((f) => [f.ruleId, f.severity])).toEqual([['confidentiality/mobile', 'warning']]);
  });

  it('refuses with CLEARANCE content above a channel', async () => {
    const publisher = setup();
    const doc = await publisher.createDraft({ title: '值班安排', body: '内部资料，注意保存', level: 'internal', channels: ['website', 'intranet'] }, author);
    const e = await rejection(publisher.submit(doc.id, author));
    expect(e.code).toBe('CLEARANCE');
    expect(e.details).toMatchObject({ level: 'internal', channels: ['website'] });
  });
});
