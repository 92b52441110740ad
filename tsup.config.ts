import { defineConfig } from 'tsup';

const entry = {
  index: 'src/index.ts',
  testing: 'src/testing/index.ts',
  postgres: 'src/postgres/index.ts',
  storage: 'src/storage/public.ts',
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
    external: external.filter((name) => name !== 'vitest'),
    // marked and nanoid ship ESM only; Node 20 before 20.19 cannot require() them, so the
    // CommonJS build carries its own copy. vitest is bundled only as its stand-in (below).
    noExternal: ['marked', 'nanoid', 'vitest'],
    esbuildOptions(options) {
      // vitest cannot be require()d at all; see src/testing/vitest-unavailable.ts.
      options.alias = { vitest: './src/testing/vitest-unavailable.ts' };
    },
  },
]);
