import { createHmac, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/hash/index';
import { isGovpubError, type GovpubError } from '../../../src/errors/index';
import {
  createHeadSigner,
  createHeadVerifier,
  ed25519KeyId,
  generateSigningKey,
  type DocumentHead,
  type HeadSignature,
} from '../../../src/workflow/audit/index';

const head: DocumentHead = { documentId: 'doc-1', seq: 7, hash: 'a1'.repeat(32), contentDigest: 'b2'.repeat(32) };
const fixedClock = () => new Date('2026-03-01T08:00:00.000Z');
const HMAC_SECRET = 'correct horse battery staple, 32+ bytes of secret!';

function thrown(fn: () => unknown): GovpubError {
  try {
    fn();
  } catch (e) {
    if (isGovpubError(e)) return e;
    throw e;
  }
  throw new Error('expected a GovpubError');
}

/** Flips one bit of a hex string. */
function flipBit(hex: string, bit = 0): string {
  const bytes = Buffer.from(hex, 'hex');
  bytes[bit >> 3]! ^= 1 << (bit & 7);
  return bytes.toString('hex');
}

describe('Ed25519 head signatures', () => {
  const key = generateSigningKey();
  const signer = createHeadSigner(key, { clock: fixedClock });
  const verifier = createHeadVerifier({ kind: 'ed25519', publicKey: key.publicKey });

  it('round-trips, carrying alg, keyId and the signing time', () => {
    const sig = signer.sign(head);
    expect(sig).toMatchObject({ alg: 'ed25519', keyId: key.keyId, signedAt: '2026-03-01T08:00:00.000Z' });
    expect(sig.signature).toMatch(/^[0-9a-f]{128}$/);
    expect(verifier.verify(head, sig)).toEqual({ ok: true, alg: 'ed25519', keyId: key.keyId, signedAt: sig.signedAt });
    expect(signer.publicKey).toBe(key.publicKey);
    expect(key.keyId).toBe(ed25519KeyId(key.publicKey));
  });

  it('verifies with Node’s own crypto (OpenSSL), over the documented bytes', () => {
    // An independent implementation: the signed bytes are the purpose line plus the canonical
    // JSON of { alg, keyId, signedAt, body }, and the signature is plain RFC 8032 Ed25519.
    const sig = signer.sign(head);
    const message = Buffer.from(
      `govpub/document-head/v1\n${canonicalJson({ alg: 'ed25519', keyId: sig.keyId, signedAt: sig.signedAt, body: head })}`,
    );
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key.publicKey, 'hex').toString('base64url') },
      format: 'jwk',
    });
    expect(nodeVerify(null, message, publicKey, Buffer.from(sig.signature, 'hex'))).toBe(true);
  });

  it('refuses a head changed in any field after signing', () => {
    const sig = signer.sign(head);
    const changes: Partial<DocumentHead>[] = [
      { documentId: 'doc-2' },
      { seq: 8 },
      { hash: flipBit(head.hash, 3) },
      { contentDigest: flipBit(head.contentDigest, 200) },
    ];
    for (const change of changes) {
      expect(verifier.verify({ ...head, ...change }, sig)).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    }
  });

  it('refuses a signature with any bit flipped, a re-dated one, and one from another key', () => {
    const sig = signer.sign(head);
    for (const bit of [0, 100, 255, 256, 511]) {
      expect(verifier.verify(head, { ...sig, signature: flipBit(sig.signature, bit) }).ok).toBe(false);
    }
    expect(verifier.verify(head, { ...sig, signedAt: '2026-03-01T08:00:01.000Z' })).toMatchObject({ code: 'BAD_SIGNATURE' });
    const other = createHeadSigner({ ...generateSigningKey(), keyId: key.keyId });
    expect(verifier.verify(head, other.sign(head))).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
  });

  it('reports, never throws, a malformed or unknown signature (it is evidence, not input)', () => {
    const sig = signer.sign(head);
    const bad: unknown[] = [null, 'abc', {}, { ...sig, signature: 'xyz' }, { ...sig, extra: 1 }, { ...sig, signedAt: 'yesterday' }];
    for (const b of bad) expect(verifier.verify(head, b as HeadSignature)).toMatchObject({ ok: false, code: 'MALFORMED_SIGNATURE' });
    expect(verifier.verify(head, { ...sig, signature: sig.signature.slice(0, 126) })).toMatchObject({ code: 'BAD_SIGNATURE' });
    expect(verifier.verify(head, { ...sig, keyId: 'someone-else' })).toMatchObject({ ok: false, code: 'UNKNOWN_KEY' });
  });

  it('keeps the key out of anything the signer shows', () => {
    const shown = JSON.stringify(signer) + String(Object.keys(signer)) + JSON.stringify(signer.sign(head));
    expect(shown).not.toContain(key.privateKey);
    expect(Object.isFrozen(signer)).toBe(true);
  });

  it('accepts the key as bytes as well as hex, and refuses a public key that is not its pair', () => {
    const fromBytes = createHeadSigner({ kind: 'ed25519', privateKey: Buffer.from(key.privateKey, 'hex') }, { clock: fixedClock });
    expect(fromBytes.sign(head)).toEqual(signer.sign(head));
    const e = thrown(() => createHeadSigner({ ...key, publicKey: generateSigningKey().publicKey }));
    expect(e.code).toBe('VALIDATION');
    expect(e.details?.issues).toEqual([{ path: ['publicKey'], message: expect.any(String) }]);
  });
});

