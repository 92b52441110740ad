// The three forgeries of issue 13 §3, replayed against the audit core with a database
// administrator's powers: rows can be read, added, changed and deleted, hashes recomputed —
// but the signing key lives in the host's secret store, never in the database.
import { describe, expect, it } from 'vitest';
import {
  contentDigest,
  createCheckpoint,
  createHeadSigner,
  createHeadVerifier,
  generateSigningKey,
  verifyCheckpoint,
  verifyDocumentAgainstTrail,
  type SignatureCheck,
} from '../../../src/workflow/audit/index';
import { draft, hashEvent, headOf, rechain, TestDatabase, type TestDocument, type TestEvent } from './trail';

const key = generateSigningKey();
const verifier = createHeadVerifier({ kind: 'ed25519', publicKey: key.publicKey });

/** What `verifyHistory` will do once wired in: chain intact, head signed, document matches. */
function audit(db: TestDatabase, id: string): { chain: boolean; signature: SignatureCheck; document: ReturnType<typeof verifyDocumentAgainstTrail> } {
  const events = db.events.get(id) ?? [];
  const chain = events.every((e, i) => e.seq === i + 1 && e.prevHash === (events[i - 1]?.hash ?? '0'.repeat(64)) && hashEvent(withoutHash(e)) === e.hash);
  const document = db.documents.get(id)!;
  return {
    chain,
    signature: verifier.verify(headOf(document, events), db.headSignatures.get(id)!),
    document: verifyDocumentAgainstTrail(document, events),
  };
}

function withoutHash(e: TestEvent): Omit<TestEvent, 'hash'> {
  const { hash: _h, ...rest } = e;
  return rest;
}

/** A document rejected once, then approved through the three steps. */
function officeWithHistory(): TestDatabase {
  const db = new TestDatabase(createHeadSigner(key));
  let doc: TestDocument = draft('doc-1');
  db.commit(doc, 'created', 'zhang.san');
  doc = { ...doc, state: 'in_review', currentStep: 'initial' };
  db.commit(doc, 'submitted', 'zhang.san');
  doc = { ...doc, state: 'rejected', currentStep: null };
  db.commit(doc, 'rejected', 'li.si', { comment: '数据口径与通稿不一致' });
  doc = { ...doc, state: 'in_review', currentStep: 'initial', body: `${doc.body}\n\n（已按通稿修改）` };
  db.commit(doc, 'submitted', 'zhang.san');
  doc = { ...doc, currentStep: 'secondary', signatures: [{ step: 'initial', actorId: 'li.si', at: '2026-03-01T09:00:00.000Z' }] };
  db.commit(doc, 'approved', 'li.si', { step: 'initial' });
  db.commit(draft('doc-2', { title: '关于春季植树活动的通知' }), 'created', 'zhao.liu');
  return db;
}

