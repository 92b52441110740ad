import { assert } from '../assert';
import type { ConformanceCheck } from '../check';
import { makeDocument, makeEvents } from '../fixtures';
import { seed } from './helpers';

/** Two adapters from the factory are two separate stores. */
export const isolationChecks: readonly ConformanceCheck[] = [
  {
    id: 'isolation/instances',
    title: 'two adapters from the factory do not see each other\'s documents, events or artifacts',
    async run({ adapter }) {
      const first = await adapter();
      const second = await adapter();
      const doc = makeDocument({ id: 'only-in-first' });
      await seed(first, [doc]);
      await first.artifacts?.put('fingerprint', doc.id, { shingles: [1, 2, 3] });
      assert.ok((await second.getDocument(doc.id)) === null, 'the second adapter sees a document committed to the first');
      assert.equal(await second.getEvents(doc.id), [], 'the second adapter\'s getEvents() for a document of the first');
      assert.equal(await second.listDocuments({}), { items: [] }, 'the second adapter\'s listDocuments({})');
      if (second.artifacts) assert.equal(await second.artifacts.list('fingerprint'), [], 'the second adapter\'s artifacts.list()');

      // The same id may exist in both, independently.
      const twin = makeDocument({ id: doc.id, title: '另一个实例中的同名文档' });
      await second.commit({ document: twin, expectedVersion: null, events: makeEvents(twin, 1) });
      assert.equal(await first.getDocument(doc.id), doc, 'the first adapter\'s document after the second created the same id');
      assert.equal(await second.getDocument(doc.id), twin, 'the second adapter\'s document');
    },
  },
];