describe('HMAC-SHA256 head signatures', () => {
  const signer = createHeadSigner({ kind: 'hmac-sha256', secret: HMAC_SECRET, keyId: 'office-2026' }, { clock: fixedClock });
  const verifier = createHeadVerifier({ kind: 'hmac-sha256', secret: HMAC_SECRET, keyId: 'office-2026' });

  it('round-trips and equals Node’s HMAC over the documented bytes', () => {
    const sig = signer.sign(head);
    expect(verifier.verify(head, sig)).toMatchObject({ ok: true, alg: 'hmac-sha256', keyId: 'office-2026' });
    const message = `govpub/document-head/v1\n${canonicalJson({ alg: 'hmac-sha256', keyId: 'office-2026', signedAt: sig.signedAt, body: head })}`;
    expect(sig.signature).toBe(createHmac('sha256', HMAC_SECRET).update(message).digest('hex'));
  });

  it('refuses changed heads, flipped bits and another secret', () => {
    const sig = signer.sign(head);
    expect(verifier.verify({ ...head, seq: 6 }, sig)).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    expect(verifier.verify(head, { ...sig, signature: flipBit(sig.signature, 77) })).toMatchObject({ code: 'BAD_SIGNATURE' });
    const wrongSecret = createHeadVerifier({ kind: 'hmac-sha256', secret: `${HMAC_SECRET}!`, keyId: 'office-2026' });
    expect(wrongSecret.verify(head, sig)).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
  });

  it('refuses a signature relabelled with another algorithm or key id', () => {
    const sig = signer.sign(head);
    const ed = generateSigningKey();
    const both = createHeadVerifier([
      { kind: 'hmac-sha256', secret: HMAC_SECRET, keyId: 'office-2026' },
      { kind: 'hmac-sha256', secret: HMAC_SECRET, keyId: 'office-2027' },
      { kind: 'ed25519', publicKey: ed.publicKey, keyId: 'ed-key' },
    ]);
    expect(both.verify(head, { ...sig, alg: 'ed25519' })).toMatchObject({ ok: false, code: 'ALGORITHM_MISMATCH' });
    // Same secret under another id: the key id is inside the signed bytes, so relabelling fails.
    expect(both.verify(head, { ...sig, keyId: 'office-2027' })).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    expect(both.verify(head, { ...sig, keyId: 'ed-key' })).toMatchObject({ ok: false, code: 'ALGORITHM_MISMATCH' });
  });

  it('keeps a head signature from passing as a checkpoint signature', () => {
    const sig = signer.sign(head);
    const treeHead = { treeSize: 7, rootHash: head.hash, at: sig.signedAt };
    expect(verifier.verifyTreeHead(treeHead, sig).ok).toBe(false);
    expect(verifier.verifyTreeHead(treeHead, signer.signTreeHead(treeHead)).ok).toBe(true);
  });
});

