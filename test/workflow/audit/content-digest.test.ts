import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GovDocument } from '../../../src/index';
import { isGovpubError, type GovpubError } from '../../../src/errors/index';
import {
  CONTENT_DIGEST_EXCLUDED,
  contentDigest,
  digestedContent,
  verifyDocumentAgainstTrail,
} from '../../../src/workflow/audit/index';
import { draft, hashEvent, GENESIS } from './trail';

function thrown(fn: () => unknown): GovpubError {
  try {
    fn();
  } catch (e) {
    if (isGovpubError(e)) return e;
    throw e;
  }
  throw new Error('expected a GovpubError');
}

const base = draft('doc-1', {
  summary: '供暖通知',
  signatures: [{ step: 'initial', actorId: 'li.si', at: '2026-03-01T09:00:00.000Z' }],
  waivers: [{ ruleId: 'city/superlative', excerpt: '最', reason: '引用原文', actorId: 'wang.wu', at: '2026-03-01T09:30:00.000Z', revision: 1 }],
});

describe('contentDigest', () => {
  it('is 64 hex digits, and the same for the same content', () => {
    expect(contentDigest(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentDigest(structuredClone(base))).toBe(contentDigest(base));
  });

  it('does not depend on property order, on undefined members, or on a JSON round trip', () => {
    const reversed = Object.fromEntries(Object.entries(base).reverse()) as typeof base;
    const withUndefined = { ...base, author: undefined, tags: undefined };
    const viaJson = JSON.parse(JSON.stringify(base)) as typeof base;
    const nested = { ...base, signatures: [{ at: base.signatures[0]!.at, actorId: 'li.si', step: 'initial' }] };
    for (const variant of [reversed, withUndefined, viaJson, nested]) expect(contentDigest(variant)).toBe(contentDigest(base));
  });

  it('changes with each piece of content an attacker would want to alter', () => {
    const changes: Record<string, unknown>[] = [
      { title: `${base.title}（修订）` },
      { body: base.body.replace('供暖', '供热') },
      { summary: '另一摘要' },
      { summary: undefined },
      { level: 'internal' },
      { channels: ['website'] },
      { channels: ['wechat', 'website'] },
      { signatures: [] },
      { signatures: [{ ...base.signatures[0]!, actorId: 'li.si.2' }] },
      { signatures: [{ ...base.signatures[0]!, step: 'final' }] },
      { signatures: [{ ...base.signatures[0]!, decision: 'reject' }] },
      { waivers: [] },
      { waivers: [{ ...base.waivers[0]!, excerpt: '最好' }] },
      { state: 'approved' },
      { revision: 2 },
      { currentStep: 'secondary' },
      { published: { revision: 1, title: base.title, body: '已发布', level: 'public', publishedAt: 'x', publishedBy: 'y', outputs: [], withdrawn: null } },
      { authorId: 'someone.else' },
      { id: 'doc-2' },
      { summary: null },
      { reviewSteps: [{ id: 'only', roles: ['approver'] }] },
    ];
    const digests = new Set([contentDigest(base)]);
    for (const change of changes) {
      const d = contentDigest({ ...base, ...change } as typeof base);
      expect(digests.has(d), JSON.stringify(change)).toBe(false);
      digests.add(d);
    }
  });

  it('hashes text exactly: a canonically equivalent (NFC vs NFD) body is different content', () => {
    const nfc = { ...base, body: 'caf\u00e9' };
    const nfd = { ...base, body: 'cafe\u0301' };
    expect(contentDigest(nfc)).not.toBe(contentDigest(nfd));
  });

  it('leaves out only bookkeeping: version, historyHead, findings, updatedAt', () => {
    expect([...CONTENT_DIGEST_EXCLUDED]).toEqual(['version', 'historyHead', 'findings', 'updatedAt']);
    const bookkeeping = {
      ...base,
      version: 9,
      historyHead: { seq: 4, hash: 'f'.repeat(64) },
      findings: [{ ruleId: 'x' }],
      updatedAt: '2027-01-01T00:00:00.000Z',
    };
    expect(contentDigest(bookkeeping)).toBe(contentDigest(base));
    expect(Object.keys(digestedContent(base))).not.toContain('version');
    expect(digestedContent(base)).toMatchObject({ title: base.title, body: base.body, signatures: base.signatures });
  });

  it('accepts a GovDocument as the publisher stores it', () => {
    const doc: GovDocument = { ...base, level: 'public', state: 'draft', findings: [] } as GovDocument;
    expect(contentDigest(doc)).toBe(contentDigest(base));
  });

  it('refuses a document without its content members, or holding non-JSON values, naming the path', () => {
    const { signatures: _s, ...noSignatures } = base;
    expect(thrown(() => contentDigest(noSignatures as never)).details?.issues).toEqual([{ path: ['signatures'], message: expect.any(String) }]);
    expect(thrown(() => contentDigest({ ...base, revision: 1.5 })).details?.issues).toMatchObject([{ path: ['revision'] }]);
    expect(thrown(() => contentDigest({ ...base, extra: { when: new Date() } } as never)).details?.issues).toMatchObject([{ path: ['extra', 'when'] }]);
    expect(thrown(() => contentDigest({ ...base, extra: [1, 10n] } as never)).details?.issues).toMatchObject([{ path: ['extra', 1] }]);
    expect(thrown(() => contentDigest({ ...base, extra: Number.NaN } as never)).details?.issues).toMatchObject([{ path: ['extra'] }]);
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(thrown(() => contentDigest({ ...base, extra: deep } as never)).code).toBe('VALIDATION');
    expect(thrown(() => contentDigest(null as never)).code).toBe('VALIDATION');
  });
});

describe('verifyDocumentAgainstTrail', () => {
  const event = (document: typeof base, seq = 1, prevHash = GENESIS) => {
    const unhashed = {
      documentId: document.id, seq, type: 'created', actor: { id: 'zhang.san', roles: ['author'] },
      at: '2026-03-01T08:00:00.000Z', revision: 1, data: {}, contentDigest: contentDigest(document), prevHash,
    };
    return { ...unhashed, hash: hashEvent(unhashed) };
  };

  it('accepts the document its last event describes', () => {
    const e = event(base);
    expect(verifyDocumentAgainstTrail({ ...base, historyHead: { seq: 1, hash: e.hash } }, [e])).toEqual({
      ok: true, documentId: 'doc-1', seq: 1, contentDigest: e.contentDigest,
    });
  });

  it('reports a direct edit of the stored document as CONTENT_MISMATCH with both digests', () => {
    const e = event(base);
    const edited = { ...base, body: `${base.body}（未经审核的补充）`, historyHead: { seq: 1, hash: e.hash } };
    const check = verifyDocumentAgainstTrail(edited, [e]);
    expect(check).toMatchObject({ ok: false, code: 'CONTENT_MISMATCH', seq: 1, expected: e.contentDigest, actual: contentDigest(edited) });
    expect(!check.ok && check.reason).toMatch(/内容摘要不一致/);
  });

  it('reports a forged signature added to the stored document', () => {
    const e = event(base);
    const forged = { ...base, signatures: [...base.signatures, { step: 'final', actorId: 'boss', at: '2026-03-01T10:00:00.000Z' }] };
    expect(verifyDocumentAgainstTrail(forged, [e])).toMatchObject({ ok: false, code: 'CONTENT_MISMATCH' });
  });

  it('compares against the last event only, and checks the recorded head', () => {
    const first = event(base);
    const changed = { ...base, title: '新标题' };
    const second = event(changed, 2, first.hash);
    expect(verifyDocumentAgainstTrail(changed, [first, second]).ok).toBe(true);
    expect(verifyDocumentAgainstTrail(base, [first, second])).toMatchObject({ ok: false, code: 'CONTENT_MISMATCH', seq: 2 });
    expect(verifyDocumentAgainstTrail({ ...changed, historyHead: { seq: 1, hash: first.hash } }, [first, second])).toMatchObject({
      ok: false, code: 'HEAD_MISMATCH',
    });
  });

  it('reports trails it cannot judge: no events, no digest, a malformed stored document', () => {
    expect(verifyDocumentAgainstTrail(base, [])).toMatchObject({ ok: false, code: 'NO_EVENTS' });
    const { contentDigest: _d, ...legacy } = event(base);
    expect(verifyDocumentAgainstTrail(base, [legacy])).toMatchObject({ ok: false, code: 'NO_DIGEST', seq: 1 });
    expect(verifyDocumentAgainstTrail({ ...base, signatures: 'gone' } as never, [event(base)])).toMatchObject({
      ok: false, code: 'MALFORMED_DOCUMENT',
    });
  });

  it('refuses events that are not events (API misuse) with VALIDATION', () => {
    expect(thrown(() => verifyDocumentAgainstTrail(base, [{ seq: 0, hash: 'x' }])).code).toBe('VALIDATION');
    expect(thrown(() => verifyDocumentAgainstTrail(base, null as never)).code).toBe('VALIDATION');
  });
});

describe('contentDigest properties (fast-check)', () => {
  // Reorders keys at every depth, as a database returning JSONB (which sorts keys by length,
  // then bytes) or another adapter might.
  const shuffleKeys = (value: unknown, seed: number): unknown => {
    if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, seed + 1));
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Record<string, unknown>);
    const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]!);
    return Object.fromEntries(rotated.reverse().map(([k, v]) => [k, shuffleKeys(v, seed + 1)]));
  };
  const extra = fc.dictionary(fc.string({ maxLength: 8 }).filter((k) => !['__proto__', 'version', 'historyHead', 'findings', 'updatedAt'].includes(k)), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });

  it('is the same after a JSON round trip and any key order, and differs when the body differs', () => {
    fc.assert(
      fc.property(extra, fc.string(), fc.string(), fc.nat(), (more, body, otherBody, seed) => {
        const doc = { ...more, ...draft('doc-p', { body }) };
        const digest = contentDigest(doc);
        expect(contentDigest(JSON.parse(JSON.stringify(doc)) as typeof doc)).toBe(digest);
        expect(contentDigest(shuffleKeys(doc, seed) as typeof doc)).toBe(digest);
        if (otherBody !== body) expect(contentDigest({ ...doc, body: otherBody })).not.toBe(digest);
      }),
      { numRuns: 200 },
    );
  });
});

describe('contentDigest and hostile members', () => {
  it('digests an own "__proto__" member as data, without touching any prototype', () => {
    const base = draft('doc-x');
    const evil = JSON.parse(JSON.stringify(base).replace('{', '{"__proto__":{"polluted":1},')) as typeof base;
    expect(Object.keys(evil)).toContain('__proto__');
    expect(contentDigest(evil)).not.toBe(contentDigest(base));
    expect(Object.keys(digestedContent(evil))).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(digestedContent(evil))).toBeNull();
  });
});
