import { describe, it } from 'vitest';
import { memoryAdapter } from '../../../src/index';
import { concurrentNearCopies, nearCopyAcrossInstances } from './scenario';

// Two publishers over one memory store stand for two host instances over one database: each
// keeps its own duplicate index, and only the store's change feed and lock connect them.
describe('two publisher instances over one memory store', () => {
  it('catch a near-copy submitted through the other instance (failed before: the second index never heard of the first)', async () => {
    const store = memoryAdapter();
    await nearCopyAcrossInstances(store, store);
  });

  it('let at most one of each family of near-copies through when 50 are submitted at once', async () => {
    const store = memoryAdapter();
    await concurrentNearCopies(store, store);
  });
});
