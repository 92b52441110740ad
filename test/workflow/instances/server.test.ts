import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isGovpubError } from '../../../src/index';
import { migrate, postgresAdapter } from '../../../src/postgres/index';
import { serverGuard } from '../../postgres/server-guard';
import { concurrentNearCopies, nearCopyAcrossInstances, twoInstances } from './scenario';

const url = serverGuard('two instances over one PostgreSQL server');

if (url) {
  describe('two publisher instances over one PostgreSQL server (two pools, as two processes)', () => {
    const pools = [new pg.Pool({ connectionString: url, max: 6 }), new pg.Pool({ connectionString: url, max: 6 })] as const;
    const schema = (name: string) => `inst_${name}_${process.pid}_${Date.now().toString(36)}`;
    const made: string[] = [];
    async function fresh(name: string) {
      const s = schema(name);
      made.push(s);
      await migrate(pools[0], { schema: s });
      return [postgresAdapter({ client: pools[0], schema: s }), postgresAdapter({ client: pools[1], schema: s })] as const;
    }
    afterAll(async () => {
      for (const s of made) await pools[0].query(`DROP SCHEMA "${s}" CASCADE`);
      await Promise.all(pools.map((p) => p.end()));
    });

    it('catch a near-copy submitted through the other instance', async () => {
      const [a, b] = await fresh('near');
      await nearCopyAcrossInstances(a, b);
    });

    it('let at most one of each family of near-copies through when 50 are submitted at once', async () => {
      const [a, b] = await fresh('burst');
      await concurrentNearCopies(a, b);
    });

    it('survive a connection terminated during a commit: a STORAGE error, storage unchanged, the process alive (failed before: an unheard error event crashed the process)', async () => {
      const [a] = await fresh('kill');
      const [one] = twoInstances(a, a);
      const author = { id: 'zhang.wei', roles: ['author' as const], department: 'office' };
      const doc = await one.createDraft({ title: '关于停水的通知', body: '城区部分区域临时停水。', level: 'public' }, author);
      const s = made[made.length - 1]!;
      // Another session holds the row, so the adapter's UPDATE waits inside its transaction.
      const holder = await pools[1].connect();
      try {
        await holder.query('BEGIN');
        await holder.query(`SELECT 1 FROM "${s}".documents WHERE id = $1 FOR UPDATE`, [doc.id]);
        const pending = one.updateDraft(doc.id, { body: '改过的正文。' }, author, { expectedVersion: doc.version }).catch((e: unknown) => e);
        // Wait until the adapter's statement is blocked on the lock, then end its session.
        let killed = false;
        for (let i = 0; i < 100 && !killed; i++) {
          const { rows } = await holder.query<{ pid: number }>(
            // The session waiting for the row this test holds (its query column may show an
            // earlier statement of the same transaction, so match on the wait, not the text).
            `SELECT DISTINCT l.pid FROM pg_locks l JOIN pg_locks held ON held.transactionid = l.transactionid AND held.granted
             WHERE NOT l.granted AND l.locktype = 'transactionid' AND held.pid = pg_backend_pid()`,
          );
          if (rows[0]) {
            await holder.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
            killed = true;
          } else await new Promise((r) => setTimeout(r, 50));
        }
        expect(killed).toBe(true);
        const error = await pending;
        expect(isGovpubError(error) && error.code).toBe('STORAGE');
        expect(isGovpubError(error) && error.details?.outcome).toBe('not-written');
      } finally {
        await holder.query('ROLLBACK');
        holder.release();
      }
      // Give an unheard 'error' event the chance to crash the worker before we look.
      await new Promise((r) => setTimeout(r, 200));
      const after = await one.get(doc.id);
      expect(after.version).toBe(doc.version);
      expect(after.body).toBe(doc.body);
      expect((await one.history(doc.id)).map((e) => e.type)).toEqual(['created']);
    });
  });
}
