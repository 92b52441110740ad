// The audit core wired into the publisher (issue 13 §3): every commit's last event carries the
// content digest of the document it writes, a signer signs each head, and verifyHistory and
// publish check the stored document against its trail — on the memory adapter and on
// PostgreSQL (PGlite). Each forgery below passed verifyHistory and publish before the wiring.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentDigest,
  createHeadSigner,
  createHeadVerifier,
  generateSigningKey,
  memoryAdapter,
  type AuditEvent,
  type GovDocument,
  type GovpubError,
  type StorageAdapter,
} from '../../../src/index';
import { migrate, postgresAdapter } from '../../../src/postgres/index';
import { chainEvents } from '../../../src/workflow/index';
import { makeDocument, makeEvents } from '../../../src/testing/index';
import { approvedDocument, notice, setup, staff } from '../fixtures';

const key = generateSigningKey();
const signer = createHeadSigner(key);
const verifier = createHeadVerifier({ kind: 'ed25519', publicKey: key.publicKey });

/** What someone with write access to the tables does: a new document version and an appended event whose hash is recomputed. */
async function forgeCommit(
  storage: StorageAdapter,
  id: string,
  edit: (doc: GovDocument) => GovDocument,
  event: Pick<AuditEvent, 'type' | 'data'> & { contentDigest?: string | ((doc: GovDocument) => string) },
  keepSignature = false,
): Promise<void> {
  const stored = (await storage.getDocument(id))!;
  const events = await storage.getEvents(id);
  const last = events[events.length - 1]!;
  const forged = edit(structuredClone(stored));
  const digest = typeof event.contentDigest === 'function' ? event.contentDigest(forged) : event.contentDigest;
  const [appended] = chainEvents(stored.historyHead, [
    {
      documentId: id,
      type: event.type,
      actor: last.actor,
      at: last.at,
      revision: stored.revision,
      data: event.data,
      ...(digest === undefined ? {} : { contentDigest: digest }),
    },
  ]);
  const head = keepSignature && stored.historyHead?.signature ? { seq: appended!.seq, hash: appended!.hash, signature: stored.historyHead.signature } : { seq: appended!.seq, hash: appended!.hash };
  await storage.commit({ document: { ...forged, version: stored.version + 1, historyHead: head }, expectedVersion: stored.version, events: [appended!] });
}

async function refusal(promise: Promise<unknown>): Promise<GovpubError> {
  try {
    await promise;
  } catch (e) {
    return e as GovpubError;
  }
  throw new Error('expected a refusal');
}

/** Approved except for the last step: reviewers 1 and 2 have signed. */
async function awaitingApproval(publisher: ReturnType<typeof setup>['publisher']) {
  const doc = await publisher.createDraft(notice, staff.author);
  await publisher.submit(doc.id, staff.author);
  await publisher.review(doc.id, staff.reviewer1, { decision: 'approve' });
  return publisher.review(doc.id, staff.reviewer2, { decision: 'approve' });
}

