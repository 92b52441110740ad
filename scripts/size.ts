/**
 * Browser size budgets, measured the way a host's bundler sees govpub: esbuild bundles a small
 * page entry against the built package (dist/index.js), for the browser, minified, with code
 * splitting; the figure is the gzip size (zlib, level 9) of what the page loads up front.
 * Lazily loaded chunks (importDocx's mammoth) are reported beside it, not counted.
 *
 * Run after `npm run build`: `npm run size`. Exits 1 when a page grows past its ceiling.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = process.env.GOVPUB_SIZE_ENTRY ? resolve(process.env.GOVPUB_SIZE_ENTRY) : join(ROOT, 'dist', 'index.js');

/**
 * One page: what it imports from govpub, its budget (issue 15's target) and its ceiling, in
 * gzip bytes. A page over its budget is reported; a page over its ceiling fails the run. The
 * ceilings sit just above what the package weighs today, so any growth fails CI while the
 * budgets are not met yet (zod's classic API, the roster's reading table and the traditional-
 * character table for the caliber page; the lexicon, sanitize-html and entities for the whole
 * package; see README "Browser size").
 */
interface Page {
  name: string;
  imports: string;
  budget: number;
  ceiling: number;
}

const KB = 1024;
export const PAGES: Page[] = [
  // 97.3 KB when lowered (was 154.5: the packs' JSON and the lexicon's homophone table no longer
  // load; the traditional-character table is a third of its size).
  { name: 'checkCaliber + detectSensitive', imports: 'import { checkCaliber, detectSensitive, zhGovRules } from "govpub"; console.log(checkCaliber, detectSensitive, zhGovRules);', budget: 60 * KB, ceiling: 103 * KB },
  // 664.3 KB when lowered (was 748: compact word list and tables); some room for the packs'
  // JSON, which grows with every typo pair an office or the team adds.
  { name: 'whole package', imports: 'import * as govpub from "govpub"; console.log(govpub);', budget: 150 * KB, ceiling: 700 * KB },
  { name: 'importDocx (page that reads Word files)', imports: 'import { importDocx } from "govpub"; console.log(importDocx);', budget: 150 * KB, ceiling: 150 * KB },
];

/** The measured sizes of one page. */
export interface PageSize {
  name: string;
  /** Minified bytes loaded up front (entry + static imports). */
  minified: number;
  /** The same, gzipped. */
  gzip: number;
  /** Gzip bytes of chunks only loaded on demand (dynamic import()). */
  lazyGzip: number;
  budget: number;
  ceiling: number;
  /** The largest inputs of the up-front code, by minified bytes, for finding what to trim. */
  largest: { path: string; bytes: number }[];
}

/** Bundles one page and measures it. */
export async function measurePage(page: Page): Promise<PageSize> {
  const dir = mkdtempSync(join(tmpdir(), 'govpub-size-'));
  try {
    const entry = join(dir, 'page.js');
    writeFileSync(entry, page.imports);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir: join(dir, 'out'),
      write: false,
      metafile: true,
      logLevel: 'silent',
      alias: { govpub: DIST },
      // Node built-ins that some dependencies mention in code paths a browser never takes.
      external: ['node:*'],
    });
    const meta: Metafile = result.metafile;
    const files = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
    const entryOut = Object.entries(meta.outputs).find(([, o]) => o.entryPoint !== undefined)?.[0];
    if (!entryOut) throw new Error('esbuild produced no entry output');
    // Up front: the entry and everything it imports statically, transitively.
    const upFront = new Set<string>();
    const visit = (out: string) => {
      if (upFront.has(out)) return;
      upFront.add(out);
      for (const imp of meta.outputs[out]?.imports ?? []) if (imp.kind === 'import-statement') visit(imp.path);
    };
    visit(entryOut);
    const contents = (out: string) => files.get(resolve(out)) ?? new Uint8Array();
    const gz = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;
    let minified = 0;
    let gzip = 0;
    let lazyGzip = 0;
    const inputs = new Map<string, number>();
    for (const out of Object.keys(meta.outputs)) {
      if (out.endsWith('.map')) continue;
      const bytes = contents(out);
      if (upFront.has(out)) {
        minified += bytes.length;
        gzip += gz(bytes);
        for (const [path, info] of Object.entries(meta.outputs[out]!.inputs)) inputs.set(path, (inputs.get(path) ?? 0) + info.bytesInOutput);
      } else {
        lazyGzip += gz(bytes);
      }
    }
    const largest = [...inputs].map(([path, bytes]) => ({ path: path.replace(/^.*node_modules\//, ''), bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 8);
    return { name: page.name, minified, gzip, lazyGzip, budget: page.budget, ceiling: page.ceiling, largest };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync(DIST)) {
    console.error('dist/index.js is missing: run `npm run build` first.');
    process.exit(2);
  }
  const verbose = process.argv.includes('--verbose');
  let over = 0;
  const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
  console.log('page'.padEnd(44), 'minified'.padStart(10), 'gzip'.padStart(10), 'budget'.padStart(10), 'lazy gzip'.padStart(10));
  for (const page of PAGES) {
    const size = await measurePage(page);
    const ok = size.gzip <= size.budget;
    const underCeiling = size.gzip <= size.ceiling;
    if (!underCeiling) over++;
    console.log(
      size.name.padEnd(44),
      kb(size.minified).padStart(10),
      kb(size.gzip).padStart(10),
      kb(size.budget).padStart(10),
      kb(size.lazyGzip).padStart(10),
      ok ? 'ok' : underCeiling ? `over budget (ceiling ${kb(size.ceiling)})` : `OVER CEILING ${kb(size.ceiling)}`,
    );
    if (verbose || !ok) for (const input of size.largest) console.log(`    ${kb(input.bytes).padStart(9)}  ${input.path}`);
  }
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  console.log(`govpub ${pkg.version}; esbuild browser bundle, minified, gzip -9. Lazy chunks load only when used.`);
  process.exit(over ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
