import { describe, expect, it, vi } from 'vitest';
import {
  createDuplicateIndex,
  createPublisher,
  duplicatesGate,
  DUPLICATES_ARTIFACT_KIND,
  isGovpubError,
  memoryAdapter,
  type Actor,
  type GateContext,
  type GovDocument,
  type StorageAdapter,
} from '../../../src/index';
import { makeDocument, makeEvents } from '../../../src/testing/fixtures';
import { CLINICS, JOB_FAIR, ROADWORKS } from '../../duplicates/fixtures';

const author: Actor = { id: 'zhang.wei', roles: ['author'] };

let clock = 0;
/** A document with a title of its own and an empty body, created one second after the last. */
function doc(id: string, fields: Partial<GovDocument> = {}): GovDocument {
  return makeDocument({ id, title: `标题 ${id}`, body: '', createdAt: new Date(Date.UTC(2026, 2, 1, 0, 0, clock++)).toISOString(), ...fields });
}

function published(d: GovDocument, title: string, body: string): GovDocument['published'] {
  return { revision: d.revision, title, body, level: 'public', publishedAt: d.createdAt, publishedBy: 'sun.li', outputs: [], withdrawn: null };
}

async function put(storage: StorageAdapter, d: GovDocument): Promise<void> {
  const current = await storage.getDocument(d.id);
  const document = current ? { ...d, version: current.version + 1 } : d;
  const last = current ? (await storage.getEvents(d.id)).at(-1) : undefined;
  await storage.commit({ document, expectedVersion: current ? current.version : null, events: makeEvents(document, 1, { after: last ?? null }) });
}

const context = (document: GovDocument): GateContext => ({ phase: 'submit', document, actor: author, now: new Date(), channels: [] });

/** A store with one document in each situation the gate distinguishes. */
async function store() {
  const storage = memoryAdapter();
  const inReview = doc('in-review', { state: 'in_review', body: ROADWORKS });
  const live = doc('live', { state: 'published', body: CLINICS });
  live.published = published(live, live.title, CLINICS);
  const redrafting = doc('redrafting', { state: 'draft', revision: 2, body: '正在修改的新版本' });
  redrafting.published = published({ ...redrafting, revision: 1 }, redrafting.title, JOB_FAIR);
  const withdrawn = doc('withdrawn', { state: 'withdrawn', body: JOB_FAIR.slice(0, 200) + ROADWORKS.slice(0, 10) });
  withdrawn.published = published(withdrawn, withdrawn.title, withdrawn.body);
  const draft = doc('draft', { state: 'draft', body: CLINICS.slice(100) });
  // Withdrawn, then reopened as a draft: its old published revision is no longer live.
  const reopened = doc('reopened', { state: 'draft', revision: 2, body: '草稿' });
  reopened.published = { ...published(reopened, reopened.title, ROADWORKS)!, withdrawn: { at: reopened.createdAt, by: 'sun.li', reason: '信息有误' } };
  for (const d of [inReview, live, redrafting, withdrawn, draft, reopened]) await put(storage, d);
  return storage;
}

describe('duplicatesGate: start', () => {
  it('indexes in-review and published texts, the published text of a redraft, not withdrawn revisions or drafts', async () => {
    const storage = await store();
    const gate = duplicatesGate();
    await gate.start!(storage);
    expect(gate.index.ids().sort()).toEqual(['in-review', 'live', 'redrafting']);
    expect(gate.index.get('redrafting')?.text).toContain(JOB_FAIR);
    const artifacts = await storage.artifacts!.list(DUPLICATES_ARTIFACT_KIND);
    expect(artifacts.map((a) => a.documentId).sort()).toEqual(['in-review', 'live', 'redrafting']);
  });

  it('restores from stored fingerprints instead of recomputing them, and recomputes stale ones', async () => {
    const storage = await store();
    await duplicatesGate().start!(storage);
    // Make one stored fingerprint stale: the document's text changes behind the gate's back.
    const live = (await storage.getDocument('live'))!;
    await put(storage, { ...live, published: published(live, live.title, CLINICS + '补充说明。'), body: CLINICS + '补充说明。' });

    const index = createDuplicateIndex();
    const fingerprint = vi.spyOn(index, 'fingerprint');
    const gate = duplicatesGate({ index });
    await gate.start!(storage);
    expect(index.size).toBe(3);
    expect(fingerprint).toHaveBeenCalledTimes(1);
    expect(index.get('live')?.text).toContain('补充说明');
  });

  it('deletes fingerprints of documents no longer indexed', async () => {
    const storage = await store();
    await storage.artifacts!.put(DUPLICATES_ARTIFACT_KIND, 'draft', { stale: true });
    await duplicatesGate().start!(storage);
    expect(await storage.artifacts!.get(DUPLICATES_ARTIFACT_KIND, 'draft')).toBeUndefined();
  });
});

