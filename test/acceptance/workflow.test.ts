import { describe, expect, it } from 'vitest';
import { againstBuild, govpub } from './package-under-test';

const g: any = govpub;

const author = { id: 'u-author', roles: ['author'], department: 'office' };
const author2 = { id: 'u-author2', roles: ['author'], department: 'office' };
const r1 = { id: 'u-r1', roles: ['reviewer'], department: 'office' };
const r2 = { id: 'u-r2', roles: ['reviewer'], department: 'office' };
const ap = { id: 'u-ap', roles: ['approver'], department: 'office' };
const ap2 = { id: 'u-ap2', roles: ['approver'], department: 'office' };
const pub = { id: 'u-pub', roles: ['publisher'], department: 'office' };
const urgentActor = { id: 'u-urgent', roles: ['approver', 'publisher'], department: 'office' };

function setup(extra: Record<string, unknown> = {}) {
  let t = Date.parse('2024-03-01T00:00:00Z');
  let n = 0;
  const storage = g.memoryAdapter();
  const clock = () => new Date((t += 1000));
  const p = g.createPublisher({ storage, clock, idGenerator: () => `id-${++n}`, ...extra });
  return { p, storage, advance: (ms: number) => (t += ms), now: () => new Date(t) };
}

let bodyN = 0;
const bodies = [
  '各区、各部门要高度重视本次检查工作，认真组织开展自查自纠，确保各项措施落到实处。',
  '市图书馆将于下月起延长开放时间，周一至周五开放至晚上九点，欢迎广大读者前来借阅。',
  '市交通运输局提醒，地铁二号线部分站点因设备检修将临时调整首末班车时间，请乘客合理安排出行。',
  '为进一步提升政务服务水平，市政务服务中心推出周末延时服务，市民可在周六上午办理常见事项。',
  '市卫生健康委员会发布夏季防溺水安全提示，请家长加强对未成年人的看护，不到陌生水域游泳。',
  '本市将在全市范围内开展垃圾分类宣传周活动，各街道社区将组织志愿者入户讲解分类知识。',
  '市农业农村局组织专家深入田间地头，指导农户做好春耕备耕工作，确保粮食生产稳定。',
  '市教育局公布今年义务教育阶段招生入学政策，适龄儿童家长可登录平台查询学区划分情况。',
];
function draftInput(over: Record<string, unknown> = {}) {
  const body = bodies[bodyN++ % bodies.length]!;
  return { title: '关于工作安排的通知' + bodyN, body, level: 'public', channels: ['website'], department: 'office', ...over };
}

async function expectCode(p: Promise<unknown>, code: string) {
  try {
    await p;
  } catch (e: any) {
    expect(g.isGovpubError(e), String(e)).toBe(true);
    expect(e.code, e.message).toBe(code);
    return e;
  }
  throw new Error(`expected ${code} but call resolved`);
}

async function approveAll(p: any, id: string) {
  await p.submit(id, author);
  await p.review(id, r1, { decision: 'approve' });
  await p.review(id, r2, { decision: 'approve' });
  return p.review(id, ap, { decision: 'approve' });
}

describe('exports', () => {
  it('has the public names', () => {
    for (const n of ['GovpubError', 'isGovpubError', 'defineRuleSet', 'checkCaliber', 'applyFixes', 'zhGovRules', 'LEVELS', 'compareLevels', 'parseMarking', 'detectSensitive', 'redact', 'createDuplicateIndex', 'loadDuplicateIndex', 'originality', 'formatFor', 'formatAll', 'defineChannel', 'renderFeed', 'createPublisher', 'memoryAdapter'])
      expect(g[n], n).toBeDefined();
  });
});

