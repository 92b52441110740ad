import { migrate, migrationStatements, pendingMigrations, type Migration, type PostgresClient } from '../../postgres/index';
import { parseCommandArgs } from '../args';
import { MIGRATE_HELP } from '../help';
import { UsageError, type CliIo } from '../io';

/** Prints migrations as a SQL script a DBA can read or run. */
export function migrationsSql(migrations: readonly Migration[]): string {
  return migrations
    .map((m) => `-- migration ${m.version}: ${m.name}\n${m.statements.map((s) => `${s.replace(/\n {8}/g, '\n  ')};`).join('\n\n')}\n`)
    .join('\n');
}

/** `govpub migrate`: returns the exit code. */
export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    'database-url': { type: 'string' },
    schema: { type: 'string' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(MIGRATE_HELP);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]} / 多余的参数`);
  const url = values['database-url'] ?? io.env.DATABASE_URL;
  const options = values.schema ? { schema: values.schema } : {};
  if (!url) {
    if (!values['dry-run']) throw new UsageError('--database-url (or DATABASE_URL) is required / 需要 --database-url 或环境变量 DATABASE_URL');
    // No database to compare with: what a fresh database would get.
    io.stdout.write(`-- govpub schema for a new database (no --database-url given)\n${migrationsSql(migrationStatements(options))}`);
    return 0;
  }
  const pool = await openPool(url);
  try {
    if (values['dry-run']) {
      const pending = await pendingMigrations(pool, options);
      io.stdout.write(pending.length ? migrationsSql(pending) : '-- up to date: no pending migrations / 已是最新，无待执行的迁移\n');
      return 0;
    }
    const result = await migrate(pool, options);
    io.stdout.write(
      result.applied.length
        ? `schema ${result.schema}: applied ${result.applied.join(', ')}; now at version ${result.version} / 已执行迁移 ${result.applied.join('、')}，当前版本 ${result.version}\n`
        : `schema ${result.schema}: up to date at version ${result.version} / 已是最新（版本 ${result.version}）\n`,
    );
    return 0;
  } finally {
    await pool.end();
  }
}

type Pool = PostgresClient & { end(): Promise<void> };

// pg is an optional peer dependency: loaded only here, with a clear message when absent.
async function openPool(url: string): Promise<Pool> {
  let pg: { Pool: new (config: { connectionString: string; max?: number }) => Pool };
  try {
    const mod = (await import('pg')) as unknown as { default?: typeof pg } & typeof pg;
    pg = mod.default ?? mod;
  } catch {
    throw new UsageError('the pg package is not installed; run `npm install pg` / 未安装 pg，请先运行 npm install pg');
  }
  return new pg.Pool({ connectionString: url, max: 1 });
}
