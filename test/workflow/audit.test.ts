import { describe, expect, it } from 'vitest';
import { memoryAdapter, verifyChain, type AuditEvent, type StorageAdapter } from '../../src/index';
import { approvedDocument, setup, staff } from './fixtures';

/** An adapter whose stored events someone edits behind govpub's back. */
function tamperable(): StorageAdapter & { tamper(fn: (events: AuditEvent[]) => AuditEvent[]): void } {
  const inner = memoryAdapter();
  let edit: ((events: AuditEvent[]) => AuditEvent[]) | undefined;
  return {
    ...inner,
    getEvents: async (id) => {
      const events = await inner.getEvents(id);
      return edit ? edit(events) : events;
    },
    tamper(fn) {
      edit = fn;
    },
  };
}

describe('the audit trail', () => {
  it('chains every event to the one before with SHA-256', async () => {
    const { publisher } = setup();
    const doc = await approvedDocument(publisher);
    const events = await publisher.history(doc.id);
    expect(events[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    expect(events.every((e) => e.documentId === doc.id && e.revision === 1)).toBe(true);
    expect(events[2]!.actor).toEqual(staff.reviewer1);
  });

  it('reports the first altered event', async () => {
    const storage = tamperable();
    const { publisher } = setup({ storage });
    const doc = await approvedDocument(publisher);
    storage.tamper((events) => events.map((e) => (e.seq === 3 ? { ...e, actor: { ...e.actor, id: 'someone.else' } } : e)));
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringContaining('altered') });
  });

  it('reports a removed event and a dropped tail', async () => {
    const storage = tamperable();
    const { publisher } = setup({ storage });
    const doc = await approvedDocument(publisher);
    storage.tamper((events) => events.filter((e) => e.seq !== 2));
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, brokenAt: 3 });
    storage.tamper((events) => events.slice(0, -1));
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: false, reason: expect.stringContaining('records 5 events') });
  });

  it('detects a re-hashed forgery only through the document head', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, headHash: '0'.repeat(64) });
  });
});

describe('concurrency', () => {
  it('lets exactly one of two racing reviewers sign a step', async () => {
    const { publisher } = setup();
    const doc = await publisher.createDraft({ title: '通知', body: '正文', level: 'public' }, staff.author);
    await publisher.submit(doc.id, staff.author);
    const results = await Promise.allSettled([
      publisher.review(doc.id, staff.reviewer1, { decision: 'approve' }),
      publisher.review(doc.id, staff.reviewer2, { decision: 'approve' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    const after = await publisher.get(doc.id);
    expect(after.signatures).toHaveLength(1);
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: true, count: 3 });
  });
});