describe('publisher lifecycle', () => {
  it('createDraft returns a document with the documented fields', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    for (const k of ['id', 'version', 'revision', 'state', 'title', 'body', 'level', 'channels', 'authorId']) expect(d, k).toHaveProperty(k);
    expect(d.state).toBe('draft');
    expect(d.authorId).toBe(author.id);
    expect(d.level).toBe('public');
    expect(d.channels).toEqual(['website']);
    expect(typeof d.version).toBe('number');
    const got = await p.get(d.id);
    expect(got).toEqual(d);
  });

  it('createDraft without level → VALIDATION with issue path level', async () => {
    const { p } = setup();
    const { level, ...noLevel } = draftInput();
    void level;
    const e = await expectCode(p.createDraft(noLevel, author), 'VALIDATION');
    expect(e.details.issues.some((i: any) => JSON.stringify(i.path).includes('level'))).toBe(true);
  });

  it('createDraft by a non-author → FORBIDDEN; nothing written', async () => {
    const { p } = setup();
    await expectCode(p.createDraft(draftInput(), r1), 'FORBIDDEN');
    const l = await p.list();
    expect(l.items).toHaveLength(0);
  });

  it('get unknown → NOT_FOUND', async () => {
    const { p } = setup();
    await expectCode(p.get('nope'), 'NOT_FOUND');
  });

  it('full 三审 flow to publish with outputs, history and verified chain', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    const s = await p.submit(d.id, author);
    expect(s.state).toBe('in_review');
    const a1 = await p.review(d.id, r1, { decision: 'approve' });
    expect(a1.state).toBe('in_review');
    const a2 = await p.review(d.id, r2, { decision: 'approve' });
    expect(a2.state).toBe('in_review');
    const a3 = await p.review(d.id, ap, { decision: 'approve', comment: '同意' });
    expect(a3.state).toBe('approved');
    const res = await p.publish(d.id, pub);
    expect(res.document.state).toBe('published');
    expect(Array.isArray(res.outputs)).toBe(true);
    expect(res.outputs).toHaveLength(1);
    expect(res.outputs[0].channel).toBe('website');
    expect(res.outputs[0].payload).toHaveProperty('html');

    const h = await p.history(d.id);
    expect(h.map((e: any) => e.type)).toEqual(['created', 'submitted', 'approved', 'approved', 'approved', 'published']);
    h.forEach((e: any, i: number) => {
      for (const k of ['seq', 'type', 'actor', 'at', 'revision', 'hash', 'prevHash']) expect(e, k).toHaveProperty(k);
      if (i > 0) expect(e.prevHash).toBe(h[i - 1].hash);
      if (i > 0) expect(e.seq).toBeGreaterThan(h[i - 1].seq);
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    });
    const v = await p.verifyHistory(d.id);
    expect(v.ok ?? v.valid).toBe(true);
  });

  it('history actor identifies the acting user (ambiguous: id string or actor object)', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    const h = await p.history(d.id);
    const a = h[0].actor;
    expect(typeof a === 'string' ? a : a.id).toBe(author.id);
  });

  it('author cannot review own draft (FORBIDDEN)', async () => {
    const { p } = setup();
    const both = { id: 'u-both', roles: ['author', 'reviewer'], department: 'office' };
    const d = await p.createDraft(draftInput(), both);
    await p.submit(d.id, both);
    await expectCode(p.review(d.id, both, { decision: 'approve' }), 'FORBIDDEN');
  });

  it('one person cannot sign two steps of the same revision', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await p.submit(d.id, author);
    await p.review(d.id, r1, { decision: 'approve' });
    await expectCode(p.review(d.id, r1, { decision: 'approve' }), 'FORBIDDEN');
  });

  it('final step needs approver: reviewer → FORBIDDEN', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await p.submit(d.id, author);
    await p.review(d.id, r1, { decision: 'approve' });
    await p.review(d.id, r2, { decision: 'approve' });
    const r3 = { id: 'u-r3', roles: ['reviewer'], department: 'office' };
    await expectCode(p.review(d.id, r3, { decision: 'approve' }), 'FORBIDDEN');
  });

  it('reviewer outside the department → FORBIDDEN; admin allowed', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await p.submit(d.id, author);
    await expectCode(p.review(d.id, { id: 'x', roles: ['reviewer'], department: 'other' }, { decision: 'approve' }), 'FORBIDDEN');
    const after = await p.review(d.id, { id: 'adm', roles: ['reviewer', 'admin'], department: 'other' }, { decision: 'approve' });
    expect(after.state).toBe('in_review');
  });

  it('reject requires a non-empty comment (VALIDATION), then rejected; edit and resubmit restarts review', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await p.submit(d.id, author);
    await p.review(d.id, r1, { decision: 'approve' });
    await expectCode(p.review(d.id, r2, { decision: 'reject' }), 'VALIDATION');
    await expectCode(p.review(d.id, r2, { decision: 'reject', comment: '  ' }), 'VALIDATION');
    const rej = await p.review(d.id, r2, { decision: 'reject', comment: '数据需核实' });
    expect(rej.state).toBe('rejected');
    const upd = await p.updateDraft(d.id, { body: bodies[7] + '补充说明。' }, author, { expectedVersion: rej.version });
    // (ambiguous) after an edit the document may stay 'rejected' or return to 'draft'
    expect(['rejected', 'draft']).toContain(upd.state);
    expect(upd.version).toBeGreaterThan(rej.version);
    await p.submit(d.id, author);
    // r1 signed the earlier round; after resubmit the review starts over, r1 may sign initial again
    const again = await p.review(d.id, r1, { decision: 'approve' });
    expect(again.state).toBe('in_review');
    const h = await p.history(d.id);
    expect(h.map((e: any) => e.type)).toEqual(['created', 'submitted', 'approved', 'rejected', 'updated', 'submitted', 'approved']);
  });

  it('updateDraft with stale expectedVersion → CONFLICT, nothing written', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await p.updateDraft(d.id, { title: '新标题一' }, author, { expectedVersion: d.version });
    const before = await p.get(d.id);
    const hBefore = await p.history(d.id);
    await expectCode(p.updateDraft(d.id, { title: '新标题二' }, author, { expectedVersion: d.version }), 'CONFLICT');
    expect(await p.get(d.id)).toEqual(before);
    expect(await p.history(d.id)).toEqual(hBefore);
  });

  it('updateDraft in in_review → INVALID_TRANSITION', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    const s = await p.submit(d.id, author);
    await expectCode(p.updateDraft(d.id, { title: 'x' }, author, { expectedVersion: s.version }), 'INVALID_TRANSITION');
  });

  it('updateDraft by non-author role → FORBIDDEN', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await expectCode(p.updateDraft(d.id, { title: 'x' }, r1, { expectedVersion: d.version }), 'FORBIDDEN');
  });

  it('publish before approval → INVALID_TRANSITION; publish without publisher role → FORBIDDEN', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await expectCode(p.publish(d.id, pub), 'INVALID_TRANSITION');
    await approveAll(p, d.id);
    await expectCode(p.publish(d.id, ap), 'FORBIDDEN');
  });

  it('submit with a caliber error → CHECKS_FAILED with details.findings; nothing written', async () => {
    const rs = g.defineRuleSet({ id: 'city', rules: [{ id: 'covid', type: 'replace', patterns: ['新冠肺炎'], expected: '新型冠状病毒感染', severity: 'error' }] });
    const { p } = setup({ caliber: [rs] });
    const d = await p.createDraft(draftInput({ body: '关于新冠肺炎防控工作的安排，请各单位认真落实。' }), author);
    const e = await expectCode(p.submit(d.id, author), 'CHECKS_FAILED');
    expect(Array.isArray(e.details.findings)).toBe(true);
    const f = e.details.findings.find((x: any) => x.ruleId === 'city/covid');
    expect(f).toBeTruthy();
    expect(f.excerpt).toBe('新冠肺炎');
    expect((await p.get(d.id)).state).toBe('draft');
    expect((await p.history(d.id)).map((x: any) => x.type)).toEqual(['created']);
  });

  it('submit with unredacted personal data for a public channel → CHECKS_FAILED with confidentiality/mobile', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput({ body: '如有疑问请联系张先生，手机13812345678。' }), author);
    const e = await expectCode(p.submit(d.id, author), 'CHECKS_FAILED');
    expect(e.details.findings.some((x: any) => x.ruleId === 'confidentiality/mobile')).toBe(true);
  });

  it('secret document bound to public website: submit refused (CLEARANCE or CHECKS_FAILED)', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput({ level: 'secret' }), author);
    try {
      await p.submit(d.id, author);
      throw new Error('resolved');
    } catch (e: any) {
      expect(['CLEARANCE', 'CHECKS_FAILED']).toContain(e.code);
    }
  });

  it('duplicate of a published document → CHECKS_FAILED with duplicates/near-duplicate', async () => {
    const { p } = setup();
    const body = bodies[0]! + bodies[1]!;
    const d1 = await p.createDraft(draftInput({ body }), author);
    await approveAll(p, d1.id);
    await p.publish(d1.id, pub);
    const d2 = await p.createDraft(draftInput({ body }), author2);
    const e = await expectCode(p.submit(d2.id, author2), 'CHECKS_FAILED');
    const f = e.details.findings.find((x: any) => x.ruleId === 'duplicates/near-duplicate');
    expect(f).toBeTruthy();
    expect(JSON.stringify(f)).toContain(d1.id);
  });

  it('VALIDATION on bad review decision lists issue with path decision', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await p.submit(d.id, author);
    const e = await expectCode(p.review(d.id, r1, { decision: 'maybe' }), 'VALIDATION');
    expect(e.details.issues.some((i: any) => JSON.stringify(i.path).includes('decision'))).toBe(true);
  });

  it('invalid actor role → VALIDATION', async () => {
    const { p } = setup();
    await expectCode(p.createDraft(draftInput(), { id: 'z', roles: ['king'] }), 'VALIDATION');
  });
});

