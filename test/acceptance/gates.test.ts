import { describe, expect, it } from 'vitest';
import { govpub } from './package-under-test';

const g: any = govpub;

const author = { id: 'a1', roles: ['author'], department: 'office' };
const r1 = { id: 'r1', roles: ['reviewer'], department: 'office' };
const r2 = { id: 'r2', roles: ['reviewer'], department: 'office' };
const ap = { id: 'ap', roles: ['approver'], department: 'office' };
const pub = { id: 'pb', roles: ['publisher'], department: 'office' };

const BODY = '市图书馆将于下月起延长开放时间，周一至周五开放至晚上九点，欢迎广大读者前来借阅。';

function setup(extra: Record<string, unknown> = {}, storage = g.memoryAdapter()) {
  let t = Date.parse('2024-03-01T00:00:00Z');
  let n = 0;
  return g.createPublisher({ storage, clock: () => new Date((t += 1000)), idGenerator: () => `doc-${++n}`, ...extra });
}

async function approveAll(p: any, id: string) {
  await p.submit(id, author);
  await p.review(id, r1, { decision: 'approve' });
  await p.review(id, r2, { decision: 'approve' });
  return p.review(id, ap, { decision: 'approve' });
}

async function codeOf(pr: Promise<unknown>): Promise<any> {
  try {
    await pr;
  } catch (e) {
    return e;
  }
  return { code: 'RESOLVED' };
}

describe('publish outputs', () => {
  it('outputs per channel carry sourceRevision and contentHash; document records them', async () => {
    const p = setup({ channels: { options: { sms: { signature: '市图书馆' } } } });
    const d = await p.createDraft({ title: '图书馆延长开放时间', body: BODY, level: 'public', channels: ['website', 'wechat', 'weibo', 'push', 'rss', 'sms'], department: 'office' }, author);
    await approveAll(p, d.id);
    const { document, outputs } = await p.publish(d.id, pub);
    expect(outputs.map((o: any) => o.channel).sort()).toEqual(['push', 'rss', 'sms', 'website', 'wechat', 'weibo']);
    for (const o of outputs) {
      expect(o.sourceRevision).toBe(1);
      expect(typeof o.contentHash).toBe('string');
      expect(o.ok).toBe(true);
    }
    const wechat = outputs.find((o: any) => o.channel === 'wechat');
    for (const k of ['title', 'author', 'digest', 'content', 'content_source_url', 'need_open_comment']) expect(wechat.payload).toHaveProperty(k);
    const sms = outputs.find((o: any) => o.channel === 'sms');
    expect(sms.payload.text.startsWith('【市图书馆】')).toBe(true);
    expect(document.published.outputs).toHaveLength(6);
    const h = await p.history(d.id);
    expect(h.at(-1).type).toBe('published');
  });

  it('a channel with error findings stops publishing with CHECKS_FAILED before anything is recorded (wechat title > 32)', async () => {
    const p = setup();
    const longTitle = '关于进一步做好全市公共图书馆延长开放时间以及相关配套服务保障工作的通知';
    expect(longTitle.length).toBeGreaterThan(32);
    const d = await p.createDraft({ title: longTitle, body: BODY, level: 'public', channels: ['wechat'], department: 'office' }, author);
    // may be refused at submit already, or at publish
    const sub = await codeOf(approveAll(p, d.id));
    if (sub.code !== 'RESOLVED') {
      expect(sub.code).toBe('CHECKS_FAILED');
      expect(sub.details.findings.some((f: any) => f.ruleId === 'channel/too_long' && f.field === 'title')).toBe(true);
      return;
    }
    const before = await p.history(d.id);
    const e = await codeOf(p.publish(d.id, pub));
    expect(e.code).toBe('CHECKS_FAILED');
    expect(e.details.findings.some((f: any) => f.ruleId === 'channel/too_long' && f.field === 'title')).toBe(true);
    expect(await p.history(d.id)).toEqual(before);
    expect((await p.get(d.id)).state).toBe('approved');
  });

  it('sms channel without a configured signature blocks (CHECKS_FAILED)', async () => {
    const p = setup();
    const d = await p.createDraft({ title: '图书馆延长开放时间', body: BODY, level: 'public', channels: ['sms'], department: 'office' }, author);
    const e = await codeOf(approveAll(p, d.id).then(() => p.publish(d.id, pub)));
    expect(e.code).toBe('CHECKS_FAILED');
  });
});

