import { defineConfig } from 'tsup';

const entry = {
  index: 'src/index.ts',
  testing: 'src/testing/index.ts',
  postgres: 'src/postgres/index.ts',
};
// Peer dependencies stay external in both builds: the host brings its own.
const external = ['vitest', 'pg', '@electric-sql/pglite'];

export default defineConfig([
  {
    entry,
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    external,
  },
  {
    entry,
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    external,
    // marked and nanoid ship ESM only; Node 20 before 20.19 cannot require() them,
    // so the CommonJS build carries its own copy.
    noExternal: ['marked', 'nanoid'],
  },
]);
