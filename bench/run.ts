/**
 * `npm run bench`: runs every `bench/*.bench.ts` in its own process, one after another, so
 * one benchmark's garbage and JIT state do not colour the next. Each prints its own table.
 *
 * `npm run bench -- caliber` runs only the files whose name contains `caliber`.
 * `BENCH_QUICK=1` asks every benchmark for its small sizes (used to smoke-test them).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', `${dir}/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
if (failed) {
  console.error(`${failed} benchmark(s) failed`);
  process.exit(1);
}
