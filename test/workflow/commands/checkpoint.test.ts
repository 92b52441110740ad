// publisher.checkpoint() and publisher.verifyCheckpoint() on the memory adapter: the checkpoint
// lists every document's head, is refused over a tampered trail, and a later deletion or
// rewrite contradicts it. The same attacks on PostgreSQL are in test/security/.
import { describe, expect, it } from 'vitest';
import {
  createHeadSigner,
  createHeadVerifier,
  generateSigningKey,
  verifyCheckpoint,
  verifyInclusion,
  inclusionProof,
  type Checkpoint,
  type GovDocument,
  type StorageAdapter,
} from '../../../src/index';
import { approvedDocument, notice, setup, staff } from '../fixtures';

const key = generateSigningKey();
const signer = createHeadSigner(key);
const verifier = createHeadVerifier({ kind: 'ed25519', publicKey: key.publicKey });

/** A memory adapter whose rows a test can delete or replace, as a DBA can. */
function editableStorage(base: StorageAdapter) {
  const deleted = new Set<string>();
  const replaced = new Map<string, GovDocument>();
  const storage: StorageAdapter = {
    getDocument: async (id) => (deleted.has(id) ? null : (replaced.get(id) ?? base.getDocument(id))),
    getEvents: async (id) => (deleted.has(id) ? [] : base.getEvents(id)),
    listDocuments: async (q) => {
      const page = await base.listDocuments(q);
      return { ...page, items: page.items.filter((d) => !deleted.has(d.id)).map((d) => replaced.get(d.id) ?? d) };
    },
    commit: (r) => base.commit(r),
  };
  return { storage, deleted, replaced };
}

async function thrown(promise: Promise<unknown>): Promise<{ code?: string; details?: unknown; message: string }> {
  try {
    await promise;
  } catch (e) {
    return e as { code?: string; details?: unknown; message: string };
  }
  throw new Error('expected a refusal');
}