describe('clearance', () => {
  const intranet = () =>
    g.defineChannel({
      id: 'intranet',
      clearance: 'internal',
      limits: {},
      measure: (s: string) => s.length,
      format: (a: any) => ({ payload: { title: a.title, body: a.body }, findings: [] }),
    });

  it('internal document to an internal intranet channel publishes', async () => {
    const p = setup({ channels: { custom: [intranet()] } });
    const d = await p.createDraft({ title: '内部通知', body: BODY, level: 'internal', channels: ['intranet'], department: 'office' }, author);
    await approveAll(p, d.id);
    const { outputs } = await p.publish(d.id, pub);
    expect(outputs[0].channel).toBe('intranet');
  });

  it('internal document bound for website is refused at submit with CLEARANCE (ambiguous: issue says "submit already refuses")', async () => {
    const p = setup();
    const d = await p.createDraft({ title: '内部通知', body: BODY, level: 'internal', channels: ['website'], department: 'office' }, author);
    const e = await codeOf(p.submit(d.id, author));
    expect(e.code).toBe('CLEARANCE');
    expect((await p.get(d.id)).state).toBe('draft');
  });

  it('declared level lower than a marking in the body blocks submit with CHECKS_FAILED', async () => {
    const p = setup();
    const d = await p.createDraft({ title: '通知', body: '机密★1年\n\n' + BODY, level: 'public', channels: ['website'], department: 'office' }, author);
    const e = await codeOf(p.submit(d.id, author));
    expect(e.code).toBe('CHECKS_FAILED');
    const f = e.details.findings.find((x: any) => x.severity === 'error' && x.ruleId.startsWith('confidentiality/'));
    expect(f).toBeTruthy();
    expect(f.excerpt).toBe('机密★1年');
  });

  it('createPublisher rejects unknown channel option keys (ambiguous: { sms: {...} } instead of { options: { sms } })', () => {
    expect(() => g.createPublisher({ storage: g.memoryAdapter(), channels: { sms: { signature: '市局' } } })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});

describe('audit chain', () => {
  it('verifyHistory reports the first broken link when storage returns tampered events', async () => {
    const inner = g.memoryAdapter();
    let tamper = false;
    const wrapped = {
      getDocument: (id: string) => inner.getDocument(id),
      listDocuments: (q: any) => inner.listDocuments(q),
      commit: (r: any) => inner.commit(r),
      getEvents: async (id: string) => {
        const ev = await inner.getEvents(id);
        if (tamper && ev[1]) ev[1] = { ...ev[1], data: { ...ev[1].data, forged: true } };
        return ev;
      },
    };
    const p = setup({}, wrapped);
    const d = await p.createDraft({ title: '通知', body: BODY, level: 'public', channels: ['website'], department: 'office' }, author);
    await approveAll(p, d.id);
    expect((await p.verifyHistory(d.id)).ok).toBe(true);
    tamper = true;
    const v = await p.verifyHistory(d.id);
    expect(v.ok).toBe(false);
    const events = await p.history(d.id);
    // brokenAt identifies the tampered (second) event, by seq
    expect(v.brokenAt).toBe(events[1].seq);
  });

  it('a refused command writes nothing (history and version unchanged)', async () => {
    const p = setup();
    const d = await p.createDraft({ title: '通知', body: BODY, level: 'public', channels: ['website'], department: 'office' }, author);
    const before = await p.get(d.id);
    await codeOf(p.review(d.id, r1, { decision: 'approve' }));
    await codeOf(p.publish(d.id, pub));
    await codeOf(p.withdraw(d.id, pub, 'x'));
    expect(await p.get(d.id)).toEqual(before);
    expect(await p.history(d.id)).toHaveLength(1);
  });

  it('verifyHistory unknown id → NOT_FOUND', async () => {
    const p = setup();
    expect((await codeOf(p.verifyHistory('nope'))).code).toBe('NOT_FOUND');
  });
});

describe('duplicates gate', () => {
  const A = '为深入贯彻落实党中央国务院关于优化营商环境的决策部署，市政府决定自二〇二四年三月一日起在全市范围内推行企业开办一网通办服务。申请人可通过政务服务网提交材料，审核通过后即可领取营业执照和公章。各区政务服务中心设立专门窗口，为企业提供咨询和帮办代办服务。';
  const B = '今年夏季气温偏高，市气象台提醒广大市民注意防暑降温，尽量避免在午后高温时段进行户外活动。老人和儿童应特别注意补充水分，出现头晕乏力等症状应及时就医。有关部门将加强对户外作业人员的劳动保护。';
  const a2 = { id: 'a2', roles: ['author'], department: 'office' };

  it('copy of an in-review document blocks; the finding obeys Finding invariants against the body', async () => {
    const p = setup();
    const d1 = await p.createDraft({ title: '一网通办', body: A, level: 'public', channels: ['website'], department: 'office' }, author);
    await p.submit(d1.id, author);
    const body = '转载：' + A;
    const d2 = await p.createDraft({ title: '转', body, level: 'public', channels: ['website'], department: 'office' }, a2);
    const e = await codeOf(p.submit(d2.id, a2));
    expect(e.code).toBe('CHECKS_FAILED');
    const f = e.details.findings.find((x: any) => x.ruleId === 'duplicates/near-duplicate');
    expect(f.severity).toBe('error');
    expect(f.excerpt).toBe(body.slice(f.start, f.end));
    expect(f.message).toContain(d1.id);
  });

  it('containment between 0.5 and 0.8 in both directions is a warning stored for reviewers', async () => {
    const p = setup();
    const d1 = await p.createDraft({ title: '一网通办', body: A, level: 'public', channels: ['website'], department: 'office' }, author);
    await p.submit(d1.id, author);
    const d2 = await p.createDraft({ title: '部分', body: A.slice(0, 90) + B.slice(0, 60), level: 'public', channels: ['website'], department: 'office' }, a2);
    const s = await p.submit(d2.id, a2);
    expect(s.state).toBe('in_review');
    expect(s.findings.some((x: any) => x.ruleId === 'duplicates/near-duplicate' && x.severity === 'warning')).toBe(true);
  });

  // A compilation that reprints a whole article is blocked: the gate compares containment in
  // both directions (docs/duplicates.md), so an article embedded in a longer text is caught.
  it('draft = whole other article + new text is blocked, because the other article is contained in it', async () => {
    const p = setup();
    const d1 = await p.createDraft({ title: '一网通办', body: A, level: 'public', channels: ['website'], department: 'office' }, author);
    await p.submit(d1.id, author);
    const d2 = await p.createDraft({ title: '合集', body: A + B, level: 'public', channels: ['website'], department: 'office' }, a2);
    const error = await p.submit(d2.id, a2).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CHECKS_FAILED' });
    const finding = (error as any).details.findings.find((x: any) => x.ruleId === 'duplicates/near-duplicate');
    expect(finding).toMatchObject({ severity: 'error', details: { otherId: d1.id } });
    expect(finding.details.otherContainment).toBeGreaterThanOrEqual(0.8);
    expect(finding.details.containment).toBeLessThan(0.8);
  });

  it('declared repost (repostOf) is allowed and the finding says so', async () => {
    const p = setup();
    const d1 = await p.createDraft({ title: '一网通办', body: A, level: 'public', channels: ['website'], department: 'office' }, author);
    await p.submit(d1.id, author);
    const d2 = await p.createDraft({ title: '转载', body: '转载：' + A, level: 'public', channels: ['website'], department: 'office', repostOf: d1.id }, a2);
    const s = await p.submit(d2.id, a2);
    expect(s.state).toBe('in_review');
    expect(s.findings.some((x: any) => x.ruleId === 'duplicates/near-duplicate' && x.severity !== 'error')).toBe(true);
  });

  it('caliber: false switches off the built-in rules', async () => {
    const p = setup({ caliber: false });
    const d = await p.createDraft({ title: '通知', body: '今天,我们开会...', level: 'public', channels: ['website'], department: 'office' }, author);
    const s = await p.submit(d.id, author);
    expect(s.findings.filter((x: any) => x.ruleId.startsWith('zh-gov/'))).toHaveLength(0);
  });
});

describe('CLEARANCE at publish', () => {
  it('publish refuses with CLEARANCE when a channel clearance is below the level, before anything is written', async () => {
    const mk = (clearance: string) =>
      g.defineChannel({ id: 'intranet', clearance, limits: {}, measure: (s: string) => s.length, format: (a: any) => ({ payload: { title: a.title }, findings: [] }) });
    const storage = g.memoryAdapter();
    const p1 = setup({ channels: { custom: [mk('internal')] } }, storage);
    const d = await p1.createDraft({ title: '内部通知', body: BODY, level: 'internal', channels: ['intranet'], department: 'office' }, author);
    await approveAll(p1, d.id);
    // the host later lowers the channel's clearance (e.g. the intranet is opened to the public)
    const p2 = setup({ channels: { custom: [mk('public')] } }, storage);
    const before = await p2.history(d.id);
    const e = await codeOf(p2.publish(d.id, pub));
    expect(e.code).toBe('CLEARANCE');
    expect(await p2.history(d.id)).toEqual(before);
    expect((await p2.get(d.id)).state).toBe('approved');
  });
});
