import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDuplicateIndex, isGovpubError, loadDuplicateIndex, type DuplicateIndexJSON } from '../../src/index';
import { decodeWords, encodeWords } from '../../src/duplicates/base64';
import { CLINICS, JOB_FAIR, ROADWORKS } from './fixtures';

function issuesOf(f: () => unknown): { path: unknown[]; message: string }[] {
  try {
    f();
  } catch (e) {
    if (isGovpubError(e) && e.code === 'VALIDATION') return (e.details as { issues: { path: unknown[]; message: string }[] }).issues;
    throw e;
  }
  throw new Error('expected a VALIDATION error');
}

function saved(): DuplicateIndexJSON {
  const index = createDuplicateIndex({ window: 12 });
  index.add('roadworks', ROADWORKS, { title: '施工' });
  index.add('clinics', CLINICS);
  index.add('gone', JOB_FAIR);
  index.remove('gone');
  return JSON.parse(JSON.stringify(index));
}

describe('toJSON / loadDuplicateIndex', () => {
  it('round-trips through JSON text with the same answers', () => {
    const json = saved();
    expect(json).toMatchObject({ format: 'govpub/duplicate-index', version: 1, parameters: { window: 12, shingle: 5, slots: 128 } });
    expect(Object.keys(json.seeds).sort()).toEqual(['band', 'densify', 'minhash', 'winnow']);
    const loaded = loadDuplicateIndex(json);
    expect(loaded.size).toBe(2);
    expect(loaded.parameters.window).toBe(12);
    expect(loaded.get('roadworks')).toEqual({ text: ROADWORKS, meta: { title: '施工' } });
    const fresh = createDuplicateIndex({ window: 12 });
    fresh.add('roadworks', ROADWORKS, { title: '施工' });
    fresh.add('clinics', CLINICS);
    const q = ROADWORKS.slice(40) + CLINICS.slice(0, 120);
    expect(loaded.query(q)).toEqual(fresh.query(q));
    expect(loaded.toJSON()).toEqual(json);
  });

  it('refuses what it did not write', () => {
    const json = saved();
    const variants: [string, (j: DuplicateIndexJSON) => unknown, unknown[]][] = [
      ['another format', (j) => ({ ...j, format: 'minhash' }), ['format']],
      ['another version', (j) => ({ ...j, version: 2 }), ['version']],
      ['other seeds', (j) => ({ ...j, seeds: { ...j.seeds, minhash: 1 } }), ['seeds', 'minhash']],
      ['other fixed parameters', (j) => ({ ...j, parameters: { ...j.parameters, slots: 64 } }), ['parameters', 'slots']],
      ['a text edited after writing', (j) => ({ ...j, documents: [{ ...j.documents[0]!, text: j.documents[0]!.text + '！' }] }), ['documents', 0, 'key']],
      ['a broken signature', (j) => ({ ...j, documents: [{ ...j.documents[0]!, signature: 'AAAA' }] }), ['documents', 0, 'signature']],
      ['fingerprints that are not base64', (j) => ({ ...j, documents: [{ ...j.documents[0]!, fingerprints: '%%%%' }] }), ['documents', 0, 'fingerprints']],
      ['a repeated id', (j) => ({ ...j, documents: [j.documents[0]!, j.documents[0]!] }), ['documents', 1, 'id']],
      ['an unknown field', (j) => ({ ...j, extra: true }), []],
      ['not an object', () => 'index', []],
    ];
    for (const [what, mutate, path] of variants) {
      const issues = issuesOf(() => loadDuplicateIndex(mutate(structuredClone(json))));
      expect(issues.length, what).toBeGreaterThan(0);
      if (path.length) expect(issues.map((i) => i.path), what).toContainEqual(path);
    }
  });
});

describe('fingerprint / add with a stored fingerprint', () => {
  it('adds without recomputing and answers as a plain add does', () => {
    const a = createDuplicateIndex();
    const b = createDuplicateIndex();
    const fp = JSON.parse(JSON.stringify(a.fingerprint(ROADWORKS)));
    a.add('r', ROADWORKS, undefined, fp);
    b.add('r', ROADWORKS);
    expect(a.query(ROADWORKS.slice(10))).toEqual(b.query(ROADWORKS.slice(10)));
    expect(a.toJSON()).toEqual(b.toJSON());
  });

  it('refuses a fingerprint of another text or of other settings', () => {
    const index = createDuplicateIndex();
    const fp = index.fingerprint(ROADWORKS);
    expect(issuesOf(() => index.add('r', CLINICS, undefined, fp)).map((i) => i.path)).toContainEqual(['key']);
    const other = createDuplicateIndex({ window: 9 }).fingerprint(ROADWORKS);
    expect(issuesOf(() => index.add('r', ROADWORKS, undefined, other)).map((i) => i.path)).toContainEqual(['scheme']);
    expect(index.size).toBe(0);
  });
});

describe('base64 words', () => {
  it('round-trips any 32-bit words and rejects malformed text', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff })), (words) => {
        const a = Uint32Array.from(words);
        const text = encodeWords(a);
        expect(text).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
        expect(decodeWords(text)).toEqual(a);
      }),
    );
    expect(decodeWords('AAA')).toBeNull();
    expect(decodeWords('AA==')).toBeNull(); // one byte is not a whole word
    expect(decodeWords('AAAA/w=é')).toBeNull();
  });
});
