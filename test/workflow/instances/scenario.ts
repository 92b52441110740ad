// Two host instances over one store: the scenarios every adapter must pass, shared by the
// memory, PGlite and real-server test files.
import { expect } from 'vitest';
import { createPublisher, isGovpubError, type Actor, type Publisher, type StorageAdapter } from '../../../src/index';
import { prng, randomText } from '../../duplicates/fixtures';

const author: Actor = { id: 'zhang.wei', roles: ['author'], department: 'office' };

/** A publisher per adapter handle, each with its own duplicate index, as two processes would have. */
export function twoInstances(a: StorageAdapter, b: StorageAdapter): [Publisher, Publisher] {
  let n = 0;
  const ids = (tag: string) => () => `${tag}-${++n}`;
  return [createPublisher({ storage: a, caliber: false, idGenerator: ids('a') }), createPublisher({ storage: b, caliber: false, idGenerator: ids('b') })];
}

/** A family: one original text and near-copies of it (a sentence changed at each end). */
function family(seed: number, copies: number): string[] {
  const base = randomText(prng(seed), 900);
  return [base, ...Array.from({ length: copies }, (_, i) => `本站讯${i}。${base.slice(12, -12)}（完）${i}`)];
}

/** A near-copy submitted through the other instance is caught. */
export async function nearCopyAcrossInstances(a: StorageAdapter, b: StorageAdapter): Promise<void> {
  const [one, two] = twoInstances(a, b);
  const [original, copy] = family(11, 1) as [string, string];
  // The second instance starts (restores its index from storage) before the original exists…
  const second = await two.createDraft({ title: '关于开展城区供水管网改造的通知', body: copy, level: 'public' }, author);
  // …then the original is submitted through the first instance.
  const first = await one.createDraft({ title: '关于开展城区供水管网改造的通知', body: original, level: 'public' }, author);
  await one.submit(first.id, author);
  const error = await two.submit(second.id, author).catch((e: unknown) => e);
  expect(isGovpubError(error) && error.code).toBe('CHECKS_FAILED');
  expect((await two.get(second.id)).state).toBe('draft');
}

/**
 * 50 submissions at once across both instances: ten families of one original and three
 * near-copies, and ten unrelated originals. Of each family at most one passes; every
 * unrelated original passes.
 */
export async function concurrentNearCopies(a: StorageAdapter, b: StorageAdapter): Promise<void> {
  const [one, two] = twoInstances(a, b);
  const families = Array.from({ length: 10 }, (_, i) => family(100 + i, 3));
  const loners = Array.from({ length: 10 }, (_, i) => randomText(prng(500 + i), 900));
  const drafts: { id: string; via: Publisher; family: number }[] = [];
  let k = 0;
  for (const [f, texts] of families.entries()) {
    for (const body of texts) {
      const via = k++ % 2 ? two : one;
      drafts.push({ id: (await via.createDraft({ title: `通知${f}`, body, level: 'public' }, author)).id, via, family: f });
    }
  }
  for (const body of loners) {
    const via = k++ % 2 ? two : one;
    drafts.push({ id: (await via.createDraft({ title: '工作动态', body, level: 'public' }, author)).id, via, family: -1 });
  }
  expect(drafts).toHaveLength(50);
  const outcomes = await Promise.allSettled(drafts.map((d) => d.via.submit(d.id, author)));
  for (const o of outcomes) if (o.status === 'rejected') expect(isGovpubError(o.reason) && o.reason.code).toBe('CHECKS_FAILED');
  const passed = drafts.filter((_, i) => outcomes[i]!.status === 'fulfilled');
  for (let f = 0; f < families.length; f++) expect(passed.filter((d) => d.family === f).length).toBeLessThanOrEqual(1);
  expect(passed.filter((d) => d.family === -1)).toHaveLength(10);
}
