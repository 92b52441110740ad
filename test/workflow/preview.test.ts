import { describe, expect, it } from 'vitest';
import { createPublisher, isGovpubError, memoryAdapter, webhookTransport, type Actor } from '../../src/index';

const author: Actor = { id: '张伟', roles: ['author'] };
const body = '供热单位要按步就班做好准备。\n\n联系电话：13912345678。';

function setup(locale?: 'zh' | 'en') {
  let n = 0;
  return createPublisher({
    storage: memoryAdapter(),
    idGenerator: () => `doc-${++n}`,
    clock: () => new Date('2026-11-24T01:00:00Z'),
    channels: { options: { sms: { signature: '滨江市人民政府' } } },
    ...(locale && { locale }),
  });
}

describe('publisher.preview', () => {
  it('formats with the publisher channel options, runs the content checks, and writes nothing', async () => {
    const p = setup();
    const doc = await p.createDraft({ title: '供暖通告', body, level: 'public', channels: ['wechat', 'sms'] }, author);
    const before = await p.history(doc.id);
    const result = await p.preview(doc.id, { accounts: [{ id: 'wx', channel: 'wechat', name: '滨江发布' }] });
    expect(result.ok).toBe(false);
    // The SMS signature came from the publisher's options: no missing_signature finding.
    expect(result.outputs.find((o) => o.channel === 'sms')!.findings.map((f) => f.code)).not.toContain('missing_signature');
    expect(result.findings.map((f) => f.ruleId)).toContain('zh-gov/common-typos');
    expect(result.html).toContain('<title>供暖通告</title>');
    expect(result.html).toContain('微信公众号（滨江发布）');
    expect(result.html).toMatch(/<mark class="error" data-n="\d+"[^>]*>按步就班<\/mark>/);
    expect(await p.history(doc.id)).toEqual(before);
    expect((await p.get(doc.id)).version).toBe(doc.version);
  });

  it('says it can be published when nothing blocks', async () => {
    const p = setup();
    const doc = await p.createDraft({ title: '停水通知', body: '明天上午停水。', level: 'public', channels: ['website'] }, author);
    const result = await p.preview(doc.id);
    expect(result.ok).toBe(true);
    expect(result.html).toContain('可以发布');
  });

  it('reports a clearance refusal with its code, in the requested language', async () => {
    const p = setup();
    const doc = await p.createDraft({ title: '内部通知', body: '内部事项。', level: 'internal', channels: ['wechat'] }, author);
    const zh = await p.preview(doc.id);
    expect(zh.ok).toBe(false);
    expect(zh.reasons.map((r) => r.code)).toEqual(['CLEARANCE']);
    expect(zh.html).toContain('data-code="CLEARANCE"');
    expect(zh.html).toContain('内容密级');
    const en = await p.preview(doc.id, { locale: 'en' });
    expect(en.html).toContain('Cannot be published');
    expect(en.reasons[0]!.message).toMatch(/^Content level internal/);
  });

  it('uses the publisher locale by default and validates its input', async () => {
    const p = setup('en');
    const doc = await p.createDraft({ title: 'Notice', body: '明天上午停水。', level: 'public', channels: ['website'] }, author);
    expect((await p.preview(doc.id)).html).toContain('Can be published');
    const e = await p.preview(doc.id, { locale: 'fr' } as never).catch((x: unknown) => x);
    expect(isGovpubError(e) && e.code).toBe('VALIDATION');
    const missing = await p.preview('nope').catch((x: unknown) => x);
    expect(isGovpubError(missing) && missing.code).toBe('NOT_FOUND');
  });
  it('names the publisher\'s own accounts without being told them', async () => {
    const p = createPublisher({
      storage: memoryAdapter(),
      idGenerator: () => 'doc-1',
      clock: () => new Date('2026-11-24T01:00:00Z'),
      accounts: [{ id: 'portal', channel: 'website', name: '滨江市政府门户', transport: webhookTransport({ url: 'https://cms.example.gov.cn/hook', secret: 'cms-secret-0123456789' }) }],
    });
    const doc = await p.createDraft({ title: '停水通知', body: '明天上午停水。', level: 'public', channels: ['portal'] }, author);
    expect((await p.preview(doc.id)).html).toContain('滨江市政府门户');
  });
});
