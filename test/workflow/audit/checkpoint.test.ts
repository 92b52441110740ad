import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../../src/hash/index';
import { isGovpubError, type GovpubError } from '../../../src/errors/index';
import {
  createCheckpoint,
  createHeadSigner,
  createHeadVerifier,
  generateSigningKey,
  headLeafHash,
  inclusionProof,
  merkleLeafHash,
  merkleRoot,
  verifyCheckpoint,
  verifyInclusion,
  type Checkpoint,
  type DocumentHead,
} from '../../../src/workflow/audit/index';

const key = generateSigningKey();
const signer = createHeadSigner(key);
const verifier = createHeadVerifier({ kind: 'ed25519', publicKey: key.publicKey });
const at = new Date('2026-03-31T16:00:00Z');

const h = (n: number) => sha256Hex(`event ${n}`);
const d = (n: number) => sha256Hex(`content ${n}`);
function headsOf(count: number): DocumentHead[] {
  return Array.from({ length: count }, (_, i) => ({ documentId: `doc-${String(i).padStart(3, '0')}`, seq: 3 + (i % 4), hash: h(i), contentDigest: d(i) }));
}
const never = () => null;

async function expectRejects(p: Promise<unknown>): Promise<GovpubError> {
  try {
    await p;
  } catch (e) {
    if (isGovpubError(e)) return e;
    throw e;
  }
  throw new Error('expected a GovpubError');
}

describe('createCheckpoint', () => {
  it('signs a tree head over the heads sorted by documentId, whatever order they come in', () => {
    const heads = headsOf(13);
    const a = createCheckpoint(heads, { signer, at });
    const b = createCheckpoint([...heads].reverse(), { signer, at });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ version: 1, treeSize: 13, at: '2026-03-31T16:00:00.000Z', alg: 'ed25519', keyId: key.keyId });
    expect(a.leaves!.map((l) => l.documentId)).toEqual(heads.map((l) => l.documentId));
    expect(verifier.verifyTreeHead({ treeSize: a.treeSize, rootHash: a.rootHash, at: a.at }, { alg: a.alg, keyId: a.keyId, signedAt: a.at, signature: a.signature }).ok).toBe(true);
  });

  it('computes the root as documented: RFC 6962 over SHA-256(0x00 ‖ canonical head)', () => {
    const heads = headsOf(5);
    const leaves = heads.map((head) => merkleLeafHash(new TextEncoder().encode(canonicalJson(head))));
    expect(createCheckpoint(heads, { signer, at }).rootHash).toBe(Buffer.from(merkleRoot(leaves)).toString('hex'));
    expect(Buffer.from(headLeafHash(heads[0]!)).toString('hex')).toBe(Buffer.from(leaves[0]!).toString('hex'));
  });

  it('checkpoints an empty office too', async () => {
    const empty = createCheckpoint([], { signer, at });
    expect(empty.treeSize).toBe(0);
    expect(empty.rootHash).toBe(sha256Hex(''));
    expect(await verifyCheckpoint(empty, { verifier, currentHeads: headsOf(2), eventHashAt: never })).toMatchObject({ ok: true, newDocuments: 2 });
  });

  it('refuses two heads for one document, malformed heads and bad options', () => {
    const heads = headsOf(3);
    const cases: [() => unknown, string][] = [
      [() => createCheckpoint([...heads, heads[1]!], { signer, at }), 'two heads'],
      [() => createCheckpoint([{ ...heads[0]!, seq: -1 }], { signer, at }), 'seq'],
      [() => createCheckpoint(heads, { signer: {} as never, at }), 'signer'],
      [() => createCheckpoint(heads, { signer, at: 'tomorrow' }), 'at'],
      [() => createCheckpoint(heads, { signer, at, extra: 1 } as never), 'extra'],
    ];
    for (const [attempt, mention] of cases) {
      try {
        attempt();
        expect.unreachable();
      } catch (e) {
        expect(isGovpubError(e) && e.code).toBe('VALIDATION');
        expect(JSON.stringify((e as GovpubError).details)).toContain(mention);
      }
    }
  });
});

