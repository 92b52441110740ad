import { describe, expect, it } from 'vitest';
import { defineAccounts, planDeliveries, planRemovals, resolveTargets, type Transport } from '../../src/delivery/index';
import { GovpubError, isGovpubError } from '../../src/errors/index';

const t: Transport = { send: async () => ({ status: 'sent', receipt: {} }) };

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GovpubError);
    expect((e as GovpubError).code).toBe('VALIDATION');
    return (e as GovpubError).details!.issues as { path: (string | number)[]; message: string }[];
  }
  throw new Error('did not throw');
}

describe('defineAccounts', () => {
  it('names the account and the field of every problem', () => {
    const issues = issuesOf(() =>
      defineAccounts([
        { id: 'wx-main', channel: 'wechat', name: '某某发布', transport: t },
        { id: 'bad:id', channel: 'weibo', name: '', transport: {} as Transport },
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual([[1, 'id'], [1, 'name'], [1, 'transport']]);
    expect(issues.every((i) => i.message.startsWith('account "bad:id"'))).toBe(true);
  });

  it('refuses duplicate ids and two defaults for one channel', () => {
    const issues = issuesOf(() =>
      defineAccounts([
        { id: 'a', channel: 'wechat', name: 'A', default: true, transport: t },
        { id: 'a', channel: 'wechat', name: 'B', default: true, transport: t },
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual([[1, 'id'], [1, 'default']]);
  });

  it('a channel id alone means the channel default: the marked one, else the first', () => {
    const accounts = defineAccounts([
      { id: 'wx-dept', channel: 'wechat', name: '部门号', transport: t },
      { id: 'wx-main', channel: 'wechat', name: '某某发布', default: true, transport: t },
      { id: 'portal', channel: 'website', name: '门户', transport: t },
    ]);
    expect(resolveTargets(['wechat', 'website', 'wx-dept', 'wx-main'], accounts).map((r) => r.account.id)).toEqual(['wx-main', 'portal', 'wx-dept']);
    const issues = issuesOf(() => resolveTargets(['weibo'], accounts));
    expect(issues[0]!.path).toEqual([0]);
  });
});

describe('planDeliveries', () => {
  const accounts = defineAccounts([
    { id: 'wx-main', channel: 'wechat', name: '某某发布', transport: t },
    { id: 'intranet', channel: 'website', name: '内网', clearance: 'internal', transport: t },
  ]);

  it('one pending delivery per account, with idempotency key and payload hash', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    let n = 0;
    const ds = planDeliveries({ documentId: 'doc1', revision: 3, level: 'internal', targets: ['intranet'], payloads: { intranet: { title: 'x' } }, now, idGenerator: () => `id${++n}` }, accounts);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ id: 'id1', accountId: 'intranet', channel: 'website', kind: 'publish', state: 'pending', attempts: 0, idempotencyKey: 'doc1:3:intranet', nextAttemptAt: now.toISOString() });
    expect(ds[0]!.payloadHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an account whose clearance is below the level', () => {
    try {
      planDeliveries({ documentId: 'doc1', revision: 1, level: 'internal', targets: ['wechat', 'intranet'], payloads: { wechat: {}, intranet: {} }, now: new Date(), idGenerator: () => 'x' }, accounts);
      throw new Error('no');
    } catch (e) {
      expect(isGovpubError(e) && e.code).toBe('CLEARANCE');
      expect((e as GovpubError).details!.accounts).toEqual([{ accountId: 'wx-main', clearance: 'public' }]);
    }
  });

  it('planRemovals validates its input', () => {
    const issues = issuesOf(() => planRemovals([{ id: 1 } as never], { now: 'today' as never, idGenerator: () => 'x' }));
    expect(issues.map((i) => i.path.join('.'))).toContain('options.now');
    expect(issues.map((i) => i.path.join('.'))).toContain('deliveries.0.id');
  });

  it('a missing payload is a VALIDATION naming the account', () => {
    const issues = issuesOf(() => planDeliveries({ documentId: 'd', revision: 1, targets: ['wechat'], payloads: {}, now: new Date(), idGenerator: () => 'x' }, accounts));
    expect(issues[0]!.path).toEqual(['payloads', 'wx-main']);
  });
});
