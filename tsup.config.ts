import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

const entry = {
  index: 'src/index.ts',
  testing: 'src/testing/index.ts',
  postgres: 'src/postgres/index.ts',
  storage: 'src/storage/public.ts',
};
// Every source module as an ESM entry of its own (dist/modules/<path>.js, not exported): code
// splitting then gives each module its own output file, and dist/index.js re-exports from
// them, so a host bundler (with "sideEffects": false) sees govpub's modules as they are in
// src/ and drops each one a page does not use, as it would from the sources. With one file
// per area (or bundled per entry), a page took every module-level statement of each file it
// touched — zod schemas, Object.freeze of word lists, the roster's hand-over to checkCaliber —
// and whatever they referenced: the caliber page weighed 99.7 KB gzip with area files, 58.9 KB
// with module files (scripts/size.ts).
function sourceModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = `${dir}/${d.name}`;
    if (d.isDirectory()) return path === 'src/cli' ? [] : sourceModules(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') ? [path] : [];
  });
}
const moduleEntries = Object.fromEntries(sourceModules('src').map((path) => [`modules/${path.slice('src/'.length, -'.ts'.length)}`, path]));
// Peer dependencies stay external in both builds: the host brings its own.
const external = ['vitest', 'pg', '@electric-sql/pglite'];

export default defineConfig([
  {
    entry: { ...entry, ...moduleEntries },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    external,
  },
  {
    entry,
    format: ['cjs'],
    dts: false,
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
  {
    // Declarations once for both formats: one TypeScript program, written as .d.ts and .d.cts
    // (building them per format took 60 of the build's 67 seconds).
    entry,
    format: ['esm', 'cjs'],
    dts: { only: true },
    target: 'es2022',
    external,
  },
  {
    // The `govpub` bin: ESM, for Node, dependencies external like the library's.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    external,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
