// The delivery ledger inside the workflow (issue 14): the publisher writes deliveries in its
// own commits, runs the worker, appends every outcome to the document's audit chain, and
// reports per-account state, dead deliveries and withdrawal tasks.
import { describe, expect, it } from 'vitest';
import {
  createHeadSigner,
  createHeadVerifier,
  generateSigningKey,
  isGovpubError,
  memoryAdapter,
  type Account,
  type Transport,
  type TransportContext,
  type TransportResult,
} from '../../src/index';
import { notice, setup, staff } from '../workflow/fixtures';

/** An in-process transport that records what it was asked to send. */
function recording(result: (ctx: TransportContext, n: number) => TransportResult = (ctx) => ({ status: 'sent', receipt: { id: `rcpt-${ctx.delivery.idempotencyKey}`, url: `https://example.gov.cn/${ctx.delivery.id}` } })) {
  const sent: TransportContext['delivery'][] = [];
  const transport: Transport = {
    async send(ctx) {
      sent.push(ctx.delivery);
      return result(ctx, sent.length);
    },
    async remove() {
      return { status: 'removed', receipt: { removed: true } };
    },
  };
  return { sent, transport };
}

function accountsWith(t: Record<string, Transport>): Account[] {
  return [
    { id: 'wx-main', channel: 'wechat', name: '某某发布', transport: t.wechat! },
    { id: 'portal', channel: 'website', name: '门户网站', transport: t.website! },
    { id: 'sms-city', channel: 'sms', name: '市民短信', options: { signature: '某某发布' }, transport: t.sms ?? t.website! },
  ];
}

describe('publishing through accounts writes the ledger in the publishing commit', () => {
  it('one pending delivery per target account, nothing sent, the published event names them', async () => {
    const wx = recording();
    const web = recording();
    const { publisher, storage } = setup({ accounts: accountsWith({ wechat: wx.transport, website: web.transport }) });
    const draft = await publisher.createDraft({ ...notice, channels: ['wechat', 'portal'] }, staff.author);
    await approvedDocument2(publisher, draft.id);
    const { document, outputs } = await publisher.publish(draft.id, staff.publisher);
    expect(outputs.map((o) => o.channel)).toEqual(['wechat', 'portal']);
    expect(wx.sent).toHaveLength(0); // nothing is sent inside publish
    const rows = await storage.deliveries!.forDocument(document.id);
    expect(rows.map((d) => [d.accountId, d.channel, d.state, d.idempotencyKey])).toEqual([
      ['wx-main', 'wechat', 'pending', `${document.id}:${document.revision}:wx-main`],
      ['portal', 'website', 'pending', `${document.id}:${document.revision}:portal`],
    ]);
    expect(rows.every((d) => /^[0-9a-f]{64}$/.test(d.payloadHash))).toBe(true);
    const published = (await publisher.history(document.id)).at(-1)!;
    expect(published.type).toBe('published');
    expect((published.data.deliveries as { accountId: string }[]).map((d) => d.accountId)).toEqual(['wx-main', 'portal']);
  });

  it('an account\'s options shape its payload (SMS signature) and a wrong target is refused naming it', async () => {
    const web = recording();
    const { publisher, storage } = setup({ accounts: accountsWith({ wechat: web.transport, website: web.transport }) });
    const doc = await publisher.createDraft({ ...notice, channels: ['sms-city'] }, staff.author);
    await approvedDocument2(publisher, doc.id);
    await publisher.publish(doc.id, staff.publisher);
    const [row] = await storage.deliveries!.forDocument(doc.id);
    expect(row!.accountId).toBe('sms-city');
    expect(String(row!.payload.text)).toContain('某某发布');
    const bad = await publisher.createDraft({ ...notice, channels: ['wx-typo'] }, staff.author).catch((e: unknown) => e);
    expect(isGovpubError(bad) && bad.code).toBe('VALIDATION');
    expect(JSON.stringify((bad as { details: unknown }).details)).toContain('wx-typo');
  });

  it('clearance is the account\'s: an internal document cannot target a public account', async () => {
    const web = recording();
    const { publisher } = setup({
      accounts: [
        ...accountsWith({ wechat: web.transport, website: web.transport }),
        { id: 'intranet', channel: 'website', name: '内网', clearance: 'internal', transport: web.transport },
      ],
    });
    const internal = { ...notice, level: 'internal' as const };
    const ok = await publisher.createDraft({ ...internal, channels: ['intranet'] }, staff.author);
    await approvedDocument2(publisher, ok.id);
    await expect(publisher.publish(ok.id, staff.publisher)).resolves.toBeDefined();
    const refused = await publisher.createDraft({ ...internal, channels: ['portal'] }, staff.author);
    const e = await publisher.submit(refused.id, staff.author).catch((x: unknown) => x);
    expect(isGovpubError(e) && e.code).toBe('CLEARANCE');
    expect(JSON.stringify(e)).toContain('portal');
  });

  it('accounts without a ledger in storage are refused at creation', () => {
    const storage = memoryAdapter();
    const { deliveries: _omit, ...noLedger } = storage as typeof storage & { deliveries?: unknown };
    const web = recording();
    expect(() => setup({ storage: noLedger as typeof storage, accounts: accountsWith({ wechat: web.transport, website: web.transport }) })).toThrow(/delivery ledger/);
  });
});

