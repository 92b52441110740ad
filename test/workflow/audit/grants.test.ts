// The grants docs/security.md recommends, run as printed (on PGlite, with the database name
// adjusted): the application role can do its work through the real adapter and cannot rewrite
// the trail; the auditor can only read.
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublisher } from '../../../src/index';
import { migrate, postgresAdapter } from '../../../src/postgres/index';

const doc = readFileSync(new URL('../../../docs/security.md', import.meta.url), 'utf8');
const sql = /## Recommended database grants[\s\S]*?```sql\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

let db: PGlite;
beforeAll(async () => {
  db = new PGlite();
  await migrate(db);
  // PGlite has one database, "postgres"; everything else runs exactly as printed.
  await db.exec(sql.replace('ON DATABASE govpub', 'ON DATABASE postgres'));
});
afterAll(() => db.close());

async function refused(statement: string): Promise<string> {
  try {
    await db.exec(statement);
    return 'allowed';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('the recommended database grants', () => {
  it('are in the document', () => {
    expect(sql).toContain('GRANT SELECT, INSERT ON govpub.audit_events');
  });

  it('let the application work through the adapter, and refuse rewriting the trail', async () => {
    await db.exec('SET ROLE govpub_app');
    try {
      const publisher = createPublisher({ storage: postgresAdapter({ client: db }) });
      const author = { id: 'zhang.san', roles: ['author' as const] };
      const draft = await publisher.createDraft({ title: '关于停水的通知', body: '明日停水。', level: 'public' }, author);
      await publisher.submit(draft.id, author);
      expect(await publisher.verifyHistory(draft.id)).toMatchObject({ ok: true, count: 2 });

      for (const statement of [
        `UPDATE govpub.audit_events SET hash = 'x'`,
        `DELETE FROM govpub.audit_events`,
        `TRUNCATE govpub.audit_events`,
        `UPDATE govpub.document_versions SET doc = '{}'`,
        `DELETE FROM govpub.documents`,
        `ALTER TABLE govpub.audit_events DISABLE TRIGGER ALL`,
      ]) {
        expect(await refused(statement), statement).toMatch(/permission denied|must be owner/);
      }
    } finally {
      await db.exec('RESET ROLE');
    }
  });

  it('let the auditor read and nothing else', async () => {
    await db.exec('SET ROLE govpub_auditor');
    try {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM govpub.audit_events');
      expect(rows[0]!.n).toBeGreaterThan(0);
      expect(await refused(`DELETE FROM govpub.artifacts`)).toMatch(/permission denied/);
      expect(await refused(`UPDATE govpub.documents SET version = version`)).toMatch(/permission denied/);
    } finally {
      await db.exec('RESET ROLE');
    }
  });
});
