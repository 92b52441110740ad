import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// These tests treat govpub as a black box, the way the outside acceptance suite does: they
// run against the built package (dist/) whenever there is one, and CI always builds first.
// On a fresh clone without a build, `npm test` still runs them, against the source.
const root = fileURLToPath(new URL('../../', import.meta.url));

/** True when the tests run against dist/ rather than src/. */
export const againstBuild = existsSync(`${root}dist/index.js`) && existsSync(`${root}dist/testing.js`) && existsSync(`${root}dist/postgres.js`);
if (!againstBuild && process.env.CI) throw new Error('dist/ is missing: CI must run `npm run build` before the tests');

// Paths in variables, so the type checker does not require a build to exist.
const entry = (name: 'index' | 'testing' | 'postgres') => (againstBuild ? `${root}dist/${name}.js` : `${root}src/${name}/index.ts`.replace('src/index/index.ts', 'src/index.ts'));

export const govpub: typeof import('../../src/index') = await import(/* @vite-ignore */ entry('index'));
export const testing: typeof import('../../src/testing/index') = await import(/* @vite-ignore */ entry('testing'));
export const postgres: typeof import('../../src/postgres/index') = await import(/* @vite-ignore */ entry('postgres'));
