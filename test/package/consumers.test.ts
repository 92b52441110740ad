/**
 * The consumer matrix: the packed package (npm pack, exactly what the registry would serve)
 * installed into throwaway projects and type-checked with `tsc` under each configuration
 * TypeScript users have: module node16 as ESM, module node16 as CommonJS, moduleResolution
 * bundler, and the classic moduleResolution node (node10). Declaration files are checked too
 * (skipLibCheck off): that is where an ESM-only type import breaks a CommonJS consumer
 * (TS1479) and where a subpath without typesVersions fails under node10.
 *
 * Offline: the tarball is unpacked into the project's node_modules/govpub and the package's
 * own dependencies are linked from this repository's node_modules, as an install would place
 * them. Needs dist/ (npm run build); skipped without it, failing under CI.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(join(ROOT, 'dist/index.js')) && existsSync(join(ROOT, 'dist/index.d.cts'));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

if (!built && process.env.CI) throw new Error('dist/ is missing: CI must run `npm run build` before the tests');
if (!built) console.warn('[test/package/consumers] SKIPPED: dist/ is missing; run `npm run build` first.');

// What a consumer writes: the root entry (checkers, channels, the publisher, importDocx), both
// subpaths, and types used as types.
const CONSUMER = `
import { checkCaliber, zhGovRules, detectSensitive, formatFor, createPublisher, memoryAdapter, importDocx, MarkdownSource, GovpubError, type Finding, type Actor } from 'govpub';
import { runAdapterConformance } from 'govpub/testing';
import { postgresAdapter, migrate } from 'govpub/postgres';

const findings: Finding[] = [...checkCaliber('新冠肺炎', zhGovRules), ...detectSensitive('13800138000')];
const author: Actor = { id: 'a', roles: ['author'] };
const publisher = createPublisher({ storage: memoryAdapter() });
const tokens: readonly { type: string }[] = new MarkdownSource('# x').tokens;
const wechat = formatFor('wechat', { title: 't', body: 'b' });
const title: string = wechat.payload.title;
const imported: Promise<{ title: string; body: string }> = importDocx(new Uint8Array());
const error: GovpubError | undefined = undefined;
export { findings, author, publisher, tokens, title, imported, error, runAdapterConformance, postgresAdapter, migrate };
`;

/** One consumer configuration: its package.json type and tsconfig compiler options. */
const MATRIX: { name: string; type: 'module' | 'commonjs'; compilerOptions: Record<string, unknown> }[] = [
  { name: 'module node16, ESM', type: 'module', compilerOptions: { module: 'node16', moduleResolution: 'node16' } },
  { name: 'module node16, CommonJS', type: 'commonjs', compilerOptions: { module: 'node16', moduleResolution: 'node16' } },
  { name: 'moduleResolution bundler', type: 'module', compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } },
  // esModuleInterop: zod's own CommonJS declarations default-import its locales and need it
  // (TS1259 otherwise, in zod, not govpub); every tsc --init since TypeScript 2.7 sets it.
  { name: 'moduleResolution node (node10), CommonJS', type: 'commonjs', compilerOptions: { module: 'commonjs', moduleResolution: 'node', esModuleInterop: true } },
];

describe.skipIf(!built)('consumers type-check the packed package', () => {
  let work: string;
  let unpacked: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'govpub-consumers-'));
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
    unpacked = join(work, 'govpub');
    await mkdir(unpacked);
    await run('tar', ['-xzf', join(work, filename), '-C', unpacked, '--strip-components=1']);
  }, 120_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** A project folder whose node_modules holds the unpacked govpub and links to everything else. */
  async function project(name: string, type: 'module' | 'commonjs', compilerOptions: Record<string, unknown>): Promise<string> {
    const dir = join(work, name.replace(/[^a-z0-9]+/gi, '-'));
    const modules = join(dir, 'node_modules');
    await mkdir(modules, { recursive: true });
    // A copy, not a link: TypeScript follows links to the real path, where no node_modules is.
    await cp(unpacked, join(modules, 'govpub'), { recursive: true });
    for (const entry of await readdir(join(ROOT, 'node_modules'))) {
      if (entry === 'govpub' || entry.startsWith('.')) continue;
      await symlink(join(ROOT, 'node_modules', entry), join(modules, entry), 'dir');
    }
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type }));
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'], lib: ['es2022', 'dom'], ...compilerOptions }, files: ['consumer.ts'] }),
    );
    await writeFile(join(dir, 'consumer.ts'), CONSUMER);
    return dir;
  }

  for (const { name, type, compilerOptions } of MATRIX) {
    it(`tsc passes: ${name}`, { timeout: 180_000 }, async () => {
      const dir = await project(name, type, compilerOptions);
      const result = await run(process.execPath, [TSC, '-p', dir], { cwd: dir, maxBuffer: 16 * 1024 * 1024 }).then(
        () => '',
        (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ''}${e.stderr ?? ''}` || 'tsc failed',
      );
      expect(result).toBe('');
    });
  }
});
