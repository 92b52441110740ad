import { describe, expect, it } from 'vitest';
import { isGovpubError } from '../../../src/errors/index';
import {
  createHeadSigner,
  createHeadVerifier,
  generateSigningKey,
  headOfTrail,
  verifyTrailHead,
} from '../../../src/workflow/audit/index';
import { draft, TestDatabase } from './trail';

const key = generateSigningKey();
const verifier = createHeadVerifier({ kind: 'ed25519', publicKey: key.publicKey });

function office(): TestDatabase {
  const db = new TestDatabase(createHeadSigner(key));
  db.commit(draft('doc-1'), 'created', 'zhang.san');
  db.commit({ ...draft('doc-1'), state: 'in_review', currentStep: 'initial' }, 'submitted', 'zhang.san');
  db.commit(draft('doc-2'), 'created', 'zhao.liu');
  return db;
}

describe('headOfTrail', () => {
  it('is the last event’s documentId, seq, hash and content digest, or null for no events', () => {
    const db = office();
    const events = db.events.get('doc-1')!;
    const last = events[1]!;
    expect(headOfTrail(events)).toEqual({ documentId: 'doc-1', seq: 2, hash: last.hash, contentDigest: last.contentDigest });
    expect(headOfTrail([])).toBeNull();
  });

  it('refuses a last event without a content digest (VALIDATION)', () => {
    const { contentDigest: _d, ...legacy } = office().events.get('doc-1')![0]!;
    try {
      headOfTrail([legacy as never]);
      expect.unreachable();
    } catch (e) {
      expect(isGovpubError(e) && e.code).toBe('VALIDATION');
    }
  });
});

describe('verifyTrailHead', () => {
  it('accepts an honest document with its signed head', () => {
    const db = office();
    const result = verifyTrailHead(db.documents.get('doc-1')!, db.events.get('doc-1')!, db.headSignatures.get('doc-1'), verifier);
    expect(result).toMatchObject({ ok: true, keyId: key.keyId, head: { documentId: 'doc-1', seq: 2 } });
  });

  it('names the first problem: content, missing signature, forged signature, a trail moved under another document', () => {
    const db = office();
    const doc1 = db.documents.get('doc-1')!;
    const events1 = db.events.get('doc-1')!;
    const sig1 = db.headSignatures.get('doc-1')!;
    expect(verifyTrailHead({ ...doc1, body: '改过的正文' }, events1, sig1, verifier)).toMatchObject({ ok: false, code: 'CONTENT_MISMATCH', seq: 2 });
    expect(verifyTrailHead(doc1, events1, undefined, verifier)).toMatchObject({ ok: false, code: 'NO_SIGNATURE', documentId: 'doc-1', seq: 2 });
    expect(verifyTrailHead(doc1, events1, db.headSignatures.get('doc-2'), verifier)).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    const other = createHeadVerifier({ kind: 'ed25519', publicKey: generateSigningKey().publicKey });
    expect(verifyTrailHead(doc1, events1, sig1, other)).toMatchObject({ ok: false, code: 'UNKNOWN_KEY' });
    // doc-2's stored row with doc-1's content, trail and signature copied in: the id is in the signed head.
    const moved = { ...doc1, id: 'doc-2' };
    expect(verifyTrailHead(moved, events1, sig1, verifier).ok).toBe(false);
    const badHash = events1.map((e, i) => (i === 1 ? { ...e, hash: 'not-a-hash' } : e));
    expect(verifyTrailHead(doc1, badHash, sig1, verifier)).toMatchObject({ ok: false, code: 'HEAD_MISMATCH' });
    const agreeing = { ...doc1, historyHead: { seq: 2, hash: 'not-a-hash' } };
    expect(verifyTrailHead(agreeing, badHash, sig1, verifier)).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
  });
});
