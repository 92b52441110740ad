import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGovpubError } from '../../../src/errors/index';
import {
  merkleInclusionPath,
  merkleLeafHash,
  merkleNodeHash,
  merkleRoot,
  merkleRootFromPath,
} from '../../../src/workflow/audit/index';

const fromHex = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

// The reference tree of Certificate Transparency's own test suites (RFC 6962 implementations
// such as google/certificate-transparency-go `merkle` and transparency-dev/merkle testdata,
// Apache-2.0): eight leaves and the tree head for each prefix of them.
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(fromHex);
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// Inclusion proofs from the same suites: (0-based leaf index, tree size, audit path).
const CT_INCLUSION: [number, number, string[]][] = [
  [0, 8, [
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  ]],
  [5, 8, [
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
    'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  ]],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [1, 5, [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  ]],
];

const ctLeafHashes = CT_LEAVES.map(merkleLeafHash);

describe('the Merkle tree of RFC 6962 §2.1', () => {
  it('gives the Certificate Transparency reference root for every tree size 0..8', () => {
    for (let n = 0; n <= 8; n++) expect(toHex(merkleRoot(ctLeafHashes.slice(0, n))), `size ${n}`).toBe(CT_ROOTS[n]);
  });

  it('builds the reference inclusion proofs, and they verify against the reference roots', () => {
    for (const [index, size, path] of CT_INCLUSION) {
      const leaves = ctLeafHashes.slice(0, size);
      expect(merkleInclusionPath(leaves, index).map(toHex), `leaf ${index} of ${size}`).toEqual(path);
      const root = merkleRootFromPath(index, size, leaves[index]!, path.map(fromHex));
      expect(root && toHex(root)).toBe(CT_ROOTS[size]);
    }
  });

  it('separates leaves from interior nodes (a node cannot pose as a leaf)', () => {
    const [a, b] = [ctLeafHashes[0]!, ctLeafHashes[1]!];
    const node = merkleNodeHash(a, b);
    expect(toHex(node)).toBe(CT_ROOTS[2]);
    // The two-leaf tree's root, offered as a leaf of a one-leaf tree, does not reproduce it.
    expect(toHex(merkleLeafHash(new Uint8Array([...a, ...b])))).not.toBe(CT_ROOTS[2]);
  });

  it('refuses proofs that do not fit the index and size', () => {
    const leaves = ctLeafHashes.slice(0, 8);
    const path = merkleInclusionPath(leaves, 3);
    expect(merkleRootFromPath(3, 8, leaves[3]!, path.slice(0, 2))).toBeNull();
    expect(merkleRootFromPath(3, 8, leaves[3]!, [...path, path[0]!])).toBeNull();
    expect(merkleRootFromPath(8, 8, leaves[3]!, path)).toBeNull();
    expect(merkleRootFromPath(-1, 8, leaves[3]!, path)).toBeNull();
    expect(toHex(merkleRootFromPath(4, 8, leaves[3]!, path) ?? new Uint8Array())).not.toBe(CT_ROOTS[8]);
  });

  it('answers misuse with VALIDATION naming the input', () => {
    const attempts = [
      () => merkleRoot([new Uint8Array(31)]),
      () => merkleRoot('abc' as never),
      () => merkleLeafHash('abc' as never),
      () => merkleNodeHash(new Uint8Array(32), new Uint8Array(33)),
      () => merkleInclusionPath(ctLeafHashes, 8),
      () => merkleInclusionPath(ctLeafHashes, 1.5),
      () => merkleRootFromPath(0, 1, new Uint8Array(32), ['00' as never]),
    ];
    for (const attempt of attempts) {
      try {
        attempt();
        expect.unreachable('should have thrown');
      } catch (e) {
        expect(isGovpubError(e) && e.code).toBe('VALIDATION');
      }
    }
  });
});

describe('Merkle properties (fast-check)', () => {
  const leafData = fc.array(fc.uint8Array({ maxLength: 40 }), { minLength: 1, maxLength: 70 });

  it('any single-bit change to any leaf changes the root', () => {
    fc.assert(
      fc.property(leafData, fc.nat(), fc.nat(), (data, which, bit) => {
        const i = which % data.length;
        const original = data[i]!;
        fc.pre(original.length > 0);
        const flipped = Uint8Array.from(original);
        const b = bit % (flipped.length * 8);
        flipped[b >> 3]! ^= 1 << (b & 7);
        const changed = data.map((d, j) => (j === i ? flipped : d));
        expect(toHex(merkleRoot(changed.map(merkleLeafHash)))).not.toBe(toHex(merkleRoot(data.map(merkleLeafHash))));
      }),
      { numRuns: 300 },
    );
  });

  it('every leaf of a random tree has an inclusion proof that verifies, and only there', () => {
    fc.assert(
      fc.property(leafData, (data) => {
        const leaves = data.map(merkleLeafHash);
        const root = toHex(merkleRoot(leaves));
        for (let i = 0; i < leaves.length; i++) {
          const path = merkleInclusionPath(leaves, i);
          const got = merkleRootFromPath(i, leaves.length, leaves[i]!, path);
          expect(got && toHex(got)).toBe(root);
          // Another leaf's hash with this path does not reach the root (leaves are distinct
          // unless their data is equal).
          const other = (i + 1) % leaves.length;
          if (toHex(leaves[other]!) !== toHex(leaves[i]!)) {
            const wrong = merkleRootFromPath(i, leaves.length, leaves[other]!, path);
            expect(wrong && toHex(wrong)).not.toBe(root);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('matches a direct transcription of the RFC definition for every size up to 100', () => {
    // MTH written as the RFC states it, with slices, independent of the implementation's indices.
    const mth = (d: Uint8Array[]): Uint8Array => {
      if (d.length === 0) return fromHex(CT_ROOTS[0]!);
      if (d.length === 1) return d[0]!;
      let k = 1;
      while (k * 2 < d.length) k *= 2;
      return merkleNodeHash(mth(d.slice(0, k)), mth(d.slice(k)));
    };
    const all = Array.from({ length: 100 }, (_, i) => merkleLeafHash(new Uint8Array([i, i >> 8, 7])));
    for (let n = 0; n <= 100; n++) expect(toHex(merkleRoot(all.slice(0, n)))).toBe(toHex(mth(all.slice(0, n))));
  });
});