describe('a normal lifecycle', () => {
  it('records a digest with every commit, signs every head, and verifies', async () => {
    const { publisher, storage } = setup({ signer, verifier });
    const approved = await approvedDocument(publisher);
    const { document } = await publisher.publish(approved.id, staff.publisher);
    const events = await publisher.history(document.id);
    // One event per command here, so every event closes a commit and carries a digest.
    expect(events.map((e) => e.type)).toEqual(['created', 'submitted', 'approved', 'approved', 'approved', 'published']);
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.contentDigest ?? ''))).toBe(true);
    const stored = (await storage.getDocument(document.id))!;
    expect(events.at(-1)!.contentDigest).toBe(contentDigest(stored));
    const signature = stored.historyHead!.signature!;
    expect(signature).toMatchObject({ alg: 'ed25519', keyId: signer.keyId });
    // The signature is the one the audit core defines, over the head of the trail.
    const head = { documentId: stored.id, seq: 6, hash: events.at(-1)!.hash, contentDigest: contentDigest(stored) };
    expect(verifier.verify(head, signature)).toMatchObject({ ok: true });
    expect(await publisher.verifyHistory(document.id)).toEqual({
      ok: true,
      count: 6,
      headHash: events.at(-1)!.hash,
      content: 'verified',
      signature: 'verified',
      keyId: signer.keyId,
    });
  });

  it('without keys: digests are checked, signatures are not, heads stay unsigned', async () => {
    const { publisher, storage } = setup();
    const doc = await approvedDocument(publisher);
    expect((await storage.getDocument(doc.id))!.historyHead).not.toHaveProperty('signature');
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: true, count: 5, content: 'verified', signature: 'unchecked' });
  });

  it('reports a trail written before digests as legacy when the host accepts them, and the next commit adds one', async () => {
    const { publisher, storage } = setup({ signer, verifier, acceptLegacyTrails: true });
    const legacy = makeDocument({ id: 'old-1', authorId: staff.author.id, department: 'office' });
    const events = makeEvents(legacy, 2);
    await storage.commit({ document: { ...legacy, historyHead: { seq: 2, hash: events[1]!.hash } }, expectedVersion: null, events });
    // By default a verifier refuses it: an owner can make any trail look like this (test/security/attacks.test.ts, attack e).
    expect(await setup({ storage, verifier }).publisher.verifyHistory('old-1')).toMatchObject({ ok: false, code: 'NO_SIGNATURE', brokenAt: 2 });
    // Without a verifier nothing could tell it from a stripped trail, so it stays legacy.
    expect(await setup({ storage }).publisher.verifyHistory('old-1')).toMatchObject({ ok: true, content: 'legacy' });
    expect(await publisher.verifyHistory('old-1')).toMatchObject({ ok: true, count: 2, content: 'legacy', signature: 'legacy' });
    await publisher.updateDraft('old-1', { title: '关于开展安全生产月活动的通知' }, staff.author, { expectedVersion: 1 });
    expect(await publisher.verifyHistory('old-1')).toMatchObject({ ok: true, count: 3, content: 'verified', signature: 'verified' });
  });

  it('works with an HMAC secret, and a head signed by another key is UNKNOWN_KEY', async () => {
    const hmac = { kind: 'hmac-sha256' as const, secret: 'a shared secret of at least 32 bytes!!', keyId: 'office-2026' };
    const { publisher, storage } = setup({ signer: createHeadSigner(hmac), verifier: createHeadVerifier(hmac) });
    const doc = await approvedDocument(publisher);
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: true, signature: 'verified', keyId: 'office-2026' });
    const other = setup({ storage, verifier }).publisher;
    expect(await other.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'UNKNOWN_KEY', brokenAt: 5 });
    expect(await refusal(other.publish(doc.id, staff.publisher))).toMatchObject({ code: 'CONFLICT' });
  });

  it('a document last committed without a signer fails NO_SIGNATURE once a verifier is configured', async () => {
    const { publisher, storage } = setup();
    const doc = await approvedDocument(publisher);
    expect(await setup({ storage, verifier }).publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'NO_SIGNATURE', brokenAt: 5 });
  });

  it('validates the signer and verifier options', () => {
    expect(() => setup({ signer: {} as never })).toThrow(expect.objectContaining({ code: 'VALIDATION', details: { issues: [expect.objectContaining({ path: ['signer'] })] } }));
    expect(() => setup({ verifier: { verify: 1 } as never })).toThrow(expect.objectContaining({ code: 'VALIDATION', details: { issues: [expect.objectContaining({ path: ['verifier'] })] } }));
  });
});

describe('forgery on the memory adapter', () => {
  it('a stored document edited behind the trail is reported and not published', async () => {
    const { publisher, storage } = setup();
    const doc = await approvedDocument(publisher);
    const before = await storage.getEvents(doc.id);
    // The trail says nothing changed (the last digest repeated); the body did.
    await forgeCommit(storage, doc.id, (d) => ({ ...d, body: `${d.body}\n\n另附：内部通讯录。` }), {
      type: 'updated',
      data: {},
      contentDigest: before.at(-1)!.contentDigest!,
    });
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'CONTENT_MISMATCH', brokenAt: 6, reason: expect.stringContaining('审计链之外被修改') });
    const error = await refusal(publisher.publish(doc.id, staff.publisher));
    expect(error).toMatchObject({ code: 'CONFLICT', details: { reasons: [expect.objectContaining({ code: 'TRAIL_MISMATCH', error: 'CONFLICT', params: expect.objectContaining({ seq: 6, code: 'CONTENT_MISMATCH' }) })] } });
    expect(error.message).toContain('拒绝发布');
    // A UI that asks first is told the same, and does not offer the button.
    expect(await publisher.can(doc.id, staff.publisher, 'publish')).toMatchObject({ ok: false, details: [expect.objectContaining({ code: 'TRAIL_MISMATCH' })] });
    expect((await storage.getDocument(doc.id))!.state).toBe('approved');
  });

  it('publishUrgent refuses a document edited behind its trail too', async () => {
    const { publisher, storage } = setup();
    const doc = await publisher.createDraft(notice, staff.author);
    await publisher.submit(doc.id, staff.author);
    const before = await storage.getEvents(doc.id);
    await forgeCommit(storage, doc.id, (d) => ({ ...d, title: '未经审核的标题' }), { type: 'updated', data: {}, contentDigest: before.at(-1)!.contentDigest! });
    const error = await refusal(publisher.publishUrgent(doc.id, staff.chief, '汛情紧急'));
    expect(error).toMatchObject({ code: 'CONFLICT', details: { reasons: [expect.objectContaining({ code: 'TRAIL_MISMATCH', params: expect.objectContaining({ code: 'CONTENT_MISMATCH', seq: 3 }) })] } });
    expect((await storage.getDocument(doc.id))!.state).toBe('in_review');
  });

  it('a forged event without a digest on a digested trail is reported, not taken for legacy', async () => {
    const { publisher, storage } = setup();
    const doc = await approvedDocument(publisher);
    await forgeCommit(storage, doc.id, (d) => ({ ...d, body: '改过的正文' }), { type: 'updated', data: {} });
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'NO_DIGEST', brokenAt: 6 });
    expect(await refusal(publisher.publish(doc.id, staff.publisher))).toMatchObject({ code: 'CONFLICT' });
  });

  it('a forged approval with a recomputed hash and digest fails the head signature', async () => {
    const { publisher, storage } = setup({ signer, verifier });
    const doc = await awaitingApproval(publisher);
    const forgeApproval = (d: GovDocument): GovDocument => ({
      ...d,
      state: 'approved',
      currentStep: null,
      signatures: [...d.signatures, { step: 'final', actorId: staff.approver.id, at: '2026-03-01T01:00:00.000Z' }],
    });
    // Digests need no key: the forger computes the right one; only the signature is out of reach.
    await forgeCommit(storage, doc.id, forgeApproval, { type: 'approved', data: { step: 'final' }, contentDigest: contentDigest }, true);
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'BAD_SIGNATURE', brokenAt: 5 });
    const error = await refusal(publisher.publish(doc.id, staff.publisher));
    expect(error).toMatchObject({ code: 'CONFLICT', details: { reasons: [expect.objectContaining({ code: 'TRAIL_MISMATCH', params: expect.objectContaining({ code: 'BAD_SIGNATURE', seq: 5 }) })] } });

    // Dropping the signature instead does not help.
    await forgeCommit(storage, doc.id, (d) => d, { type: 'approved', data: { step: 'final' }, contentDigest: contentDigest });
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'NO_SIGNATURE', brokenAt: 6 });
  });

  it('without a verifier a forger who recomputes the digest is not caught: that is what the key is for', async () => {
    const { publisher, storage } = setup({ signer });
    const doc = await awaitingApproval(publisher);
    await forgeCommit(storage, doc.id, (d) => ({ ...d, state: 'approved', currentStep: null }), { type: 'approved', data: { step: 'final' }, contentDigest: contentDigest });
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: true, signature: 'unchecked' });
    // The same store read by a publisher that holds the public key sees it.
    const audited = setup({ storage, verifier }).publisher;
    expect(await audited.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'NO_SIGNATURE', brokenAt: 5 });
  });
});