describe('can()', () => {
  it('returns { ok, reasons } listing every reason', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    const c = await p.can(d.id, author, 'publish');
    expect(c.ok).toBe(false);
    expect(Array.isArray(c.reasons)).toBe(true);
    // wrong role AND wrong state: both reasons
    expect(c.reasons.length).toBeGreaterThanOrEqual(2);
    const ok = await p.can(d.id, author, 'submit');
    expect(ok).toMatchObject({ ok: true, reasons: [] });
  });

  it("can(id, actor, 'review') — action named after the review() method (ambiguous)", async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await p.submit(d.id, author);
    const c = await p.can(d.id, r1, 'review');
    expect(c.ok).toBe(true);
  });

  it('can(approve) false for the author with a reason', async () => {
    const { p } = setup();
    const both = { id: 'u-both', roles: ['author', 'reviewer'], department: 'office' };
    const d = await p.createDraft(draftInput(), both);
    await p.submit(d.id, both);
    const c = await p.can(d.id, both, 'approve');
    expect(c.ok).toBe(false);
    expect(c.reasons.length).toBeGreaterThan(0);
    expect((await p.can(d.id, r1, 'approve')).ok).toBe(true);
  });
});

describe('withdraw and revise', () => {
  it('withdraw needs publisher and a reason; revise opens a new revision as draft', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await approveAll(p, d.id);
    const { document: published } = await p.publish(d.id, pub);
    expect(published.revision).toBe(1);

    // revise published → new revision draft
    await expectCode(p.revise(d.id, r1), 'FORBIDDEN');
    const rev = await p.revise(d.id, author);
    expect(rev.state).toBe('draft');
    expect(rev.revision).toBe(2);
    const h = await p.history(d.id);
    expect(h.at(-1).type).toBe('revised');
    expect(h.at(-1).revision).toBe(2);
  });

  it('withdraw: FORBIDDEN for non-publisher, VALIDATION without reason, withdrawn with reason', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await approveAll(p, d.id);
    await p.publish(d.id, pub);
    await expectCode(p.withdraw(d.id, author, '错误'), 'FORBIDDEN');
    await expectCode(p.withdraw(d.id, pub, ''), 'VALIDATION');
    const w = await p.withdraw(d.id, pub, '信息有误，撤回更正');
    expect(w.state).toBe('withdrawn');
    expect((await p.history(d.id)).at(-1).type).toBe('withdrawn');
    expect((await p.verifyHistory(d.id)).ok).toBe(true);
  });

  it('new revision needs fresh signatures before publish', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await approveAll(p, d.id);
    await p.publish(d.id, pub);
    await p.revise(d.id, author);
    await p.submit(d.id, author);
    const s = await p.get(d.id);
    expect(s.state).toBe('in_review');
    await expectCode(p.publish(d.id, pub), 'INVALID_TRANSITION');
  });

  it('withdraw from draft → INVALID_TRANSITION', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await expectCode(p.withdraw(d.id, pub, '原因'), 'INVALID_TRANSITION');
  });
});

