import type { ArtifactStore } from '../../storage/index';
import { assert } from '../assert';
import type { ConformanceCheck, ConformanceEnv, ConformanceSkip } from '../check';

const NO_ARTIFACTS: ConformanceSkip = { skipped: 'the adapter has no artifacts store (it is optional)' };

/** Runs `body` with the adapter's artifact store, or skips when the adapter has none. */
function withArtifacts(body: (store: ArtifactStore, env: ConformanceEnv) => Promise<void>): (env: ConformanceEnv) => Promise<void | ConformanceSkip> {
  return async (env) => {
    const storage = await env.adapter();
    if (storage.artifacts === undefined) return NO_ARTIFACTS;
    await body(storage.artifacts, env);
  };
}

const sortByDocumentId = (entries: { documentId: string; data: unknown }[]) =>
  [...entries].sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));

/** The optional artifact store: keyed by (kind, documentId), replace on put, copies in and out. */
export const artifactChecks: readonly ConformanceCheck[] = [
  {
    id: 'artifacts/round-trip',
    title: 'artifacts: put then get returns a deep-equal value; unknown keys read as undefined',
    run: withArtifacts(async (store) => {
      const values: unknown[] = [{ shingles: [1, 2, 3], text: '全文指纹', nested: { a: [true, null] } }, [1, 'two'], '字符串', 42, true];
      for (const [i, value] of values.entries()) await store.put('kinds', `doc-${i}`, value);
      for (const [i, value] of values.entries()) assert.equal(await store.get('kinds', `doc-${i}`), value, `artifacts.get('kinds', 'doc-${i}')`);
      assert.ok((await store.get('kinds', 'missing')) === undefined, 'artifacts.get() of an unknown document must resolve to undefined');
      assert.ok((await store.get('other-kind', 'doc-0')) === undefined, 'artifacts.get() of an unknown kind must resolve to undefined');
    }),
  },
  {
    id: 'artifacts/replace-and-delete',
    title: 'artifacts: put replaces, delete removes, deleting a missing key is a no-op',
    run: withArtifacts(async (store) => {
      await store.put('index', 'doc-1', { v: 1, extra: 'x' });
      await store.put('index', 'doc-1', { v: 2 });
      assert.equal(await store.get('index', 'doc-1'), { v: 2 }, 'artifacts.get() after a second put');
      await store.delete('index', 'doc-1');
      assert.ok((await store.get('index', 'doc-1')) === undefined, 'artifacts.get() after delete must resolve to undefined');
      await store.delete('index', 'doc-1');
      await store.delete('never', 'written');
      assert.equal(await store.list('index'), [], 'artifacts.list() after deleting the only entry');
    }),
  },
  {
    id: 'artifacts/list-by-kind',
    title: 'artifacts: list(kind) returns every entry of that kind and none of another',
    run: withArtifacts(async (store) => {
      await store.put('fingerprint', 'b', { n: 2 });
      await store.put('fingerprint', 'a', { n: 1 });
      await store.put('embedding', 'a', [0.5, 0.25]);
      await store.put('fingerprint', 'c', { n: 3 });
      await store.delete('fingerprint', 'c');
      assert.equal(
        sortByDocumentId(await store.list('fingerprint')),
        [{ documentId: 'a', data: { n: 1 } }, { documentId: 'b', data: { n: 2 } }],
        "artifacts.list('fingerprint') (sorted by documentId)",
      );
      assert.equal(await store.list('embedding'), [{ documentId: 'a', data: [0.5, 0.25] }], "artifacts.list('embedding')");
      assert.equal(await store.list('unknown'), [], "artifacts.list('unknown')");
    }),
  },
  {
    id: 'artifacts/copies',
    title: 'artifacts: mutating values passed to put or returned by get/list does not change storage',
    run: withArtifacts(async (store) => {
      const value = { shingles: [1, 2, 3], meta: { source: '原文' } };
      await store.put('fingerprint', 'doc', value);
      value.shingles.push(4);
      value.meta.source = 'mutated';
      const expected = { shingles: [1, 2, 3], meta: { source: '原文' } };
      const got = (await store.get('fingerprint', 'doc')) as typeof value;
      assert.equal(got, expected, 'artifacts.get() after mutating the value passed to put');
      got.shingles.length = 0;
      const listed = await store.list('fingerprint');
      (listed[0]!.data as typeof value).meta.source = 'mutated';
      listed[0]!.documentId = 'mutated';
      assert.equal(await store.get('fingerprint', 'doc'), expected, 'artifacts.get() after mutating earlier results');
      assert.equal(await store.list('fingerprint'), [{ documentId: 'doc', data: expected }], 'artifacts.list() after mutating earlier results');
    }),
  },
];