describe('duplicatesGate: check', () => {
  async function started() {
    const storage = await store();
    const gate = duplicatesGate();
    await gate.start!(storage);
    return gate;
  }

  it('blocks a copy of a published document, naming it and the passages in body offsets', async () => {
    const gate = await started();
    const body = `　　记者从县卫生健康局获悉：\n${CLINICS}`;
    const [f, ...rest] = await gate.check(context(doc('new', { title: '送医下乡暖人心', body })));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'duplicates/near-duplicate', severity: 'error', details: { field: 'body', otherId: 'live', otherState: 'published' } });
    expect(f!.message).toContain('live');
    expect(f!.excerpt).toBe(body.slice(f!.start, f!.end));
    const passages = f!.details!.passages as { start: number; end: number; otherStart: number; otherEnd: number }[];
    expect(passages.length).toBeGreaterThan(0);
    for (const p of passages) expect(body.slice(p.start, p.end)).toBe(CLINICS.slice(p.otherStart, p.otherEnd));
  });

  it('warns between warnAt and blockAt, and is silent below', async () => {
    const gate = await started();
    const mixed = ROADWORKS.slice(0, 260) + JOB_FAIR.slice(0, 20) + '，' + '本网讯今天上午，城区各街道社区组织志愿者开展环境卫生整治行动，清理卫生死角，劝导不文明行为，倡导居民养成垃圾分类习惯。活动持续到中午结束，参与居民纷纷表示要把好习惯坚持下去。';
    const findings = await gate.check(context(doc('new', { body: mixed })));
    const onRoadworks = findings.find((f) => f.details?.otherId === 'in-review');
    expect(onRoadworks?.severity).toBe('warning');
    expect(await gate.check(context(doc('new2', { body: '今天天气晴朗，适合出行。' })))).toEqual([]);
    const strict = duplicatesGate({ index: gate.index, warnAt: 0.9, blockAt: 0.95 });
    expect(await strict.check(context(doc('new', { body: mixed })))).toEqual([]);
  });

  it('does not block a declared repost and says so', async () => {
    const gate = await started();
    const [f] = await gate.check(context(doc('new', { body: CLINICS, repostOf: 'live' })));
    expect(f?.severity).toBe('info');
    expect(f?.message).toContain('已声明转载');
    expect(f?.details?.declaredRepost).toBe(true);
    const [g] = await gate.check(context(doc('new', { body: CLINICS, repostOf: 'https://www.example.gov.cn/a/1' })));
    expect(g?.severity).toBe('warning');
    expect(g?.message).toContain('已声明转载');
    // English on request (issue 15 §1), with the same code.
    const english = duplicatesGate({ index: gate.index, locale: 'en' });
    const [e] = await english.check(context(doc('new', { body: CLINICS, repostOf: 'live' })));
    expect(e?.message).toContain('declared repost');
    expect(e?.ruleId).toBe(f?.ruleId);
  });

  it("never matches the document's own earlier revision", async () => {
    const gate = await started();
    expect(await gate.check(context(doc('live', { state: 'draft', revision: 2, body: CLINICS })))).toEqual([]);
  });

  it('validates its options', () => {
    for (const bad of [{ blockAt: 2 }, { warnAt: 0.9, blockAt: 0.8 }, { index: {} }]) {
      let code: unknown;
      try {
        duplicatesGate(bad as never);
      } catch (e) {
        code = isGovpubError(e) && e.code;
      }
      expect(code).toBe('VALIDATION');
    }
  });
});