describe('forgery on PostgreSQL (PGlite)', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite();
    await migrate(db);
  });
  afterAll(() => db.close());

  function onPostgres(prefix: string) {
    let n = 0;
    return setup({ storage: postgresAdapter({ client: db }), duplicates: false, signer, verifier, idGenerator: () => `${prefix}-${++n}` });
  }

  it('a normal lifecycle verifies with signer and verifier', async () => {
    const { publisher } = onPostgres('pg-ok');
    const doc = await approvedDocument(publisher);
    await publisher.publish(doc.id, staff.publisher);
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: true, count: 6, content: 'verified', signature: 'verified', keyId: signer.keyId });
  });

  it('an UPDATE of documents.doc is reported by verifyHistory and refused by publish', async () => {
    const { publisher } = onPostgres('pg-edit');
    const doc = await approvedDocument(publisher);
    await db.query(`UPDATE govpub.documents SET doc = jsonb_set(doc, '{body}', to_jsonb($2::text)) WHERE id = $1`, [doc.id, '改过的正文：联系人身份证号另附。']);
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'CONTENT_MISMATCH', brokenAt: 5 });
    expect(await refusal(publisher.publish(doc.id, staff.publisher))).toMatchObject({ code: 'CONFLICT', details: { reasons: [expect.objectContaining({ code: 'TRAIL_MISMATCH' })] } });
    // Signatures edited in place are content too.
    await db.query(`UPDATE govpub.documents SET doc = jsonb_set(doc, '{body}', to_jsonb($2::text)) WHERE id = $1`, [doc.id, notice.body]);
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: true });
    await db.query(`UPDATE govpub.documents SET doc = jsonb_set(doc, '{signatures,2,actorId}', '"someone.else"') WHERE id = $1`, [doc.id]);
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'CONTENT_MISMATCH' });
  });

  it('a forged approval appended with a recomputed hash and a moved head fails the signature', async () => {
    const { publisher, storage } = onPostgres('pg-forge');
    const doc = await awaitingApproval(publisher);
    await forgeCommit(
      storage,
      doc.id,
      (d) => ({ ...d, state: 'approved', currentStep: null, signatures: [...d.signatures, { step: 'final', actorId: staff.approver.id, at: '2026-03-01T01:00:00.000Z' }] }),
      { type: 'approved', data: { step: 'final' }, contentDigest: contentDigest },
      true,
    );
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, code: 'BAD_SIGNATURE', brokenAt: 5 });
    expect(await refusal(publisher.publish(doc.id, staff.publisher))).toMatchObject({ code: 'CONFLICT', details: { reasons: [expect.objectContaining({ code: 'TRAIL_MISMATCH' })] } });
  });
});