describe('publisher.checkpoint', () => {
  it('signs one tree head over every document, and it verifies against the same storage', async () => {
    const { publisher, time } = setup({ signer, verifier });
    const approved = await approvedDocument(publisher);
    const draft = await publisher.createDraft({ ...notice, title: '关于开展植树活动的通知' }, staff.author);
    time.advance(60_000);
    const cp = await publisher.checkpoint();
    expect(cp).toMatchObject({ version: 1, treeSize: 2, alg: 'ed25519', keyId: signer.keyId, at: '2026-03-01T01:01:00.000Z' });
    expect(cp.leaves!.map((h) => [h.documentId, h.seq])).toEqual([
      [approved.id, 5],
      [draft.id, 1],
    ]);
    // The same tree as the audit core's function over the same heads; a third party verifies it.
    expect(await verifyCheckpoint(cp, { verifier, currentHeads: cp.leaves!, eventHashAt: () => null })).toMatchObject({ ok: true });
    expect(verifyInclusion(inclusionProof(cp.leaves!, draft.id), cp)).toBe(true);
    expect(await publisher.verifyCheckpoint(cp)).toEqual({ ok: true, treeSize: 2, keyId: signer.keyId, newDocuments: 0 });
  });

  it('stays consistent as documents grow and new ones arrive', async () => {
    const { publisher } = setup({ signer, verifier });
    const approved = await approvedDocument(publisher);
    const cp = await publisher.checkpoint();
    await publisher.publish(approved.id, staff.publisher);
    await publisher.createDraft(notice, staff.author);
    expect(await publisher.verifyCheckpoint(cp)).toMatchObject({ ok: true, treeSize: 1, newDocuments: 1 });
    expect(await publisher.verifyCheckpoint(cp, { documentId: approved.id })).toMatchObject({ ok: true });
  });

  it('without leaves it is small and needs the heads kept apart', async () => {
    const { publisher } = setup({ signer, verifier });
    await approvedDocument(publisher);
    const full = await publisher.checkpoint();
    const bare: Checkpoint = await publisher.checkpoint({ includeLeaves: false });
    expect(bare).not.toHaveProperty('leaves');
    expect(JSON.stringify(bare).length).toBeLessThan(400);
    expect(await thrown(publisher.verifyCheckpoint(bare))).toMatchObject({ code: 'VALIDATION' });
    expect(await publisher.verifyCheckpoint(bare, { checkpointHeads: full.leaves! })).toMatchObject({ ok: true });
  });

  it('refuses to sign over a document edited behind its trail, naming it and the event', async () => {
    const base = setup({ signer, verifier });
    const doc = await approvedDocument(base.publisher);
    const { storage, replaced } = editableStorage(base.storage);
    const { publisher } = setup({ storage, signer, verifier });
    replaced.set(doc.id, { ...(await storage.getDocument(doc.id))!, body: '改过的正文' });
    const error = await thrown(publisher.checkpoint());
    expect(error).toMatchObject({
      code: 'CONFLICT',
      details: { reasons: [expect.objectContaining({ code: 'TRAIL_MISMATCH', params: expect.objectContaining({ id: doc.id, code: 'CONTENT_MISMATCH', seq: 5 }) })] },
    });
    expect(error.message).toContain('不签发检查点');
    // Freezing the evidence of an incident is possible, on request.
    expect(await publisher.checkpoint({ allowUnverified: true })).toMatchObject({ treeSize: 1 });
  });

  it('a document deleted with its trail contradicts the checkpoint: DOCUMENT_MISSING with the recorded seq', async () => {
    const base = setup({ signer, verifier });
    const doc = await approvedDocument(base.publisher);
    const cp = await base.publisher.checkpoint();
    const { storage, deleted } = editableStorage(base.storage);
    deleted.add(doc.id);
    const { publisher } = setup({ storage, signer, verifier });
    expect(await publisher.verifyCheckpoint(cp)).toMatchObject({ ok: false, code: 'DOCUMENT_MISSING', documentId: doc.id, seq: 5, actual: null });
    expect(await publisher.verifyCheckpoint(cp, { documentId: doc.id })).toMatchObject({ ok: false, code: 'DOCUMENT_MISSING', seq: 5 });
  });

  it('needs a signer to sign and a verifier to verify; validates options', async () => {
    const { publisher, storage } = setup();
    await approvedDocument(publisher);
    expect(await thrown(publisher.checkpoint())).toMatchObject({ code: 'VALIDATION', details: { issues: [expect.objectContaining({ path: ['signer'] })] } });
    const cp = await setup({ signer, storage }).publisher.checkpoint();
    expect(await thrown(publisher.verifyCheckpoint(cp))).toMatchObject({ code: 'VALIDATION', details: { issues: [expect.objectContaining({ path: ['verifier'] })] } });
    // A third party's verifier can be passed per call.
    expect(await publisher.verifyCheckpoint(cp, { verifier })).toMatchObject({ ok: true });
    expect(await thrown(publisher.checkpoint({ includeLeaves: 'yes' } as never))).toMatchObject({ code: 'VALIDATION', details: { issues: [expect.objectContaining({ path: ['includeLeaves'] })] } });
    expect(await thrown(publisher.verifyCheckpoint(cp, { verifier, documentId: 'nope' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await thrown(publisher.verifyCheckpoint({ ...cp, rootHash: 'x' }, { verifier }))).toMatchObject({ code: 'VALIDATION' });
  });

  it('a checkpoint signed by another key is SIGNATURE_INVALID', async () => {
    const other = createHeadSigner(generateSigningKey());
    const { publisher, storage } = setup({ signer: other });
    await approvedDocument(publisher);
    const cp = await publisher.checkpoint();
    expect(await setup({ storage, verifier }).publisher.verifyCheckpoint(cp)).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID', signatureCode: 'UNKNOWN_KEY' });
  });
});