describe('duplicatesGate: observe', () => {
  it('follows a document through review, publication, redraft and withdrawal', async () => {
    const storage = memoryAdapter();
    const gate = duplicatesGate();
    await gate.start!(storage);
    const d = doc('d', { state: 'draft', body: ROADWORKS });
    await gate.observe!(d, storage);
    expect(gate.index.has('d')).toBe(false);

    const review = { ...d, state: 'in_review' as const };
    await gate.observe!(review, storage);
    expect(gate.index.has('d')).toBe(true);
    expect(await storage.artifacts!.get(DUPLICATES_ARTIFACT_KIND, 'd')).toBeDefined();

    const live = { ...d, state: 'published' as const, published: published(d, d.title, ROADWORKS) };
    await gate.observe!(live, storage);
    const redraft = { ...live, state: 'draft' as const, revision: 2, body: '全新的内容' };
    await gate.observe!(redraft, storage);
    expect(gate.index.get('d')?.text).toContain(ROADWORKS);

    await gate.observe!({ ...redraft, state: 'withdrawn' }, storage);
    expect(gate.index.has('d')).toBe(false);
    expect(await storage.artifacts!.get(DUPLICATES_ARTIFACT_KIND, 'd')).toBeUndefined();
  });
});

describe('through the publisher', () => {
  it('refuses to submit a copy of a document in review with CHECKS_FAILED, allows a declared repost', async () => {
    let n = 0;
    // The duplicates gate is on by default.
    const publisher = createPublisher({ storage: memoryAdapter(), idGenerator: () => `doc-${++n}` });
    const first = await publisher.createDraft({ title: '春季招聘会', body: JOB_FAIR, level: 'public' }, author);
    await publisher.submit(first.id, author);

    const copy = await publisher.createDraft({ title: '招聘会来了', body: JOB_FAIR.replace('5月18日', '5月19日'), level: 'public' }, author);
    let error: unknown;
    try {
      await publisher.submit(copy.id, author);
    } catch (e) {
      error = e;
    }
    expect(isGovpubError(error) && error.code).toBe('CHECKS_FAILED');
    const findings = (error as { details: { findings: { ruleId: string; details: { otherId: string } }[] } }).details.findings;
    expect(findings.filter((f) => f.ruleId === 'duplicates/near-duplicate').map((f) => f.details.otherId)).toEqual([first.id]);

    const repost = await publisher.createDraft({ title: '转载：春季招聘会', body: JOB_FAIR, level: 'public', repostOf: first.id }, author);
    const submitted = await publisher.submit(repost.id, author);
    expect(submitted.state).toBe('in_review');
    expect(submitted.findings.find((f) => f.ruleId === 'duplicates/near-duplicate')?.severity).toBe('info');
  });

  it('restores its index from storage when a new publisher starts on the same database', async () => {
    const storage = memoryAdapter();
    let n = 0;
    const idGenerator = () => `doc-${++n}`;
    const yesterday = createPublisher({ storage, idGenerator });
    const first = await yesterday.createDraft({ title: '春季招聘会', body: JOB_FAIR, level: 'public' }, author);
    await yesterday.submit(first.id, author);

    const today = createPublisher({ storage, idGenerator });
    const copy = await today.createDraft({ title: '招聘会', body: JOB_FAIR, level: 'public' }, author);
    await expect(today.submit(copy.id, author)).rejects.toMatchObject({ code: 'CHECKS_FAILED' });
  });

  it('can be switched off', async () => {
    const publisher = createPublisher({ storage: memoryAdapter(), duplicates: false });
    for (const title of ['春季招聘会', '招聘会']) {
      const doc = await publisher.createDraft({ title, body: JOB_FAIR, level: 'public' }, author);
      expect((await publisher.submit(doc.id, author)).state).toBe('in_review');
    }
  });
});
