// Scratch schemas: every adapter the conformance kit asks for gets a fresh, migrated schema
// on the shared client, dropped again in teardown. One database (or one PGlite instance)
// therefore serves the whole suite while each check still starts from empty storage.
import type { StorageAdapter } from '../../src/storage/adapter';
import type { PostgresClient } from '../../src/postgres/index';
import { migrate, postgresAdapter } from '../../src/postgres/index';

let counter = 0;

export interface ScratchSchemas {
  factory: () => Promise<StorageAdapter>;
  teardown: (adapter: StorageAdapter) => Promise<void>;
  /** The schema behind an adapter this harness made. */
  schemaOf: (adapter: StorageAdapter) => string;
  /** The kit's option: the next commit through `adapter` fails between its writes. */
  armHalfwayFailure: (adapter: StorageAdapter) => void;
  /** The kit's option: another adapter on the same schema, over `second` (default: the same client). */
  openSecondHandle: (adapter: StorageAdapter) => StorageAdapter;
}

export function scratchSchemas(client: PostgresClient, prefix: string, second: PostgresClient = client): ScratchSchemas {
  const schemas = new WeakMap<StorageAdapter, string>();
  const armed = new WeakSet<StorageAdapter>();
  // Unique per process and run, so parallel test files or a crashed earlier run never collide.
  const run = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  return {
    async factory() {
      const schema = `${run}_${++counter}`;
      await migrate(client, { schema });
      const adapter: StorageAdapter = postgresAdapter({
        client,
        schema,
        // One-shot: only the commit right after armHalfwayFailure fails.
        failBetweenWrites: () => armed.delete(adapter),
      });
      schemas.set(adapter, schema);
      return adapter;
    },
    async teardown(adapter) {
      const schema = schemas.get(adapter);
      if (schema) await client.query(`DROP SCHEMA "${schema}" CASCADE`);
    },
    armHalfwayFailure(adapter) {
      armed.add(adapter);
    },
    openSecondHandle(adapter) {
      const schema = schemas.get(adapter);
      if (!schema) throw new Error('not an adapter from this harness');
      return postgresAdapter({ client: second, schema });
    },
    schemaOf(adapter) {
      const schema = schemas.get(adapter);
      if (!schema) throw new Error('not an adapter from this harness');
      return schema;
    },
  };
}
