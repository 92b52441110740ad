/**
 * The PostgreSQL adapter: {@link postgresAdapter} over a `pg` Pool or a PGlite instance, and
 * {@link migrate} to create its tables. `pg` and `@electric-sql/pglite` are optional peer
 * dependencies; the host creates the client and passes it in.
 *
 * @packageDocumentation
 */
export { postgresAdapter } from './postgres-adapter';
export type { PostgresAdapterOptions } from './postgres-adapter';
export { DEFAULT_SCHEMA, migrate, migrationStatements, SCHEMA_VERSION } from './migrations';
export type { Migration, MigrateOptions, MigrateResult } from './migrations';
export type { PGliteLike, PgPoolClientLike, PgPoolLike, PostgresClient, Queryable, QueryResultLike } from './client';
export { pendingMigrations } from './migrations';