describe('verifyCheckpoint', () => {
  const heads = headsOf(8);
  const checkpoint = createCheckpoint(heads, { signer, at });

  it('accepts a state that extends the checkpoint: same heads, longer trails, new documents', async () => {
    expect(await verifyCheckpoint(checkpoint, { verifier, currentHeads: heads, eventHashAt: never })).toEqual({
      ok: true, treeSize: 8, keyId: key.keyId, newDocuments: 0,
    });
    const grown = heads.map((x, i) => (i === 2 ? { ...x, seq: x.seq + 2, hash: h(100), contentDigest: d(100) } : x));
    const extra = { documentId: 'doc-new', seq: 1, hash: h(200), contentDigest: d(200) };
    const asked: [string, number][] = [];
    const result = await verifyCheckpoint(checkpoint, {
      verifier,
      currentHeads: [...grown, extra],
      eventHashAt: async (id, seq) => {
        asked.push([id, seq]);
        return id === 'doc-002' && seq === heads[2]!.seq ? heads[2]!.hash : null;
      },
    });
    expect(result).toMatchObject({ ok: true, newDocuments: 1 });
    expect(asked).toEqual([['doc-002', heads[2]!.seq]]);
  });

  it('reports each kind of inconsistency at the first document, in tree order', async () => {
    const cases: [DocumentHead[], (id: string, seq: number) => string | null, object][] = [
      [heads.filter((x) => x.documentId !== 'doc-004' && x.documentId !== 'doc-006'), never, { code: 'DOCUMENT_MISSING', documentId: 'doc-004' }],
      [heads.map((x, i) => (i === 5 ? { ...x, seq: x.seq - 1 } : x)), never, { code: 'HISTORY_SHORTENED', documentId: 'doc-005' }],
      [heads.map((x, i) => (i === 1 ? { ...x, hash: h(999) } : x)), never, { code: 'HISTORY_REWRITTEN', documentId: 'doc-001', expected: h(1), actual: h(999) }],
      [heads.map((x, i) => (i === 1 ? { ...x, contentDigest: d(999) } : x)), never, { code: 'HISTORY_REWRITTEN', documentId: 'doc-001' }],
      [heads.map((x, i) => (i === 3 ? { ...x, seq: x.seq + 1, hash: h(300) } : x)), never, { code: 'EVENT_MISSING', documentId: 'doc-003' }],
      [heads.map((x, i) => (i === 3 ? { ...x, seq: x.seq + 1, hash: h(300) } : x)), () => h(301), { code: 'HISTORY_REWRITTEN', documentId: 'doc-003', actual: h(301) }],
      // A mangled hash read from the database is reported, not thrown.
      [heads.map((x, i) => (i === 2 ? { ...x, hash: 'garbage' } : x)), never, { code: 'HISTORY_REWRITTEN', documentId: 'doc-002', actual: 'garbage' }],
    ];
    for (const [currentHeads, eventHashAt, expected] of cases) {
      expect(await verifyCheckpoint(checkpoint, { verifier, currentHeads, eventHashAt })).toMatchObject({ ok: false, ...expected });
    }
  });

  it('refuses a checkpoint whose tree head or signature was altered, or that another key signed', async () => {
    const altered: Checkpoint[] = [
      { ...checkpoint, rootHash: h(1) },
      { ...checkpoint, treeSize: 7, leaves: checkpoint.leaves!.slice(0, 7) },
      { ...checkpoint, at: '2026-04-01T16:00:00.000Z' },
      { ...checkpoint, signature: checkpoint.signature.replace(/^./, (c) => (c === '0' ? '1' : '0')) },
      createCheckpoint(heads, { signer: createHeadSigner(generateSigningKey()), at }),
    ];
    for (const cp of altered) {
      expect(await verifyCheckpoint(cp, { verifier, currentHeads: heads, eventHashAt: never })).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' });
    }
  });

  it('refuses leaves that are not the ones signed (a head dropped or swapped in the stored copy)', async () => {
    const dropped = { ...checkpoint, leaves: checkpoint.leaves!.slice(1) };
    const swapped = { ...checkpoint, leaves: checkpoint.leaves!.map((x, i) => (i === 0 ? { ...x, seq: 99 } : x)) };
    const duplicated = { ...checkpoint, leaves: [...checkpoint.leaves!.slice(0, 7), checkpoint.leaves![0]!] };
    for (const cp of [dropped, swapped, duplicated]) {
      expect(await verifyCheckpoint(cp, { verifier, currentHeads: heads, eventHashAt: never })).toMatchObject({ ok: false, code: 'LEAVES_MISMATCH' });
    }
  });

  it('works from heads kept apart when the checkpoint was made without leaves', async () => {
    const slim = createCheckpoint(heads, { signer, at, includeLeaves: false });
    expect(slim.leaves).toBeUndefined();
    expect(JSON.stringify(slim).length).toBeLessThan(400);
    const e = await expectRejects(verifyCheckpoint(slim, { verifier, currentHeads: heads, eventHashAt: never }));
    expect(e.details?.issues).toMatchObject([{ path: ['checkpointHeads'] }]);
    expect(await verifyCheckpoint(slim, { verifier, currentHeads: heads, eventHashAt: never, checkpointHeads: [...heads].reverse() })).toMatchObject({ ok: true });
  });

  it('verifies HMAC-signed checkpoints with the shared secret', async () => {
    const secret = new Uint8Array(32).fill(7);
    const hmacSigner = createHeadSigner({ kind: 'hmac-sha256', secret, keyId: 'archive-2026' });
    const cp = createCheckpoint(heads, { signer: hmacSigner, at });
    const hmacVerifier = createHeadVerifier({ kind: 'hmac-sha256', secret, keyId: 'archive-2026' });
    expect(await verifyCheckpoint(cp, { verifier: hmacVerifier, currentHeads: heads, eventHashAt: never })).toMatchObject({ ok: true, keyId: 'archive-2026' });
    expect(await verifyCheckpoint(cp, { verifier, currentHeads: heads, eventHashAt: never })).toMatchObject({ ok: false, signatureCode: 'UNKNOWN_KEY' });
  });

  it('survives a JSON round trip (how checkpoints are handed out)', async () => {
    const copy = JSON.parse(JSON.stringify(checkpoint)) as Checkpoint;
    expect(await verifyCheckpoint(copy, { verifier, currentHeads: heads, eventHashAt: never })).toMatchObject({ ok: true });
  });

  it('answers malformed checkpoints and options with VALIDATION', async () => {
    const bad: [unknown, unknown][] = [
      [{ ...checkpoint, version: 2 }, { verifier, currentHeads: heads, eventHashAt: never }],
      [{ ...checkpoint, rootHash: 'xyz' }, { verifier, currentHeads: heads, eventHashAt: never }],
      [checkpoint, { verifier: {}, currentHeads: heads, eventHashAt: never }],
      [checkpoint, { verifier, currentHeads: heads }],
      [checkpoint, { verifier, currentHeads: [...heads, heads[0]], eventHashAt: never }],
      [null, { verifier, currentHeads: heads, eventHashAt: never }],
    ];
    for (const [cp, options] of bad) {
      expect((await expectRejects(verifyCheckpoint(cp as Checkpoint, options as never))).code).toBe('VALIDATION');
    }
  });

  it('quotes at most a short prefix of a long document id', async () => {
    const longId = 'x'.repeat(100_000);
    const cp = createCheckpoint([{ documentId: longId, seq: 1, hash: h(1), contentDigest: d(1) }], { signer, at });
    const result = await verifyCheckpoint(cp, { verifier, currentHeads: [], eventHashAt: never });
    expect(result).toMatchObject({ ok: false, code: 'DOCUMENT_MISSING' });
    expect(!result.ok && result.reason.length).toBeLessThan(200);
  });
});

