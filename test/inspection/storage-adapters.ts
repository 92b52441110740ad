// The storages the inspection and trace tests run over: the memory adapter and the PostgreSQL
// adapter on one PGlite per test file (a fresh schema per storage), closed after the file.
import { PGlite } from '@electric-sql/pglite';
import { afterAll } from 'vitest';
import { memoryAdapter, type StorageAdapter } from '../../src/index';
import { migrate, postgresAdapter } from '../../src/postgres/index';

/** `[name, make]` pairs for `describe.each`; schemas are named `${prefix}_…`. */
export function memoryAndPGlite(prefix: string): [string, () => Promise<StorageAdapter>][] {
  const pglite = new PGlite();
  afterAll(() => pglite.close());
  return [
    ['memory adapter', async () => memoryAdapter()],
    [
      'PostgreSQL adapter (PGlite)',
      async () => {
        const schema = `${prefix}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
        await migrate(pglite, { schema });
        return postgresAdapter({ client: pglite, schema });
      },
    ],
  ];
}
