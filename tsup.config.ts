import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

const entry = {
  index: 'src/index.ts',
  testing: 'src/testing/index.ts',
  postgres: 'src/postgres/index.ts',
  storage: 'src/storage/public.ts',
};
// Each area's index as an extra ESM entry (dist/areas/<area>.js, not exported): code splitting
// then puts each area in its own chunk that dist/index.js re-exports from, so a host bundler
// (with "sideEffects": false) drops the areas a page does not use. From one bundled file it
// could not: a page importing only checkCaliber carried the workflow, xstate and marked
// (113.8 KB gzip instead of 68.8 KB, measured with scripts/size.ts).
const areaEntries = Object.fromEntries(
  readdirSync('src', { withFileTypes: true })
    .filter((d) => d.isDirectory() && !['cli', 'testing', 'postgres'].includes(d.name) && existsSync(`src/${d.name}/index.ts`))
    .map((d) => [`areas/${d.name}`, `src/${d.name}/index.ts`]),
);
// defineRoster in a chunk of its own: it loads the roster's reading table (16 KB gzip) and
// hands checkCaliber its definer when it loads (src/caliber/roster/compiled-rosters.ts). In a
// chunk shared with code a page does use, a host bundler would keep that hand-over and the
// table with it; alone, the chunk is dropped whenever the page does not import defineRoster.
// esbuild puts modules reached from the same entries in one chunk, so the roster's index and
// checkCaliber are entries too: the modules both reach (title parsing) then differ in their
// entries from those only the roster reaches, and land in another chunk.
areaEntries['areas/caliber-roster'] = 'src/caliber/roster/index.ts';
areaEntries['areas/caliber-check'] = 'src/caliber/check-caliber.ts';
// zhGovRules apart from the packs and the lexicon it used to share a chunk with: module-level
// statements there that a bundler must keep (Object.freeze of the official word list, 9 KB)
// loaded with every page that imports zhGovRules.
areaEntries['areas/caliber-zh-gov'] = 'src/caliber/zh-gov-rules.ts';
// Peer dependencies stay external in both builds: the host brings its own.
const external = ['vitest', 'pg', '@electric-sql/pglite'];

export default defineConfig([
  {
    entry: { ...entry, ...areaEntries },
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