describe('forgeries a database administrator can attempt', () => {
  it('an honest history passes every check', () => {
    const db = officeWithHistory();
    for (const id of ['doc-1', 'doc-2']) {
      const result = audit(db, id);
      expect(result.chain).toBe(true);
      expect(result.signature.ok).toBe(true);
      expect(result.document.ok).toBe(true);
    }
  });

  it('a forged "approved" event appended with a recomputed hash and a moved head: the head signature fails', () => {
    const db = officeWithHistory();
    const events = db.events.get('doc-1')!;
    const last = events[events.length - 1]!;
    // The attacker signs the remaining steps in the document and makes the trail agree with it.
    const forgedDoc: TestDocument = {
      ...db.documents.get('doc-1')!,
      state: 'approved',
      currentStep: null,
      signatures: [
        ...db.documents.get('doc-1')!.signatures,
        { step: 'secondary', actorId: 'li.si', at: '2026-03-01T10:00:00.000Z' },
        { step: 'final', actorId: 'wang.wu', at: '2026-03-01T10:01:00.000Z' },
      ],
    };
    const unhashed = {
      ...withoutHash(last), seq: last.seq + 1, type: 'approved', at: '2026-03-01T10:01:00.000Z',
      data: { step: 'final' }, contentDigest: contentDigest(forgedDoc), prevHash: last.hash,
    };
    const forged = { ...unhashed, hash: hashEvent(unhashed) };
    db.events.set('doc-1', [...events, forged]);
    db.documents.set('doc-1', { ...forgedDoc, historyHead: { seq: forged.seq, hash: forged.hash } });

    const result = audit(db, 'doc-1');
    expect(result.chain).toBe(true); // the plain hash chain is fooled …
    expect(result.document.ok).toBe(true); // … and so is the content digest …
    expect(result.signature).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' }); // … the signature is not.
  });

  it('the same forgery with a signature copied from an older head: still refused', () => {
    const db = officeWithHistory();
    const events = db.events.get('doc-1')!;
    const oldSignature = db.headSignatures.get('doc-1')!;
    const last = events[events.length - 1]!;
    const unhashed = { ...withoutHash(last), seq: last.seq + 1, type: 'approved', prevHash: last.hash };
    db.events.set('doc-1', [...events, { ...unhashed, hash: hashEvent(unhashed) }]);
    db.headSignatures.set('doc-1', oldSignature);
    expect(audit(db, 'doc-1').signature.ok).toBe(false);
  });

  it('a deleted rejection with the chain recomputed: the head signature fails, and so does an earlier checkpoint', async () => {
    const db = officeWithHistory();
    const checkpoint = createCheckpoint(db.heads(), { signer: createHeadSigner(key), at: new Date('2026-03-01T12:00:00Z') });
    const events = db.events.get('doc-1')!;
    const withoutRejection = rechain(events.filter((e) => e.type !== 'rejected'));
    db.events.set('doc-1', withoutRejection);
    const head = withoutRejection[withoutRejection.length - 1]!;
    db.documents.set('doc-1', { ...db.documents.get('doc-1')!, historyHead: { seq: head.seq, hash: head.hash } });

    const result = audit(db, 'doc-1');
    expect(result.chain).toBe(true);
    expect(result.document.ok).toBe(true);
    expect(result.signature).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    expect(await verifyCheckpoint(checkpoint, { verifier, currentHeads: db.heads(), eventHashAt: db.eventHashAt })).toMatchObject({
      ok: false, code: 'HISTORY_SHORTENED', documentId: 'doc-1', seq: 5,
    });
  });

  it('a direct edit of documents.doc (body, signatures, published text): the content digest fails', () => {
    const edits: Partial<TestDocument>[] = [
      { body: '各区县人民政府：今冬供暖提前结束。' },
      { signatures: [{ step: 'initial', actorId: 'li.si', at: '2026-03-01T09:00:00.000Z' }, { step: 'final', actorId: 'boss', at: '2026-03-01T09:01:00.000Z' }] },
      { published: { revision: 1, title: '通知', body: '伪造的发布文本', level: 'public', publishedAt: '2026-03-01T11:00:00.000Z', publishedBy: 'x', outputs: [], withdrawn: null } },
      { level: 'public', channels: ['website', 'wechat', 'weibo'] },
    ];
    for (const edit of edits) {
      const db = officeWithHistory();
      db.documents.set('doc-1', { ...db.documents.get('doc-1')!, ...edit });
      const result = audit(db, 'doc-1');
      expect(result.chain).toBe(true);
      expect(result.signature.ok).toBe(true);
      expect(result.document).toMatchObject({ ok: false, code: 'CONTENT_MISMATCH', seq: 5 });
    }
  });

  it('deleting a document with its whole trail contradicts the checkpoint handed out before', async () => {
    const db = officeWithHistory();
    const checkpoint = createCheckpoint(db.heads(), { signer: createHeadSigner(key), at: new Date('2026-03-01T12:00:00Z') });
    db.documents.delete('doc-2');
    db.events.delete('doc-2');
    db.headSignatures.delete('doc-2');
    const result = await verifyCheckpoint(checkpoint, { verifier, currentHeads: db.heads(), eventHashAt: db.eventHashAt });
    expect(result).toMatchObject({ ok: false, code: 'DOCUMENT_MISSING', documentId: 'doc-2', seq: 1, actual: null });
    expect(!result.ok && result.reason).toMatch(/已不在数据库中/);
  });

  it('rolling a document back to an older, validly signed state is caught only by a later checkpoint', async () => {
    const db = officeWithHistory();
    const checkpoint = createCheckpoint(db.heads(), { signer: createHeadSigner(key), at: new Date('2026-03-01T12:00:00Z') });
    // The administrator kept a copy of doc-1 as it was after the rejection (seq 3), signature included.
    const replay = officeWithHistory();
    const events = replay.events.get('doc-1')!.slice(0, 3);
    const rejectedDoc = { ...draft('doc-1'), state: 'rejected', historyHead: { seq: 3, hash: events[2]!.hash } };
    const signer = createHeadSigner(key, { clock: () => new Date('2026-03-01T08:02:00Z') });
    db.events.set('doc-1', events);
    db.documents.set('doc-1', rejectedDoc);
    db.headSignatures.set('doc-1', signer.sign(headOf(rejectedDoc, events)));

    const result = audit(db, 'doc-1');
    expect(result.chain && result.signature.ok && result.document.ok).toBe(true); // every local check passes
    expect(await verifyCheckpoint(checkpoint, { verifier, currentHeads: db.heads(), eventHashAt: db.eventHashAt })).toMatchObject({
      ok: false, code: 'HISTORY_SHORTENED', documentId: 'doc-1',
    });
  });

  it('rewriting everything (every chain recomputed) contradicts the checkpoint at the first document', async () => {
    const db = officeWithHistory();
    const checkpoint = createCheckpoint(db.heads(), { signer: createHeadSigner(key), at: new Date('2026-03-01T12:00:00Z') });
    for (const [id, events] of db.events) {
      db.events.set(id, rechain(events.map((e) => ({ ...e, actor: { ...e.actor, id: 'ghost' } }))));
    }
    expect(await verifyCheckpoint(checkpoint, { verifier, currentHeads: db.heads(), eventHashAt: db.eventHashAt })).toMatchObject({
      ok: false, code: 'HISTORY_REWRITTEN', documentId: 'doc-1', seq: 5,
    });
  });

  it('rewriting an event before the checkpoint while the trail kept growing: the recorded seq no longer matches', async () => {
    const db = officeWithHistory();
    const checkpoint = createCheckpoint(db.heads(), { signer: createHeadSigner(key), at: new Date('2026-03-01T12:00:00Z') });
    const doc = db.documents.get('doc-1')!;
    db.commit({ ...doc, currentStep: 'final', signatures: [...doc.signatures, { step: 'secondary', actorId: 'sun.qi', at: '2026-03-01T13:00:00.000Z' }] }, 'approved', 'sun.qi');
    expect(await verifyCheckpoint(checkpoint, { verifier, currentHeads: db.heads(), eventHashAt: db.eventHashAt })).toMatchObject({ ok: true });

    const events = db.events.get('doc-1')!;
    db.events.set('doc-1', rechain(events.map((e) => (e.type === 'rejected' ? { ...e, data: { comment: '同意' } } : e))));
    expect(await verifyCheckpoint(checkpoint, { verifier, currentHeads: db.heads(), eventHashAt: db.eventHashAt })).toMatchObject({
      ok: false, code: 'HISTORY_REWRITTEN', documentId: 'doc-1', seq: 5,
    });
  });
});