describe('schedule, due, publishUrgent', () => {
  it('schedule approved → scheduled; due(now) lists it once time has come', async () => {
    const { p, advance, now } = setup();
    const d = await p.createDraft(draftInput(), author);
    await approveAll(p, d.id);
    const at = new Date(now().getTime() + 3_600_000);
    const s = await p.schedule(d.id, pub, at);
    expect(s.state).toBe('scheduled');
    const due0 = await p.due(new Date(at.getTime() - 1));
    const ids0 = (Array.isArray(due0) ? due0 : due0.items).map((x: any) => x.id ?? x);
    expect(ids0).not.toContain(d.id);
    advance(3_600_000 * 2);
    const due1 = await p.due(new Date(at.getTime() + 1));
    const ids1 = (Array.isArray(due1) ? due1 : due1.items).map((x: any) => x.id ?? x);
    expect(ids1).toContain(d.id);
    const res = await p.publish(d.id, pub);
    expect(res.document.state).toBe('published');
    const types = (await p.history(d.id)).map((e: any) => e.type);
    expect(types).toContain('scheduled');
  });

  it('schedule requires publisher role and an approved document', async () => {
    const { p, now } = setup();
    const d = await p.createDraft(draftInput(), author);
    const at = new Date(now().getTime() + 3_600_000);
    await expectCode(p.schedule(d.id, pub, at), 'INVALID_TRANSITION');
    await approveAll(p, d.id);
    await expectCode(p.schedule(d.id, author, at), 'FORBIDDEN');
  });

  it('schedule accepts an ISO string time (ambiguous)', async () => {
    const { p, now } = setup();
    const d = await p.createDraft(draftInput(), author);
    await approveAll(p, d.id);
    const s = await p.schedule(d.id, pub, new Date(now().getTime() + 3_600_000).toISOString());
    expect(s.state).toBe('scheduled');
  });

  it('unschedule returns to approved with an unscheduled event', async () => {
    const { p, now } = setup();
    const d = await p.createDraft(draftInput(), author);
    await approveAll(p, d.id);
    await p.schedule(d.id, pub, new Date(now().getTime() + 3_600_000));
    const u = await p.unschedule(d.id, pub);
    expect(u.state).toBe('approved');
    expect((await p.history(d.id)).at(-1).type).toBe('unscheduled');
  });

  it('publishUrgent from draft by approver+publisher, with reason; retrospective review listed', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await expectCode(p.publishUrgent(d.id, pub, '紧急'), 'FORBIDDEN');
    await expectCode(p.publishUrgent(d.id, urgentActor, ''), 'VALIDATION');
    const res = await p.publishUrgent(d.id, urgentActor, '突发暴雨预警，需立即发布');
    expect(res.document.state).toBe('published');
    expect(res.outputs.length).toBe(1);
    const l = await p.list({ needsRetrospectiveReview: true });
    expect(l.items.map((x: any) => x.id)).toContain(d.id);
    const l2 = await p.list({ needsRetrospectiveReview: false });
    expect(l2.items.map((x: any) => x.id)).not.toContain(d.id);
  });
});

