// Issue 13 §3, replayed against PostgreSQL set up as docs/security.md recommends: an attacker
// with the application role's rights, and one with the table owner's (a DBA), forge the audit
// trail in SQL. Every forgery must be reported — by verifyHistory (with the public key) and/or
// by verifyCheckpoint against a checkpoint handed out earlier — with the exact code and the
// seq of the event named, and publish must refuse what was forged.
//
// Runs on PGlite always, and on the real server at DATABASE_URL (required under CI=true). Use
// your own database locally: eval "$(GOVPUB_PG_DB=wt_<you> bash scripts/ci-postgres.sh)".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentDigest,
  createHeadSigner,
  createHeadVerifier,
  createPublisher,
  generateSigningKey,
  type GovDocument,
  type Publisher,
} from '../../src/index';
import { chainEvents } from '../../src/workflow/index';
import { serverGuard } from '../postgres/server-guard';
import { manualClock, notice, staff } from '../workflow/fixtures';
import { pgliteTarget, serverTarget, type AttackSchema, type AttackTarget } from './attack-db';
import { insertEvents, readRows, refusal, replaceTrail, unchained, withTriggersOff, writeDocument } from './forge';

const key = generateSigningKey();
const signer = createHeadSigner(key);
const verifier = createHeadVerifier({ kind: 'ed25519', publicKey: key.publicKey });

const url = serverGuard('security attack suite (PostgreSQL server)');
const targets: [string, () => Promise<AttackTarget>][] = [['PGlite', pgliteTarget]];
if (url) targets.push(['PostgreSQL server', () => serverTarget(url)]);

async function thrown(promise: Promise<unknown>): Promise<{ code?: string; message: string; details?: unknown }> {
  try {
    await promise;
  } catch (e) {
    return e as { code?: string; message: string };
  }
  throw new Error('expected a refusal');
}

/** What publish must answer for a forged trail: CONFLICT, reason TRAIL_MISMATCH naming the code and seq. */
function trailMismatch(code: string, seq: number) {
  return { code: 'CONFLICT', details: { reasons: [expect.objectContaining({ code: 'TRAIL_MISMATCH', params: expect.objectContaining({ code, seq }) })] } };
}

