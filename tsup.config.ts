import { existsSync, readdirSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

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
// In the areas a page that checks drafts loads, every source module is an entry of its own
// (dist/modules/<path>.js, not exported): each then gets its own output file, so a host
// bundler drops each module such a page does not use, as it would from src/. In a file shared
// by a whole area, every module-level statement of the area came along with whatever it
// referenced — zod schemas, Object.freeze of the official word list, the roster's hand-over
// to checkCaliber with its reading table: the caliber page weighs 59.4 KB gzip this way, 60.2
// with area files and hand-picked entries to split them (scripts/size.ts). Not every area:
// each file costs Node a module load at import. Median of 8 `import('govpub')` on a loaded
// machine: 1023 ms with area files, 1081 ms with these 97 module files, 1390 ms with all 350.
const CHECKING_AREAS = ['caliber', 'confidentiality', 'text', 'errors', 'findings'];
function sourceModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = `${dir}/${d.name}`;
    if (d.isDirectory()) return sourceModules(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') ? [path] : [];
  });
}
const moduleEntries = Object.fromEntries(
  CHECKING_AREAS.flatMap((area) => sourceModules(`src/${area}`)).map((path) => [`modules/${path.slice('src/'.length, -'.ts'.length)}`, path]),
);
// The word tables' door (src/caliber/lexicon/dictionaries/eager.ts) becomes the package import
// `#dictionaries` in the ESM build, so the consumer's resolver picks the module: package.json
// maps it to the eager module by default and to the deferred one (tables on
// `loadDictionaries()`) under the `browser` condition. The CommonJS build and the bin keep
// the eager module bundled: they run in Node.
const DICTIONARIES_DOOR = /[\\/]dictionaries[\\/]eager(\.ts)?$/;
const dictionariesImport: Plugin = {
  name: 'govpub-dictionaries-import',
  setup(build) {
    build.onResolve({ filter: DICTIONARIES_DOOR }, (args) => (args.kind === 'entry-point' ? undefined : { path: '#dictionaries', external: true }));
  },
};
// Peer dependencies stay external in both builds: the host brings its own.
const external = ['vitest', 'pg', '@electric-sql/pglite'];

export default defineConfig([
  {
    entry: { ...entry, ...areaEntries, ...moduleEntries },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    external,
    esbuildPlugins: [dictionariesImport],
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
