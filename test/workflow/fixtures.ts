import { createPublisher, memoryAdapter, type Actor, type PublisherOptions, type StorageAdapter } from '../../src/index';

/** The staff of a small city office, one per role, all in the same department. */
export const staff = {
  author: { id: 'zhang.wei', roles: ['author'], department: 'office' },
  coauthor: { id: 'chen.jing', roles: ['author'], department: 'office' },
  reviewer1: { id: 'li.na', roles: ['reviewer'], department: 'office' },
  reviewer2: { id: 'wang.fang', roles: ['reviewer'], department: 'office' },
  approver: { id: 'zhao.lei', roles: ['approver'], department: 'office' },
  approver2: { id: 'qian.hong', roles: ['approver'], department: 'office' },
  publisher: { id: 'sun.li', roles: ['publisher'], department: 'office' },
  chief: { id: 'zhou.min', roles: ['approver', 'publisher'], department: 'office' },
  outsider: { id: 'wu.gang', roles: ['reviewer'], department: 'health' },
  admin: { id: 'root', roles: ['reviewer', 'admin'], department: 'it' },
} satisfies Record<string, Actor>;

/** A clock the test moves by hand, starting at 2026-03-01 09:00 Beijing time. */
export function manualClock(start = '2026-03-01T01:00:00.000Z') {
  let now = new Date(start);
  return {
    clock: () => new Date(now),
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    set(iso: string) {
      now = new Date(iso);
    },
  };
}

/** A publisher over a fresh memory adapter, with deterministic ids and a manual clock. */
export function setup(options: Partial<PublisherOptions> = {}) {
  const storage: StorageAdapter = options.storage ?? memoryAdapter();
  const time = manualClock();
  let n = 0;
  const publisher = createPublisher({
    clock: time.clock,
    idGenerator: () => `doc-${++n}`,
    ...options,
    storage,
  });
  return { publisher, storage, time };
}

export const notice = {
  title: '关于城区部分区域临时停水的通知',
  body: '因供水管网改造施工，3月5日8时至18时，城区部分区域将临时停水。\n\n请居民提前做好储水准备。',
  level: 'public' as const,
};

/** Drives a new draft through submit and all three default review steps. */
export async function approvedDocument(publisher: ReturnType<typeof setup>['publisher']) {
  const doc = await publisher.createDraft(notice, staff.author);
  await publisher.submit(doc.id, staff.author);
  await publisher.review(doc.id, staff.reviewer1, { decision: 'approve' });
  await publisher.review(doc.id, staff.reviewer2, { decision: 'approve' });
  return publisher.review(doc.id, staff.approver, { decision: 'approve' });
}

/** Everything the adapter holds for `ids`, to prove a refused command changed nothing. */
export async function dump(storage: StorageAdapter, ids: string[]) {
  return Promise.all(ids.map(async (id) => ({ doc: await storage.getDocument(id), events: await storage.getEvents(id) })));
}