describe.each(targets)('forging the audit trail on %s', (_name, make) => {
  let target: AttackTarget;
  beforeAll(async () => {
    target = await make();
  }, 120_000);
  afterAll(() => target?.close());

  /** A fresh schema and the office's publisher over it, connected as the application role. */
  async function office(schema: string): Promise<AttackSchema & { publisher: Publisher }> {
    const s = await target.schema(schema);
    let n = 0;
    const time = manualClock();
    const publisher = createPublisher({ storage: s.storage, signer, verifier, duplicates: false, clock: () => (time.advance(1000), time.clock()), idGenerator: () => `${schema}-${++n}` });
    return { ...s, publisher };
  }

  async function awaitingApproval(publisher: Publisher, title = notice.title): Promise<GovDocument> {
    const doc = await publisher.createDraft({ ...notice, title }, staff.author);
    await publisher.submit(doc.id, staff.author);
    await publisher.review(doc.id, staff.reviewer1, { decision: 'approve' });
    return publisher.review(doc.id, staff.reviewer2, { decision: 'approve' });
  }

  async function approved(publisher: Publisher, title = notice.title): Promise<GovDocument> {
    const doc = await awaitingApproval(publisher, title);
    return publisher.review(doc.id, staff.approver, { decision: 'approve' });
  }

  it('the application role cannot rewrite or delete the trail: the database refuses', async () => {
    const { publisher, app, schema } = await office('sec_grants');
    const doc = await approved(publisher);
    for (const statement of [
      `UPDATE ${schema}.audit_events SET hash = 'x'`,
      `DELETE FROM ${schema}.audit_events WHERE document_id = '${doc.id}'`,
      `TRUNCATE ${schema}.audit_events`,
      `UPDATE ${schema}.document_versions SET doc = '{}'`,
      `DELETE FROM ${schema}.document_versions`,
      `DELETE FROM ${schema}.documents`,
      `ALTER TABLE ${schema}.audit_events DISABLE TRIGGER ALL`,
      `DROP TABLE ${schema}.audit_events`,
    ]) {
      // 42501 insufficient_privilege: "permission denied" or "must be owner".
      expect(await refusal(app, statement), statement).toMatch(/^42501 (permission denied|must be owner)/);
    }
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: true, count: 5, signature: 'verified' });
  });

  it('(a) app role appends a forged approval with a recomputed hash and moves the head: BAD_SIGNATURE at seq 5', async () => {
    const { publisher, app, schema } = await office('sec_a');
    const doc = await awaitingApproval(publisher);
    const handedOut = await publisher.checkpoint();
    const { document, events } = await readRows(app, schema, doc.id);
    const last = events.at(-1)!;
    const forged: GovDocument = {
      ...document,
      version: document.version + 1,
      state: 'approved',
      currentStep: null,
      signatures: [...document.signatures, { step: 'final', actorId: staff.approver.id, at: last.at }],
    };
    // Digests and hashes need no key: the forger computes both right. The stored signature is
    // the only one the forger has, and it covers the old head.
    const [event] = chainEvents(document.historyHead!, [
      { documentId: doc.id, type: 'approved', actor: staff.approver, at: last.at, revision: document.revision, data: { step: 'final' }, contentDigest: contentDigest(forged) },
    ]);
    await insertEvents(app, schema, [event!]);
    await writeDocument(app, schema, { ...forged, historyHead: { seq: event!.seq, hash: event!.hash, signature: document.historyHead!.signature! } });

    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'BAD_SIGNATURE', brokenAt: 5 });
    expect(await thrown(publisher.publish(doc.id, staff.publisher))).toMatchObject(trailMismatch('BAD_SIGNATURE', 5));
    expect(await publisher.can(doc.id, staff.publisher, 'publish')).toMatchObject({ ok: false, details: [expect.objectContaining({ code: 'TRAIL_MISMATCH' })] });
    // The office's next checkpoint refuses to vouch for it, naming the document and event…
    expect(await thrown(publisher.checkpoint())).toMatchObject({
      code: 'CONFLICT',
      details: { reasons: [expect.objectContaining({ params: expect.objectContaining({ id: doc.id, code: 'BAD_SIGNATURE', seq: 5 }) })] },
    });
    // …while the earlier checkpoint is still extended: an append rewrites nothing before it.
    // Only the head signature catches appends.
    expect(await publisher.verifyCheckpoint(handedOut)).toMatchObject({ ok: true });
    // Nothing was published.
    expect((await readRows(app, schema, doc.id)).document.published).toBeNull();
  });

  it('(b) owner deletes a rejection and recomputes the chain: BAD_SIGNATURE locally, HISTORY_REWRITTEN at seq 3 / HISTORY_SHORTENED at seq 8 against checkpoints', async () => {
    const { publisher, owner, schema } = await office('sec_b');
    const doc = await publisher.createDraft(notice, staff.author);
    await publisher.submit(doc.id, staff.author);
    await publisher.review(doc.id, staff.reviewer1, { decision: 'reject', comment: '联系人身份证号不得公开' });
    const afterRejection = await publisher.checkpoint();
    expect(afterRejection.leaves).toEqual([expect.objectContaining({ documentId: doc.id, seq: 3 })]);
    await publisher.updateDraft(doc.id, { body: `${notice.body}\n\n咨询电话：12345。` }, staff.author, { expectedVersion: (await publisher.get(doc.id)).version });
    await publisher.submit(doc.id, staff.author);
    await publisher.review(doc.id, staff.reviewer1, { decision: 'approve' });
    await publisher.review(doc.id, staff.reviewer2, { decision: 'approve' });
    await publisher.review(doc.id, staff.approver, { decision: 'approve' });
    const afterApproval = await publisher.checkpoint();
    expect(afterApproval.leaves).toEqual([expect.objectContaining({ documentId: doc.id, seq: 8 })]);

    const { document, events } = await readRows(owner, schema, doc.id);
    expect(events.map((e) => e.type)).toEqual(['created', 'submitted', 'rejected', 'updated', 'submitted', 'approved', 'approved', 'approved']);
    await replaceTrail(owner, schema, document, unchained(events.filter((e) => e.type !== 'rejected')));

    // The chain is consistent again; the head's signature is not.
    expect(await publisher.history(doc.id)).toHaveLength(7);
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'BAD_SIGNATURE', brokenAt: 7 });
    expect(await thrown(publisher.publish(doc.id, staff.publisher))).toMatchObject(trailMismatch('BAD_SIGNATURE', 7));
    // The checkpoint taken right after the rejection names the rejection's own place.
    expect(await publisher.verifyCheckpoint(afterRejection)).toMatchObject({ ok: false, code: 'HISTORY_REWRITTEN', documentId: doc.id, seq: 3, expected: events[2]!.hash });
    expect(await publisher.verifyCheckpoint(afterApproval)).toMatchObject({ ok: false, code: 'HISTORY_SHORTENED', documentId: doc.id, seq: 8 });

    // Padding the trail back to eight events does not help: the event at seq 8 differs.
    const { document: shortened, events: seven } = await readRows(owner, schema, doc.id);
    await replaceTrail(owner, schema, shortened, unchained([...seven, { ...seven.at(-1)!, at: new Date(Date.parse(seven.at(-1)!.at) + 1000).toISOString() }]));
    expect(await publisher.verifyCheckpoint(afterApproval)).toMatchObject({ ok: false, code: 'HISTORY_REWRITTEN', documentId: doc.id, seq: 8 });
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'BAD_SIGNATURE', brokenAt: 8 });
  });

  it('(c) app role edits documents.doc with jsonb_set (body, signatures, published text): CONTENT_MISMATCH at the last event', async () => {
    const { publisher, app, schema } = await office('sec_c');
    const doc = await approved(publisher);
    const set = (path: string, value: unknown) =>
      app.query(`UPDATE ${schema}.documents SET doc = jsonb_set(doc, $2::text[], $3::jsonb) WHERE id = $1`, [doc.id, path, JSON.stringify(value)]);

    await set('{body}', '明日停水。联系人：张三，身份证号11010519491231002X。');
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'CONTENT_MISMATCH', brokenAt: 5 });
    expect(await thrown(publisher.publish(doc.id, staff.publisher))).toMatchObject(trailMismatch('CONTENT_MISMATCH', 5));
    expect(await thrown(publisher.checkpoint())).toMatchObject({ code: 'CONFLICT', details: { reasons: [expect.objectContaining({ params: expect.objectContaining({ code: 'CONTENT_MISMATCH', seq: 5 }) })] } });
    await set('{body}', notice.body);
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: true });

    // A signature moved to someone else, or one step's signature dropped.
    await set('{signatures,2,actorId}', 'someone.else');
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'CONTENT_MISMATCH', brokenAt: 5 });
    await set('{signatures,2,actorId}', staff.approver.id);
    await app.query(`UPDATE ${schema}.documents SET doc = doc #- '{signatures,1}' WHERE id = $1`, [doc.id]);
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'CONTENT_MISMATCH', brokenAt: 5 });
    expect(await thrown(publisher.publish(doc.id, staff.publisher))).toMatchObject(trailMismatch('CONTENT_MISMATCH', 5));
  });

  it('(c) app role edits the published text and the level of a published document: CONTENT_MISMATCH at seq 6', async () => {
    const { publisher, app, schema } = await office('sec_c2');
    const doc = await approved(publisher);
    await publisher.publish(doc.id, staff.publisher);
    const handedOut = await publisher.checkpoint();
    await app.query(`UPDATE ${schema}.documents SET doc = jsonb_set(doc, '{published,body}', to_jsonb($2::text)) WHERE id = $1`, [doc.id, '已发布的正文被改写。']);
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'CONTENT_MISMATCH', brokenAt: 6 });
    // The checkpoint compares the recorded head with the trail, not with the stored text: the
    // trail is untouched, so it still agrees. The digest check above is what sees this edit.
    expect(await publisher.verifyCheckpoint(handedOut)).toMatchObject({ ok: true });
    await app.query(`UPDATE ${schema}.documents SET doc = jsonb_set(doc, '{published,body}', to_jsonb($2::text)) WHERE id = $1`, [doc.id, notice.body]);
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: true, count: 6 });
    await app.query(`UPDATE ${schema}.documents SET doc = jsonb_set(doc, '{level}', '"secret"') WHERE id = $1`, [doc.id]);
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'CONTENT_MISMATCH', brokenAt: 6 });
  });

  it('(d) owner deletes a document with its trail: DOCUMENT_MISSING at the recorded seq', async () => {
    const { publisher, app, owner, schema } = await office('sec_d');
    const kept = await approved(publisher, '关于开展植树活动的通知');
    const doomed = await approved(publisher);
    const handedOut = await publisher.checkpoint();
    expect(handedOut.treeSize).toBe(2);
    // The application role cannot.
    expect(await refusal(app, `DELETE FROM ${schema}.documents WHERE id = '${doomed.id}'`)).toMatch(/^42501/);
    await withTriggersOff(owner, schema, ['audit_events', 'document_versions'], async () => {
      for (const table of ['audit_events', 'document_versions']) await owner.query(`DELETE FROM ${schema}.${table} WHERE document_id = $1`, [doomed.id]);
      await owner.query(`DELETE FROM ${schema}.documents WHERE id = $1`, [doomed.id]);
    });

    expect(await thrown(publisher.verifyHistory(doomed.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await publisher.verifyHistory(kept.id)).toMatchObject({ ok: true });
    expect(await publisher.verifyCheckpoint(handedOut)).toMatchObject({ ok: false, code: 'DOCUMENT_MISSING', documentId: doomed.id, seq: 5, actual: null });
    expect(await publisher.verifyCheckpoint(handedOut, { documentId: doomed.id })).toMatchObject({ ok: false, code: 'DOCUMENT_MISSING', seq: 5 });
    expect(await publisher.verifyCheckpoint(handedOut, { documentId: kept.id })).toMatchObject({ ok: true });
    // A checkpoint taken now simply lacks it: the earlier one is the evidence.
    expect(await publisher.checkpoint()).toMatchObject({ treeSize: 1 });
  });

  it('(e) owner rewrites everything consistently without the key: NO_SIGNATURE locally, HISTORY_REWRITTEN at the first document', async () => {
    const { publisher, owner, schema, storage } = await office('sec_e');
    const live = await approved(publisher);
    await publisher.publish(live.id, staff.publisher);
    const pending = await approved(publisher, '关于开展植树活动的通知');
    const draft = await publisher.createDraft({ ...notice, title: '关于征集意见的通知' }, staff.author);
    const handedOut = await publisher.checkpoint();
    const added = '另附：内部通讯录。';

    // The strongest rewrite without the key: new content, every chain recomputed, every digest
    // and signature stripped, so each trail looks like one written before digests existed.
    for (const [id, edit] of [
      [live.id, (d: GovDocument) => ({ ...d, body: d.body + added, published: { ...d.published!, body: d.published!.body + added } })],
      [pending.id, (d: GovDocument) => ({ ...d, body: d.body + added })],
      [draft.id, (d: GovDocument) => d],
    ] as const) {
      const { document, events } = await readRows(owner, schema, id);
      const { signature: _dropped, ...unsignedHead } = document.historyHead!;
      await replaceTrail(owner, schema, { ...edit(document), historyHead: unsignedHead }, unchained(events).map(({ contentDigest: _digest, ...e }) => e));
    }

    expect(await publisher.verifyHistory(live.id)).toMatchObject({ ok: false, code: 'NO_SIGNATURE', brokenAt: 6 });
    expect(await publisher.verifyHistory(pending.id)).toMatchObject({ ok: false, code: 'NO_SIGNATURE', brokenAt: 5 });
    expect(await thrown(publisher.publish(pending.id, staff.publisher))).toMatchObject(trailMismatch('NO_SIGNATURE', 5));
    expect(await publisher.verifyCheckpoint(handedOut)).toMatchObject({ ok: false, code: 'HISTORY_REWRITTEN', documentId: live.id, seq: 6 });
    expect(await publisher.verifyCheckpoint(handedOut, { documentId: draft.id })).toMatchObject({ ok: false, code: 'HISTORY_REWRITTEN', seq: 1 });

    // A host that opts into legacy trails is fooled locally — the checkpoint still is not.
    const lenient = createPublisher({ storage, verifier, acceptLegacyTrails: true, duplicates: false });
    expect(await lenient.verifyHistory(live.id)).toMatchObject({ ok: true, content: 'legacy', signature: 'legacy' });
    expect(await lenient.verifyCheckpoint(handedOut)).toMatchObject({ ok: false, code: 'HISTORY_REWRITTEN', documentId: live.id, seq: 6 });
  });
});
