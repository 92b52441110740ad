/**
 * The audit trail's public functions (issue 13 §3) and the publisher's checkpoint methods, fed
 * hostile input like public-functions.test.ts does for the checker areas: each returns (or
 * resolves), or throws (or rejects with) a GovpubError — never a TypeError or anything else —
 * quotes at most a short prefix of what it was given, and never writes to Object.prototype.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as govpub from '../../src/index';
import { POLLUTERS, deepArray, deepObject, hostile } from './hostile-values';

type Fn = (...args: unknown[]) => unknown;

const key = govpub.generateSigningKey();
const signer = govpub.createHeadSigner(key);
const verifier = govpub.createHeadVerifier({ kind: 'ed25519', publicKey: key.publicKey });
const HEX = 'ab'.repeat(32);
const HEAD = { documentId: 'doc-1', seq: 2, hash: HEX, contentDigest: HEX };
const HEADS = [HEAD, { ...HEAD, documentId: 'doc-2' }];
const CHECKPOINT = govpub.createCheckpoint(HEADS, { signer, at: new Date('2026-03-01T00:00:00Z') });
const DOCUMENT = { id: 'doc-1', revision: 1, state: 'draft', title: '通知', body: '正文', level: 'public', channels: [], signatures: [], waivers: [], historyHead: { seq: 1, hash: HEX } };
const EVENTS = [{ documentId: 'doc-1', seq: 1, hash: HEX, prevHash: '0'.repeat(64), contentDigest: HEX }];

/** A publisher with a few documents, for the checkpoint methods. */
async function office() {
  const publisher = govpub.createPublisher({ storage: govpub.memoryAdapter(), signer, verifier, caliber: false, duplicates: false, idGenerator: () => 'doc-1' });
  await publisher.createDraft({ title: '关于停水的通知', body: '明日停水。', level: 'public' }, { id: 'zhang.wei', roles: ['author'] });
  return publisher;
}
const publisherPromise = office();
const publisherCheckpoint = publisherPromise.then((p) => p.checkpoint());

// name → how to call it with one hostile value in each argument position (the others valid).
const TARGETS: Record<string, { fn: Fn; valid: unknown[] }> = {
  contentDigest: { fn: govpub.contentDigest as Fn, valid: [DOCUMENT] },
  createHeadSigner: { fn: govpub.createHeadSigner as Fn, valid: [key] },
  createHeadVerifier: { fn: govpub.createHeadVerifier as Fn, valid: [{ kind: 'ed25519', publicKey: key.publicKey }] },
  'signer.sign': { fn: (head) => signer.sign(head as never), valid: [HEAD] },
  'verifier.verify': { fn: (head, signature) => verifier.verify(head as never, signature as never), valid: [HEAD, signer.sign(HEAD)] },
  ed25519KeyId: { fn: govpub.ed25519KeyId as Fn, valid: [key.publicKey] },
  createCheckpoint: { fn: govpub.createCheckpoint as Fn, valid: [HEADS, { signer }] },
  verifyCheckpoint: { fn: govpub.verifyCheckpoint as Fn, valid: [CHECKPOINT, { verifier, currentHeads: HEADS, eventHashAt: () => null }] },
  inclusionProof: { fn: govpub.inclusionProof as Fn, valid: [HEADS, 'doc-2'] },
  verifyInclusion: { fn: govpub.verifyInclusion as Fn, valid: [govpub.inclusionProof(HEADS, 'doc-2'), CHECKPOINT] },
  verifyDocumentAgainstTrail: { fn: govpub.verifyDocumentAgainstTrail as Fn, valid: [DOCUMENT, EVENTS] },
  verifyTrailHead: { fn: govpub.verifyTrailHead as Fn, valid: [DOCUMENT, EVENTS, signer.sign(HEAD), verifier] },
  'publisher.checkpoint': { fn: async (options) => (await publisherPromise).checkpoint(options as never), valid: [{}] },
  'publisher.verifyCheckpoint': {
    fn: async (checkpoint, options) => (await publisherPromise).verifyCheckpoint((checkpoint === 'theirs' ? await publisherCheckpoint : checkpoint) as never, options as never),
    valid: ['theirs', {}],
  },
  'publisher.verifyHistory': { fn: async (id) => (await publisherPromise).verifyHistory(id as never), valid: ['doc-1'] },
};

const DEEP = [deepArray(100_000), deepObject(100_000), deepObject(100_000, 'leaves'), deepObject(100_000, '__proto__')];
const before = Object.getOwnPropertyNames(Object.prototype).sort();

async function call(name: string, args: unknown[]): Promise<void> {
  try {
    await TARGETS[name]!.fn(...args);
  } catch (e) {
    if (govpub.isGovpubError(e)) {
      expect(e.message.length, `${name}: message of ${e.message.length} characters`).toBeLessThan(2000);
      return;
    }
    throw new Error(`${name} with a hostile argument threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
  }
}

afterAll(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe.each(Object.keys(TARGETS))('%s', (name) => {
  const { valid } = TARGETS[name]!;

  it('works with valid input (the harness calls it right)', async () => {
    await expect(Promise.resolve().then(() => TARGETS[name]!.fn(...valid))).resolves.not.toBeInstanceOf(Error);
  });

  it('answers hostile input in any argument with a value or a GovpubError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(valid.length - 1), hostile, async (position, value) => {
        const args = [...valid];
        args[position] = value;
        await call(name, args);
      }),
      { numRuns: 120 },
    );
  });

  it('answers 100,000-deep nesting, a 1 MB string and prototype-polluting objects without a stray exception or pollution', async () => {
    for (let position = 0; position < valid.length; position++) {
      for (const value of [...DEEP, 'x'.repeat(1_000_000), ...POLLUTERS]) {
        const args = [...valid];
        args[position] = value;
        await call(name, args);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