describe('list()', () => {
  it('paginates with nextCursor without gaps or repeats; filter by state', async () => {
    const { p } = setup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await p.createDraft(draftInput(), author)).id);
    await p.submit(ids[0], author);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await p.list({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((x: any) => x.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect([...seen].sort()).toEqual([...ids].sort());
    const inReview = await p.list({ state: 'in_review' });
    expect(inReview.items.map((x: any) => x.id)).toEqual([ids[0]]);
    const all = await p.list();
    expect(all.nextCursor).toBeUndefined();
  });

  it('list with bad limit → VALIDATION', async () => {
    const { p } = setup();
    await expectCode(p.list({ limit: -1 }), 'VALIDATION');
  });
});

describe('memoryAdapter isolation and reviewSteps', () => {
  it('returned documents are copies (mutating them does not change storage)', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    d.title = 'mutated';
    d.channels.push('sms');
    const again = await p.get(d.id);
    expect(again.title).not.toBe('mutated');
    expect(again.channels).toEqual(['website']);
  });

  it('custom reviewSteps: a single step approves', async () => {
    const { p } = setup({ reviewSteps: [{ id: 'only', roles: ['approver'] }] });
    const d = await p.createDraft(draftInput(), author);
    await p.submit(d.id, author);
    const a = await p.review(d.id, ap2, { decision: 'approve' });
    expect(a.state).toBe('approved');
  });

  it('concurrent reviews of the same step: exactly one wins (CONFLICT or FORBIDDEN for the other)', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await p.submit(d.id, author);
    const res = await Promise.allSettled([p.review(d.id, r1, { decision: 'approve' }), p.review(d.id, r2, { decision: 'approve' })]);
    const ok = res.filter((r) => r.status === 'fulfilled');
    // both may succeed sequentially (initial then secondary) or one conflicts; never both sign the same step
    const h = await p.history(d.id);
    const approvals = h.filter((e: any) => e.type === 'approved');
    expect(approvals.length).toBe(ok.length);
    for (const r of res) if (r.status === 'rejected') expect((r.reason as any).code).toBe('CONFLICT');
    expect((await p.verifyHistory(d.id)).ok).toBe(true);
  });
});

