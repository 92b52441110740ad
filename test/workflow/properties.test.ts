import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGovpubError, type Actor, type GovDocument } from '../../src/index';
import { dump, setup } from './fixtures';

const actors: Actor[] = [
  { id: 'a1', roles: ['author'], department: 'office' },
  { id: 'a2', roles: ['author', 'reviewer'], department: 'office' },
  { id: 'r1', roles: ['reviewer'], department: 'office' },
  { id: 'r2', roles: ['reviewer', 'approver'], department: 'office' },
  { id: 'ap', roles: ['approver'], department: 'office' },
  { id: 'pb', roles: ['publisher'], department: 'office' },
  { id: 'ch', roles: ['approver', 'publisher', 'author'], department: 'office' },
  { id: 'hx', roles: ['reviewer', 'approver'], department: 'health' },
];

const commandArb = fc.record({
  kind: fc.constantFrom(
    'create', 'update', 'updateStale', 'submit', 'approve', 'reject', 'schedule',
    'unschedule', 'publish', 'publishUrgent', 'withdraw', 'revise', 'waive', 'tick',
  ),
  actor: fc.nat({ max: actors.length - 1 }),
  doc: fc.nat({ max: 3 }),
});

describe('any sequence of commands by any actors', () => {
  it('never publishes an unsigned revision, never changes storage when refused, always leaves a verifiable history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 60 }), async (commands) => {
        const { publisher, storage, time } = setup();
        const ids: string[] = [];

        for (const c of commands) {
          const actor = actors[c.actor]!;
          const id = ids.length ? ids[c.doc % ids.length]! : 'none';
          const current = ids.length ? await storage.getDocument(id) : null;
          const before = await dump(storage, ids);
          try {
            switch (c.kind) {
              case 'create':
                ids.push((await publisher.createDraft({ title: `通知${ids.length}`, body: `第${ids.length}号文件的正文内容。`, level: 'public' }, actor)).id);
                break;
              case 'update':
                await publisher.updateDraft(id, { body: `修改于${time.clock().toISOString()}` }, actor, { expectedVersion: current?.version ?? 1 });
                break;
              case 'updateStale':
                await publisher.updateDraft(id, { title: '过期修改' }, actor, { expectedVersion: (current?.version ?? 1) - 1 });
                break;
              case 'submit':
                await publisher.submit(id, actor);
                break;
              case 'approve':
                await publisher.review(id, actor, { decision: 'approve' });
                break;
              case 'reject':
                await publisher.review(id, actor, { decision: 'reject', comment: '退回修改' });
                break;
              case 'schedule':
                await publisher.schedule(id, actor, new Date(time.clock().getTime() + 60_000));
                break;
              case 'unschedule':
                await publisher.unschedule(id, actor);
                break;
              case 'publish':
                await publisher.publish(id, actor);
                break;
              case 'publishUrgent':
                await publisher.publishUrgent(id, actor, '紧急');
                break;
              case 'withdraw':
                await publisher.withdraw(id, actor, '撤回');
                break;
              case 'revise':
                await publisher.revise(id, actor);
                break;
              case 'waive':
                await publisher.waive(id, actor, { ruleId: 'x/y', excerpt: '正文', reason: '理由' });
                break;
              case 'tick':
                time.advance(61_000);
                break;
            }
          } catch (e) {
            if (!isGovpubError(e)) throw e;
            expect(await dump(storage, ids)).toEqual(before);
          }
          for (const doc of (await publisher.list({ state: 'published' })).items) {
            assertSignedProperly(doc, publisher.reviewSteps.map((s) => s.id));
          }
        }

        for (const id of ids) {
          const doc = (await storage.getDocument(id))!;
          expect(await publisher.verifyHistory(id)).toMatchObject({ ok: true, count: doc.historyHead!.seq });
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** A published revision carries every step signed by distinct non-authors, or an open retrospective obligation. */
function assertSignedProperly(doc: GovDocument, steps: string[]) {
  const signers = doc.signatures.map((s) => s.actorId);
  expect(new Set(signers).size).toBe(signers.length);
  expect(signers).not.toContain(doc.authorId);
  const signed = doc.signatures.map((s) => s.step);
  const owed = doc.retrospectiveReview?.pendingSteps ?? [];
  expect([...signed, ...owed].sort()).toEqual([...steps].sort());
}