describe('inclusion proofs', () => {
  it('prove one document’s head against a checkpoint, and nothing else', () => {
    const heads = headsOf(11);
    const cp = createCheckpoint(heads, { signer, at, includeLeaves: false });
    const proof = inclusionProof([...heads].reverse(), 'doc-006');
    expect(proof).toMatchObject({ leafIndex: 6, treeSize: 11, head: heads[6] });
    expect(verifyInclusion(proof, cp)).toBe(true);
    expect(verifyInclusion({ ...proof, head: { ...proof.head, seq: proof.head.seq + 1 } }, cp)).toBe(false);
    expect(verifyInclusion({ ...proof, leafIndex: 5 }, cp)).toBe(false);
    expect(verifyInclusion({ ...proof, treeSize: 12 }, cp)).toBe(false);
    expect(verifyInclusion(proof, { treeSize: 11, rootHash: h(0) })).toBe(false);
  });

  it('are refused for unknown documents (NOT_FOUND) and malformed input (VALIDATION)', () => {
    const heads = headsOf(3);
    const codes = [
      () => inclusionProof(heads, 'doc-999'),
      () => inclusionProof(heads, ''),
      () => verifyInclusion({ head: heads[0]!, leafIndex: 0, treeSize: 3, path: ['zz'] }, { treeSize: 3, rootHash: h(0) }),
    ].map((attempt) => {
      try {
        attempt();
        return 'none';
      } catch (e) {
        return isGovpubError(e) ? e.code : 'other';
      }
    });
    expect(codes).toEqual(['NOT_FOUND', 'VALIDATION', 'VALIDATION']);
  });

  it('verify for every document of random offices (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 40 }),
        fc.nat({ max: 1000 }),
        (ids, salt) => {
          const heads = ids.map((documentId, i) => ({ documentId, seq: 1 + ((i + salt) % 9), hash: h(i + salt), contentDigest: d(i) }));
          const cp = createCheckpoint(heads, { signer, at, includeLeaves: false });
          for (const id of ids) expect(verifyInclusion(inclusionProof(heads, id), cp)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
