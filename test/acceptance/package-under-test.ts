import { join } from 'node:path';
import { assertBuildIsCurrent, isBuilt, packedProject, ROOT } from '../package/packed-package';

// These tests treat govpub as a black box, the way the outside acceptance suite does: whenever
// there is a build they run against the packed package (npm pack, unpacked into a scratch
// project, imported by its package name's entry files — what a consumer installs), and refuse
// a build older than the source. CI always builds first. On a fresh clone without a build,
// `npm test` still runs them, against the source. test/package/consumers.test.ts type-checks
// consumers against the shipped declarations.

/** True when the tests run against the packed build rather than src/. */
export const againstBuild = isBuilt();
if (!againstBuild && process.env.CI) throw new Error('dist/ is missing: CI must run `npm run build` before the tests');
if (againstBuild) assertBuildIsCurrent();

const installed = againstBuild ? join(await packedProject(), 'node_modules', 'govpub') : '';

// Paths in variables, so the type checker does not require a build to exist.
const entry = (name: 'index' | 'testing' | 'postgres') =>
  againstBuild ? join(installed, 'dist', `${name}.js`) : `${ROOT}src/${name}/index.ts`.replace('src/index/index.ts', 'src/index.ts');

export const govpub: typeof import('../../src/index') = await import(/* @vite-ignore */ entry('index'));
export const testing: typeof import('../../src/testing/index') = await import(/* @vite-ignore */ entry('testing'));
export const postgres: typeof import('../../src/postgres/index') = await import(/* @vite-ignore */ entry('postgres'));
