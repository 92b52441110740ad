import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  createPublisher,
  defineAccounts,
  defineRuleSet,
  ERROR_CODES,
  GovpubError,
  inclusionProof,
  isGovpubError,
  memoryAdapter,
  planDeliveries,
  type Actor,
  type GovpubErrorCode,
} from '../../src/index';
import { postgresAdapter } from '../../src/postgres/index';

// Each code's details as a zod schema: the runtime mirror of GovpubErrorDetailsMap. Every
// path below really throws; the test fails if what it carries is not what the type promises.
const reason = z.object({ code: z.string(), params: z.record(z.string(), z.unknown()), message: z.string(), error: z.enum(ERROR_CODES) }).strict();
const finding = z.object({
  ruleId: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(),
  start: z.number(), end: z.number(), line: z.number(), column: z.number(), excerpt: z.string(),
}).loose();
const SCHEMAS: Record<GovpubErrorCode, z.ZodType> = {
  VALIDATION: z.object({ issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }).strict()).min(1) }),
  NOT_FOUND: z.union([z.object({ id: z.string() }), z.object({ documentId: z.string() })]),
  CONFLICT: z.union([
    z.object({ id: z.string(), expectedVersion: z.number().nullable(), actualVersion: z.number().nullable() }),
    z.object({ reasons: z.array(reason).min(1) }),
  ]),
  FORBIDDEN: z.object({ reasons: z.array(reason).min(1) }),
  INVALID_TRANSITION: z.object({ reasons: z.array(reason).min(1), state: z.string().optional(), scheduledAt: z.string().optional() }),
  CHECKS_FAILED: z.object({ findings: z.array(finding).min(1), reasons: z.array(reason).optional() }),
  CLEARANCE: z.object({
    level: z.string(),
    channels: z.array(z.string()).optional(),
    accounts: z.array(z.object({ accountId: z.string(), clearance: z.string() })).optional(),
  }),
  STORAGE: z.object({ outcome: z.enum(['not-written', 'unknown']), sqlState: z.string().optional() }),
};

async function caught(run: () => unknown): Promise<GovpubError> {
  try {
    await run();
  } catch (e) {
    if (isGovpubError(e)) return e;
    throw e;
  }
  throw new Error('expected a GovpubError');
}

function expectDetails(e: GovpubError, code: GovpubErrorCode): void {
  expect(e.code).toBe(code);
  const parsed = SCHEMAS[code].safeParse(e.details);
  expect(parsed.error?.issues ?? []).toEqual([]);
}

const author: Actor = { id: 'author', roles: ['author'] };
const publisherActor: Actor = { id: 'pub', roles: ['publisher'] };

function setup() {
  let n = 0;
  return createPublisher({ storage: memoryAdapter(), idGenerator: () => `d${++n}`, clock: () => new Date('2026-01-01T00:00:00Z') });
}

describe('every thrown code carries the details its type promises', () => {
  it('VALIDATION', async () => {
    expectDetails(await caught(() => defineRuleSet({ id: 1 })), 'VALIDATION');
    expectDetails(await caught(() => setup().createDraft({ title: '' } as never, author)), 'VALIDATION');
  });

  it('NOT_FOUND (a document, a head)', async () => {
    expectDetails(await caught(() => setup().submit('missing', author)), 'NOT_FOUND');
    expectDetails(await caught(() => inclusionProof([], 'missing')), 'NOT_FOUND');
  });

  it('CONFLICT (stale version)', async () => {
    const p = setup();
    const doc = await p.createDraft({ title: '通知', body: '正文', level: 'public', channels: ['website'] }, author);
    await p.updateDraft(doc.id, { body: '正文二' }, author, { expectedVersion: doc.version });
    const e = await caught(() => p.updateDraft(doc.id, { body: '正文三' }, author, { expectedVersion: doc.version }));
    expectDetails(e, 'CONFLICT');
    if (e.code === 'CONFLICT') expect(e.details).toMatchObject({ id: doc.id, expectedVersion: doc.version });
  });

  it('FORBIDDEN (self-review) with the reason code', async () => {
    const p = setup();
    const both: Actor = { id: 'both', roles: ['author', 'reviewer'] };
    const doc = await p.createDraft({ title: '通知', body: '正文', level: 'public', channels: ['website'] }, both);
    await p.submit(doc.id, both);
    const e = await caught(() => p.review(doc.id, both, { decision: 'approve' }));
    expectDetails(e, 'FORBIDDEN');
    if (e.code === 'FORBIDDEN') expect(e.details.reasons.map((r) => r.code)).toContain('SELF_REVIEW');
  });

  it('INVALID_TRANSITION (publishing a draft)', async () => {
    const p = setup();
    const doc = await p.createDraft({ title: '通知', body: '正文', level: 'public', channels: ['website'] }, author);
    const e = await caught(() => p.publish(doc.id, publisherActor));
    expectDetails(e, 'INVALID_TRANSITION');
    if (e.code === 'INVALID_TRANSITION') expect(e.details.reasons[0]!.code).toBe('WRONG_STATE');
  });

  it('CHECKS_FAILED (a classification marking in a public draft)', async () => {
    const p = setup();
    const doc = await p.createDraft({ title: '通知', body: '机密★1年 本文件内容', level: 'public', channels: ['website'] }, author);
    const e = await caught(() => p.submit(doc.id, author));
    expectDetails(e, 'CHECKS_FAILED');
    if (e.code === 'CHECKS_FAILED') expect(e.details.findings.some((f) => f.severity === 'error')).toBe(true);
  });

  it('CLEARANCE (a channel, a delivery account)', async () => {
    const p = setup();
    const doc = await p.createDraft({ title: '通知', body: '正文', level: 'internal', channels: ['wechat'] }, author);
    expectDetails(await caught(() => p.submit(doc.id, author)), 'CLEARANCE');
    const accounts = defineAccounts([{ id: 'wx', channel: 'wechat', name: '滨江发布', transport: { send: async () => ({ ok: true }) } as never }]);
    const e = await caught(() =>
      planDeliveries({ documentId: 'd', revision: 1, level: 'secret', targets: ['wx'], payloads: { wx: {} }, now: new Date(), idGenerator: () => 'x' }, accounts),
    );
    expectDetails(e, 'CLEARANCE');
    if (e.code === 'CLEARANCE') expect(e.details.accounts).toEqual([{ accountId: 'wx', clearance: 'public' }]);
  });

  it('STORAGE (the connection is lost before anything is written)', async () => {
    const lost = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const connection = { query: async () => Promise.reject(lost), release: () => {} };
    // Reads answer (nothing stored yet); the commit's transaction finds the connection gone.
    const pool = { query: async () => ({ rows: [] }), connect: async () => connection };
    const p = createPublisher({ storage: postgresAdapter({ client: pool }) });
    const e = await caught(() => p.createDraft({ title: '通知', body: '正文', level: 'public', channels: ['website'] }, author));
    expectDetails(e, 'STORAGE');
    if (e.code === 'STORAGE') expect(e.details.outcome).toBe('not-written');
  });

  it('covers every code in ERROR_CODES', () => {
    expect(Object.keys(SCHEMAS).sort()).toEqual([...ERROR_CODES].sort());
  });
});

describe('GovpubError construction', () => {
  it('gives an empty details object when none is passed (so details.x never throws)', () => {
    const e = new GovpubError('NOT_FOUND', 'x');
    expect(e.details).toEqual({});
    expect(e).toBeInstanceOf(GovpubError);
    expect(e.name).toBe('GovpubError');
  });
});