describe('more workflow contract checks', () => {
  it('unknown channel in createDraft → VALIDATION whose issue path points into the input (channels.1)', async () => {
    const { p } = setup();
    const e = await expectCode(p.createDraft(draftInput({ channels: ['website', 'telegram'] }), author), 'VALIDATION');
    const paths = e.details.issues.map((i: any) => (Array.isArray(i.path) ? i.path.join('.') : String(i.path)));
    expect(paths).toContain('channels.1');
  });

  it('invalid level value → VALIDATION whose message does not claim the level is missing', async () => {
    const { p } = setup();
    const e = await expectCode(p.createDraft(draftInput({ level: 'ultra' }), author), 'VALIDATION');
    const issue = e.details.issues.find((i: any) => JSON.stringify(i.path).includes('level'));
    expect(issue).toBeTruthy();
    expect(issue.message).not.toMatch(/required/);
  });

  it('warnings/infos from gates are stored on the document for reviewers', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput({ body: '市图书馆将于下月起延长开放时间，欢迎广大读者前来借阅。' }), author);
    const s = await p.submit(d.id, author);
    expect(Array.isArray(s.findings)).toBe(true);
    expect(s.findings.length).toBeGreaterThan(0);
    expect(s.findings.every((f: any) => f.severity !== 'error')).toBe(true);
  });

  it('concurrent updateDraft with the same expectedVersion: exactly one wins, others CONFLICT', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    const rs = await Promise.allSettled([1, 2, 3, 4].map((i) => p.updateDraft(d.id, { title: '标题' + i }, author, { expectedVersion: d.version })));
    expect(rs.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of rs) if (r.status === 'rejected') expect((r.reason as any).code).toBe('CONFLICT');
    expect((await p.history(d.id)).filter((e: any) => e.type === 'updated')).toHaveLength(1);
  });

  it('revise keeps the published revision readable while the new revision is a draft', async () => {
    const { p } = setup();
    const input = draftInput();
    const d = await p.createDraft(input, author);
    await approveAll(p, d.id);
    await p.publish(d.id, pub);
    const rv = await p.revise(d.id, author);
    const up = await p.updateDraft(d.id, { body: input.body + '特此通知。' }, author, { expectedVersion: rv.version });
    expect(up.revision).toBe(2);
    expect(up.published.revision).toBe(1);
    expect(up.published.body).toBe(input.body);
  });

  it('publishUrgent leaves a retrospective obligation until missing steps are signed', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await p.submit(d.id, author);
    const u = await p.publishUrgent(d.id, urgentActor, '突发事件，需立即发布');
    expect(u.document.state).toBe('published');
    expect(u.document.retrospectiveReview).toBeTruthy();
    await p.review(d.id, r1, { decision: 'approve' });
    await p.review(d.id, r2, { decision: 'approve' });
    const done = await p.review(d.id, ap, { decision: 'approve' });
    expect(done.retrospectiveReview).toBeNull();
    expect((await p.list({ needsRetrospectiveReview: true })).items).toHaveLength(0);
  });

  it('list filters by department and channel', async () => {
    const { p } = setup();
    await p.createDraft(draftInput(), author);
    expect((await p.list({ department: 'office' })).items).toHaveLength(1);
    expect((await p.list({ department: 'elsewhere' })).items).toHaveLength(0);
    expect((await p.list({ channel: 'website' })).items).toHaveLength(1);
    expect((await p.list({ channel: 'sms' })).items).toHaveLength(0);
  });

  it('schedule in the past → VALIDATION; bad date → VALIDATION', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await approveAll(p, d.id);
    await expectCode(p.schedule(d.id, pub, new Date('2000-01-01T00:00:00Z')), 'VALIDATION');
    await expectCode(p.schedule(d.id, pub, 'not a date'), 'VALIDATION');
  });

  it('updateDraft without the options argument → VALIDATION', async () => {
    const { p } = setup();
    const d = await p.createDraft(draftInput(), author);
    await expectCode(p.updateDraft(d.id, { title: 'x' }, author), 'VALIDATION');
  });

  it.skipIf(!againstBuild)('isGovpubError recognises errors thrown by the CJS copy of the package', async () => {
    const { createRequire } = await import('node:module');
    const req = createRequire(import.meta.url);
    const cjs = req('../../dist/index.cjs');
    const e = new cjs.GovpubError('CONFLICT', 'x');
    expect(g.isGovpubError(e)).toBe(true);
  });
});

describe('README quickstart', () => {
  it('runs as written and verifies a 6-event history', async () => {
    const publisher = g.createPublisher({ storage: g.memoryAdapter() });
    const a = { id: 'zhang.wei', roles: ['author'], department: 'office' };
    const reviewers = [
      { id: 'li.na', roles: ['reviewer'], department: 'office' },
      { id: 'wang.fang', roles: ['reviewer'], department: 'office' },
      { id: 'zhao.lei', roles: ['approver'], department: 'office' },
    ];
    const draft = await publisher.createDraft({ title: '关于临时停水的通知', body: '3月5日8时至18时，城区部分区域停水。', level: 'public' }, a);
    await publisher.submit(draft.id, a);
    for (const r of reviewers) await publisher.review(draft.id, r, { decision: 'approve' });
    const { outputs } = await publisher.publish(draft.id, { id: 'sun.li', roles: ['publisher'] });
    expect(outputs[0].payload).toBeTruthy();
    expect(await publisher.verifyHistory(draft.id)).toMatchObject({ ok: true, count: 6 });
  });
});
