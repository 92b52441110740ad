import type { GovDocument } from '../../document/index';
import { assert } from '../assert';
import type { ConformanceCheck } from '../check';
import { makeDocument, makeEvents } from '../fixtures';
import { nextVersion, seed } from './helpers';

/** Round trips of documents and events, and the copy rules (nothing shared with the caller). */
export const documentChecks: readonly ConformanceCheck[] = [
  {
    id: 'document/round-trip',
    title: 'a created document and its events read back deep-equal',
    async run({ adapter }) {
      const storage = await adapter();
      const doc = makeDocument({
        id: 'round-trip',
        signatures: [{ step: 'initial', actorId: 'reviewer-1', at: '2024-03-01T09:00:00.000Z', comment: '同意' }],
        findings: [
          {
            ruleId: 'zh-gov/superlative', severity: 'warning', message: '避免使用“最”', start: 3, end: 4, line: 1, column: 4,
            excerpt: '最', suggestions: ['更'], fix: { start: 3, end: 4, text: '更' }, source: '广告法第九条', details: { field: 'body' },
          },
        ],
        published: {
          revision: 1, title: '旧标题', body: '旧正文', level: 'public', publishedAt: '2024-03-01T10:00:00.000Z',
          publishedBy: 'publisher-1', outputs: [{ channel: 'website', sourceRevision: 1, contentHash: 'a'.repeat(64) }],
          withdrawn: { at: '2024-03-01T11:00:00.000Z', by: 'publisher-1', reason: '信息有误' },
        },
        scheduledAt: '2024-03-02T00:00:00.000Z',
      });
      const events = makeEvents(doc, 3, { types: ['created', 'submitted', 'approved'] });
      await storage.commit({ document: doc, expectedVersion: null, events });
      assert.equal(await storage.getDocument(doc.id), doc, 'getDocument()');
      assert.equal(await storage.getEvents(doc.id), events, 'getEvents()');
    },
  },
  {
    id: 'document/unknown-id',
    title: 'an unknown id reads as null with no events',
    async run({ adapter }) {
      const storage = await adapter();
      await seed(storage, [makeDocument({ id: 'known' })]);
      assert.ok((await storage.getDocument('unknown')) === null, 'getDocument(unknown id) must resolve to null');
      assert.equal(await storage.getEvents('unknown'), [], 'getEvents(unknown id)');
    },
  },
  {
    id: 'document/update-replaces',
    title: 'an update replaces the whole document (dropped optional fields stay dropped)',
    async run({ adapter }) {
      const storage = await adapter();
      const v1 = makeDocument({ id: 'replace', coverImage: 'https://example.gov.cn/a.png' });
      await seed(storage, [v1]);
      const { summary: _summary, coverImage: _cover, ...withoutOptional } = v1;
      const request = nextVersion(withoutOptional as GovDocument, await storage.getEvents(v1.id), {
        state: 'in_review', currentStep: 'initial', channels: ['weibo'], title: '新标题',
      });
      await storage.commit(request);
      const stored = await storage.getDocument(v1.id);
      assert.equal(stored, request.document, 'getDocument() after an update');
      assert.ok(stored !== null && !('summary' in stored) && !('coverImage' in stored), 'fields absent from the new version must not survive the update');
    },
  },
  {
    id: 'document/text-fidelity',
    title: 'Chinese text, emoji, quotes, backslashes, control characters and a 200 KB body survive',
    async run({ adapter }) {
      const storage = await adapter();
      const body = `${'第一段：“引号”‘单引号’「」\\反斜杠\\ "双引号" \t制表 \r\n换行 😀👨‍👩‍👧 𠮷 \u2028\u2029 é é\n'.repeat(1500)}结束`;
      const doc = makeDocument({ id: 'text', title: '标题 <b>&amp;</b> \'单\' "双" 😀', body, tags: ['', ' 空格 ', '\\'] });
      await seed(storage, [doc]);
      const stored = await storage.getDocument(doc.id);
      assert.ok(stored !== null, 'the document was not found after commit');
      assert.ok(stored.body === body, `body changed on the way through (length ${body.length} → ${stored.body.length})`);
      assert.equal(stored, doc, 'getDocument()');
    },
  },
  {
    id: 'copies/in',
    title: 'mutating objects after passing them to commit() does not change storage',
    async run({ adapter }) {
      const storage = await adapter();
      const doc = makeDocument({ id: 'copies-in', signatures: [{ step: 'initial', actorId: 'r', at: '2024-03-01T09:00:00.000Z' }] });
      const events = makeEvents(doc, 2);
      const expectedDoc = structuredClone(doc);
      const expectedEvents = structuredClone(events);
      await storage.commit({ document: doc, expectedVersion: null, events });
      doc.title = 'mutated';
      doc.channels.push('mutated');
      doc.signatures[0]!.actorId = 'mutated';
      events[0]!.type = 'withdrawn';
      (events[1]!.data['nested'] as { ok: boolean }).ok = false;
      (events[1]!.actor.roles as string[]).push('admin');
      events.push(makeEvents(doc, 3)[2]!);
      assert.equal(await storage.getDocument(expectedDoc.id), expectedDoc, 'getDocument() after mutating the committed object');
      assert.equal(await storage.getEvents(expectedDoc.id), expectedEvents, 'getEvents() after mutating the committed events');
    },
  },
  {
    id: 'copies/out',
    title: 'mutating objects returned by reads does not change storage',
    async run({ adapter }) {
      const storage = await adapter();
      const doc = makeDocument({ id: 'copies-out' });
      const events = makeEvents(doc, 2);
      await storage.commit({ document: doc, expectedVersion: null, events });

      const read = await storage.getDocument(doc.id);
      assert.ok(read !== null, 'the document was not found after commit');
      const again = await storage.getDocument(doc.id);
      assert.ok(read !== again, 'two getDocument() calls returned the same object');
      read.title = 'mutated';
      read.channels.push('mutated');
      const listed = (await storage.listDocuments({})).items[0];
      assert.ok(listed !== undefined, 'listDocuments() did not return the committed document');
      listed.state = 'published';
      listed.channels.length = 0;
      const readEvents = await storage.getEvents(doc.id);
      readEvents[0]!.hash = 'mutated';
      (readEvents[1]!.data['fields'] as string[]).push('mutated');
      readEvents.length = 0;

      assert.equal(await storage.getDocument(doc.id), doc, 'getDocument() after mutating earlier results');
      assert.equal((await storage.listDocuments({})).items, [doc], 'listDocuments().items after mutating earlier results');
      assert.equal(await storage.getEvents(doc.id), events, 'getEvents() after mutating earlier results');
    },
  },
];