describe('key rotation', () => {
  const oldKey = generateSigningKey();
  const newKey = generateSigningKey();
  const at = (iso: string) => () => new Date(iso);
  const verifier = createHeadVerifier([
    { kind: 'ed25519', publicKey: newKey.publicKey, notBefore: '2026-07-01T00:00:00Z' },
    { kind: 'ed25519', publicKey: oldKey.publicKey, notAfter: new Date('2026-07-01T00:00:00Z') },
  ]);

  it('accepts old signatures by the retired key and new ones by the current key', () => {
    expect(verifier.keyIds).toEqual([newKey.keyId, oldKey.keyId]);
    const before = createHeadSigner(oldKey, { clock: at('2026-05-01T00:00:00Z') }).sign(head);
    const after = createHeadSigner(newKey, { clock: at('2026-08-01T00:00:00Z') }).sign(head);
    expect(verifier.verify(head, before)).toMatchObject({ ok: true, keyId: oldKey.keyId });
    expect(verifier.verify(head, after)).toMatchObject({ ok: true, keyId: newKey.keyId });
  });

  it('refuses the retired key after its notAfter and the new key before its notBefore', () => {
    const late = createHeadSigner(oldKey, { clock: at('2026-07-01T00:00:00.001Z') }).sign(head);
    const early = createHeadSigner(newKey, { clock: at('2026-06-30T23:59:59.999Z') }).sign(head);
    expect(verifier.verify(head, late)).toMatchObject({ ok: false, code: 'KEY_EXPIRED', keyId: oldKey.keyId });
    expect(verifier.verify(head, early)).toMatchObject({ ok: false, code: 'KEY_NOT_YET_VALID', keyId: newKey.keyId });
  });

  it('drops a revoked key entirely: its signatures are then unknown', () => {
    const revoked = createHeadVerifier({ kind: 'ed25519', publicKey: newKey.publicKey });
    const sig = createHeadSigner(oldKey, { clock: at('2026-05-01T00:00:00Z') }).sign(head);
    expect(revoked.verify(head, sig)).toMatchObject({ ok: false, code: 'UNKNOWN_KEY' });
  });
});

describe('key material validation', () => {
  it('names the field and never echoes the secret', () => {
    const secret = 'short-secret-do-not-log';
    const cases: [() => unknown, (string | number)[]][] = [
      [() => createHeadSigner({ kind: 'hmac-sha256', secret, keyId: 'k' }), ['secret']],
      [() => createHeadSigner({ kind: 'hmac-sha256', secret: HMAC_SECRET, keyId: '' }), ['keyId']],
      [() => createHeadSigner({ kind: 'hmac-sha256', secret: HMAC_SECRET } as never), ['keyId']],
      [() => createHeadSigner({ kind: 'ed25519', privateKey: `${secret}${'0'.repeat(41)}` }), ['privateKey']],
      [() => createHeadSigner({ kind: 'ed25519', privateKey: new Uint8Array(31) }), ['privateKey']],
      [() => createHeadSigner({ kind: 'rsa', privateKey: secret } as never), ['kind']],
      [() => createHeadVerifier([{ kind: 'hmac-sha256', secret, keyId: 'k' }]), [0, 'secret']],
      [() => createHeadVerifier([{ kind: 'ed25519', publicKey: 'zz' }]), [0, 'publicKey']],
      [() => createHeadVerifier([{ kind: 'ed25519', publicKey: generateSigningKey().publicKey, notAfter: 'soon' }]), [0, 'notAfter']],
    ];
    for (const [attempt, path] of cases) {
      const e = thrown(attempt);
      expect(e.code).toBe('VALIDATION');
      const issues = e.details?.issues as { path: unknown[] }[];
      expect(issues.map((i) => i.path)).toContainEqual(path);
      expect(e.message + JSON.stringify(e.details)).not.toContain(secret);
    }
  });

  it('refuses private keys handed to a verifier, duplicate key ids, empty key sets and inverted windows', () => {
    const key = generateSigningKey();
    expect(thrown(() => createHeadVerifier(key as never)).code).toBe('VALIDATION');
    const e = thrown(() => createHeadVerifier([{ kind: 'ed25519', publicKey: key.publicKey }, { kind: 'ed25519', publicKey: key.publicKey }]));
    expect(e.details?.issues).toEqual([{ path: [1, 'keyId'], message: expect.stringContaining('twice') }]);
    expect(thrown(() => createHeadVerifier([])).code).toBe('VALIDATION');
    const inverted = thrown(() =>
      createHeadVerifier({ kind: 'ed25519', publicKey: key.publicKey, notBefore: '2027-01-01T00:00:00Z', notAfter: '2026-01-01T00:00:00Z' }),
    );
    expect(inverted.details?.issues).toEqual([{ path: [0, 'notAfter'], message: 'notBefore is after notAfter' }]);
  });

  it('validates heads and clocks at signing', () => {
    const signer = createHeadSigner(generateSigningKey());
    expect(thrown(() => signer.sign({ ...head, hash: 'ABC' })).details?.issues).toEqual([{ path: ['hash'], message: expect.any(String) }]);
    expect(thrown(() => signer.sign({ ...head, seq: 0 })).code).toBe('VALIDATION');
    expect(thrown(() => signer.sign({ ...head, extra: 1 } as never)).code).toBe('VALIDATION');
    const broken = createHeadSigner(generateSigningKey(), { clock: () => new Date(Number.NaN) });
    expect(thrown(() => broken.sign(head)).details?.issues).toEqual([{ path: ['clock'], message: expect.any(String) }]);
    expect(thrown(() => createHeadSigner(generateSigningKey(), { clock: 5 } as never)).code).toBe('VALIDATION');
  });
});
