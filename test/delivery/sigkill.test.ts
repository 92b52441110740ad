// A worker process killed with SIGKILL in the middle of sending loses nothing and duplicates
// nothing (issue 14): the fakes count what they accepted, a restarted worker reconciles what
// the dead one left `sending`, and every document's ledger and audit trail agree with them.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPublisher } from '../../src/index';
import { migrate, postgresAdapter } from '../../src/postgres/index';
import { serverGuard } from '../postgres/server-guard';
import { startFakeCms } from './fakes/fake-cms';
import type { Fault } from './fakes/fake-server';
import { startFakeAliyunSms } from './fakes/fake-sms';
import { KILL_CMS_SECRET, killTestAccounts } from './sigkill-accounts';

const url = serverGuard('delivery worker killed with SIGKILL (PostgreSQL server)');
const DOCS = 30;

if (url) {
  const pool = new pg.Pool({ connectionString: url, max: 6 });
  const schema = `sigkill_${process.pid}_${Date.now().toString(36)}`;
  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  describe('a worker process killed mid-send', () => {
    it('loses nothing and duplicates nothing; the restarted worker reconciles', async () => {
      // Until the kill, requests after the first few are processed and then never answered:
      // the child is killed with requests the platforms accepted but it never heard back from.
      let hang = true;
      let seen = 0;
      const faults = (): Fault => (hang && ++seen > 12 ? 'timeout' : 'none');
      const cms = await startFakeCms({ secret: KILL_CMS_SECRET, faults });
      const sms = await startFakeAliyunSms({ accessKeyId: 'LTAIexample01', secret: 'aliyun-secret-value', faults });
      try {
        await migrate(pool, { schema });
        let offset = 0;
        const clock = () => new Date(Date.now() + offset);
        const publisher = createPublisher({ storage: postgresAdapter({ client: pool, schema }), accounts: killTestAccounts(cms.url, sms.url, clock), clock, caliber: false, duplicates: false });
        const author = { id: 'zhang.wei', roles: ['author' as const], department: 'office' };
        const chief = { id: 'zhou.min', roles: ['approver' as const, 'publisher' as const], department: 'office' };
        const ids: string[] = [];
        for (let i = 0; i < DOCS; i++) {
          const doc = await publisher.createDraft({ title: `第${i}号紧急通知`, body: `第${i}号通知正文。`, level: 'public', channels: ['portal', 'sms-city'] }, author);
          await publisher.publishUrgent(doc.id, chief, '时效性强，须立即发布');
          ids.push(doc.id);
        }

        const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./child-worker.ts', import.meta.url))], {
          env: { ...process.env, LEDGER_SCHEMA: schema, CMS_URL: cms.url, SMS_URL: sms.url },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
        // Wait until the child has requests hanging on both platforms (accepted, unanswered).
        const deadline = Date.now() + 60_000;
        while (cms.requests + sms.requests < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        expect(cms.requests + sms.requests, `child output: ${out}\n${err}`).toBeGreaterThanOrEqual(20);
        child.kill('SIGKILL');
        expect(await exited).toBe('SIGKILL');
        hang = false;

        const ledger = await postgresAdapter({ client: pool, schema }).deliveries!.list();
        const leftSending = ledger.filter((d) => d.state === 'sending').length;
        const sentByChild = ledger.filter((d) => d.state === 'sent').length;
        expect(leftSending).toBeGreaterThan(0); // the kill really left work mid-send
        const acceptedBeforeRestart = [...cms.acceptedByKey.values(), ...sms.acceptedByKey.values()].reduce((a, b) => a + b, 0);

        // The restarted worker: after the dead worker's lease has run out.
        offset = 121_000;
        for (let round = 0; round < 50; round++) {
          const open = await postgresAdapter({ client: pool, schema }).deliveries!.list({ state: ['pending', 'sending', 'unknown'] });
          if (open.length === 0) break;
          await publisher.deliverPending({ owner: 'restarted', limit: 20, timeoutMs: 2_000, leaseMs: 10_000, reconcileIntervalMs: 0 });
          offset += 1_000;
        }
        const rows = await postgresAdapter({ client: pool, schema }).deliveries!.list();
        expect(rows).toHaveLength(DOCS * 2);
        expect(rows.filter((d) => d.state !== 'sent').map((d) => `${d.idempotencyKey}:${d.state}`)).toEqual([]);
        // Counted by the platforms: every payload exactly once, nothing lost, nothing twice.
        expect(cms.acceptedByKey.size).toBe(DOCS);
        expect([...cms.acceptedByKey.values()].every((n) => n === 1)).toBe(true);
        expect(sms.acceptedByKey.size).toBe(DOCS);
        expect([...sms.acceptedByKey.values()].every((n) => n === 1)).toBe(true);
        const reconciled = rows.filter((d) => d.history.some((h) => h.event === 'claimed' && h.owner === 'restarted') && d.history.some((h) => h.owner?.startsWith('child-'))).length;
        // Every document's trail: one `delivered` per account, and it verifies.
        for (const id of ids) {
          const delivered = (await publisher.history(id)).filter((e) => e.type === 'delivered').map((e) => e.data.accountId);
          expect(delivered.sort()).toEqual(['portal', 'sms-city']);
          expect(await publisher.verifyHistory(id)).toMatchObject({ ok: true });
        }
        console.log(
          `sigkill: ${DOCS * 2} deliveries; at the kill ${sentByChild} sent by the child, ${leftSending} left sending, ${acceptedBeforeRestart} accepted by the platforms; ` +
            `after restart all sent, ${reconciled} taken over from the dead worker; platform requests cms ${cms.requests} (replays ${cms.replays}), sms ${sms.requests}`,
        );
      } finally {
        await Promise.all([cms.close(), sms.close()]);
      }
    }, 180_000);
  });
}
