/**
 * The packed package, as a consumer receives it: `npm pack` (exactly what the registry would
 * serve), unpacked into a scratch project's node_modules/govpub, with the package's own
 * dependencies linked from this repository's node_modules as an install would place them
 * (offline). Shared by the acceptance suite and the consumer matrix.
 *
 * Test files run in parallel workers: the first one to ask packs into a unique folder and
 * renames it into place; the others find it there. The folder is keyed by the build's time,
 * so a new build never reuses an old pack.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The newest modification time (ms) of any file under `dir`. */
function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return max;
}

/** True when dist/ holds a build (the three entry points and their declarations). */
export function isBuilt(): boolean {
  return ['index.js', 'index.d.ts', 'index.d.cts', 'testing.js', 'postgres.js'].every((f) => existsSync(join(ROOT, 'dist', f)));
}

/** Throws when a source file changed after the build: tests would exercise yesterday's package. */
export function assertBuildIsCurrent(): void {
  const built = statSync(join(ROOT, 'dist/index.js')).mtimeMs;
  const source = newest(join(ROOT, 'src'));
  if (source > built) {
    throw new Error(`dist/ is older than src/ (built ${new Date(built).toISOString()}, source changed ${new Date(source).toISOString()}): run \`npm run build\``);
  }
}

/** The folder of a scratch project whose node_modules/govpub is the packed package. */
export async function packedProject(): Promise<string> {
  const stamp = Math.floor(statSync(join(ROOT, 'dist/index.js')).mtimeMs);
  const target = join(tmpdir(), `govpub-packed-${stamp}`);
  if (existsSync(join(target, '.complete'))) return target;
  const work = await mkdtemp(join(tmpdir(), 'govpub-pack-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  const modules = join(work, 'project', 'node_modules');
  await mkdir(join(modules, 'govpub'), { recursive: true });
  await run('tar', ['-xzf', join(work, filename), '-C', join(modules, 'govpub'), '--strip-components=1']);
  for (const entry of await readdir(join(ROOT, 'node_modules'))) {
    if (entry === 'govpub' || entry.startsWith('.')) continue;
    await symlink(join(ROOT, 'node_modules', entry), join(modules, entry), 'dir');
  }
  await writeFile(join(work, 'project', 'package.json'), JSON.stringify({ name: 'acceptance', private: true, type: 'module' }));
  await writeFile(join(work, 'project', '.complete'), '');
  try {
    await rename(join(work, 'project'), target);
  } catch {
    // Another worker got there first: use theirs.
  }
  await rm(work, { recursive: true, force: true });
  return target;
}