describe('the worker run from the publisher', () => {
  it('records each outcome with its receipt as an audit event, and the signed trail still verifies', async () => {
    const key = generateSigningKey();
    const wx = recording();
    const web = recording();
    const { publisher, storage, time } = setup({
      accounts: accountsWith({ wechat: wx.transport, website: web.transport }),
      signer: createHeadSigner(key),
      verifier: createHeadVerifier({ kind: 'ed25519', publicKey: key.publicKey }),
    });
    const doc = await publisher.createDraft({ ...notice, channels: ['wechat', 'portal'] }, staff.author);
    await approvedDocument2(publisher, doc.id);
    await publisher.publish(doc.id, staff.publisher);
    time.advance(1000);
    const run = await publisher.deliverPending({ limit: 10 });
    expect(run.claimed).toBe(2);
    expect(run.events.map((e) => e.type)).toEqual(['delivered', 'delivered']);
    expect(wx.sent).toHaveLength(1);
    const history = await publisher.history(doc.id);
    const delivered = history.filter((e) => e.type === 'delivered');
    expect(delivered.map((e) => e.data.accountId).sort()).toEqual(['portal', 'wx-main']);
    expect(delivered.every((e) => typeof (e.data.receipt as { id?: unknown }).id === 'string')).toBe(true);
    expect(delivered[0]!.actor.roles).toEqual([]);
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: true });
    const state = await publisher.deliveries(doc.id);
    expect(state.accounts.map((a) => [a.accountId, a.accountName, a.state, a.label, a.live])).toEqual([
      ['wx-main', '某某发布', 'sent', '已送达', true],
      ['portal', '门户网站', 'sent', '已送达', true],
    ]);
    expect(state.accounts[0]!.url).toMatch(/^https:\/\/example\.gov\.cn\//);
    // A second run finds nothing; nothing is sent twice.
    expect((await publisher.deliverPending()).claimed).toBe(0);
    expect((await storage.deliveries!.list({ state: 'sent' })).length).toBe(2);
  });

  it('a delivery that keeps failing ends dead and shows in list({ delivery: "dead" })', async () => {
    const failing = recording(() => ({ status: 'failed', error: { code: 'http/503', message: 'Service Unavailable', retryable: true } }));
    const web = recording();
    const { publisher, time } = setup({ duplicates: false, accounts: accountsWith({ wechat: failing.transport, website: web.transport }) });
    const doc = await publisher.createDraft({ ...notice, channels: ['wechat', 'portal'] }, staff.author);
    await approvedDocument2(publisher, doc.id);
    await publisher.publish(doc.id, staff.publisher);
    const other = await publisher.createDraft({ ...notice, title: '另一则通知', channels: ['portal'] }, staff.author);
    await approvedDocument2(publisher, other.id);
    await publisher.publish(other.id, staff.publisher);
    for (let i = 0; i < 4; i++) {
      time.advance(3_600_000);
      await publisher.deliverPending({ maxAttempts: 3, backoff: { random: () => 0 } });
    }
    expect(failing.sent).toHaveLength(3);
    const dead = await publisher.list({ delivery: 'dead' });
    expect(dead.items.map((d) => d.id)).toEqual([doc.id]);
    expect((await publisher.list({ delivery: ['sent'], state: 'published' })).items.map((d) => d.id)).toEqual([doc.id, other.id]);
    const types = (await publisher.history(doc.id)).map((e) => e.type);
    expect(types.filter((t) => t === 'delivery_retry')).toHaveLength(2);
    expect(types).toContain('delivery_dead');
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: true });
    await expect(publisher.list({ delivery: 'nope' as never })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('list({ delivery }) pages with the cursor list() uses, in (createdAt, id) order', async () => {
    const web = recording();
    const { publisher, time } = setup({ duplicates: false, accounts: accountsWith({ wechat: recording().transport, website: web.transport }) });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const doc = await publisher.createDraft({ ...notice, title: `通知${i}`, channels: ['portal'] }, staff.author);
      await approvedDocument2(publisher, doc.id);
      await publisher.publish(doc.id, staff.publisher);
      ids.push(doc.id);
      time.advance(1000);
    }
    // One draft with no delivery at all, which the filter must leave out on every page.
    await publisher.createDraft({ ...notice, title: '草稿', channels: ['portal'] }, staff.author);
    await publisher.deliverPending({ limit: 10 });
    const seen: string[] = [];
    let cursor: string | undefined;
    const pages: number[] = [];
    do {
      const page = await publisher.list({ delivery: 'sent', limit: 2, ...(cursor ? { cursor } : {}) });
      pages.push(page.items.length);
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual([2, 2, 1]);
    expect(seen).toEqual(ids);
    // A cursor that list() gave means the same position here, and a bad one is refused.
    const plain = await publisher.list({ state: 'published', limit: 2 });
    expect((await publisher.list({ delivery: 'sent', cursor: plain.nextCursor! })).items.map((d) => d.id)).toEqual(ids.slice(2));
    await expect(publisher.list({ delivery: 'sent', cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['cursor'] }] } });
  });

  it('an outcome appended while the document moves on lands on its new head', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: Transport = { async send(ctx) { await gate; return { status: 'sent', receipt: { id: ctx.delivery.id } }; } };
    const web = recording();
    const { publisher } = setup({ accounts: accountsWith({ wechat: slow, website: web.transport }) });
    const doc = await publisher.createDraft({ ...notice, channels: ['wechat'] }, staff.author);
    await approvedDocument2(publisher, doc.id);
    await publisher.publish(doc.id, staff.publisher);
    const running = publisher.deliverPending();
    await new Promise((r) => setTimeout(r, 20));
    await publisher.revise(doc.id, staff.author); // the document moves while the send is in flight
    release();
    expect((await running).events.map((e) => e.type)).toEqual(['delivered']);
    const types = (await publisher.history(doc.id)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['revised', 'delivered']);
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: true });
    expect((await publisher.get(doc.id)).state).toBe('draft');
  });

  it('publishDue writes the deliveries of a scheduled publication', async () => {
    const web = recording();
    const { publisher, storage, time } = setup({ accounts: accountsWith({ wechat: web.transport, website: web.transport }) });
    const doc = await publisher.createDraft({ ...notice, channels: ['portal'] }, staff.author);
    await approvedDocument2(publisher, doc.id);
    await publisher.schedule(doc.id, staff.publisher, new Date(time.clock().getTime() + 60_000));
    expect(await storage.deliveries!.forDocument(doc.id)).toEqual([]);
    time.advance(61_000);
    const due = await publisher.publishDue(staff.publisher);
    expect(due.published).toHaveLength(1);
    expect((await storage.deliveries!.forDocument(doc.id)).map((d) => [d.accountId, d.state])).toEqual([['portal', 'pending']]);
  });
});

/** Submits and signs all three default steps of an existing draft. */
async function approvedDocument2(publisher: ReturnType<typeof setup>['publisher'], id: string) {
  await publisher.submit(id, staff.author);
  await publisher.review(id, staff.reviewer1, { decision: 'approve' });
  await publisher.review(id, staff.reviewer2, { decision: 'approve' });
  return publisher.review(id, staff.approver, { decision: 'approve' });
}
