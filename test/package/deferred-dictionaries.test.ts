import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

// The word tables of zhGovNonWords and zhGovDeDiDe (~360 KB gzip) reach a browser page only on
// loadDictionaries(): the built package imports them as `#dictionaries`, which package.json maps
// to the deferred module under the `browser` condition. These tests bundle pages from dist/ as a
// host's bundler would (esbuild, browser platform, code splitting), run them here, and compare
// what they find with what Node finds with the tables loaded at once.
const root = fileURLToPath(new URL('../../', import.meta.url));
const built = existsSync(`${root}dist/index.js`);
if (!built && process.env.CI) throw new Error('dist/ is missing: CI must run `npm run build` before the tests');

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Bundles `source` into files in a temporary folder; returns the page's exports and the chunks it loads up front and on demand. */
async function bundlePage(source: string) {
  const dir = mkdtempSync(join(tmpdir(), 'govpub-deferred-'));
  dirs.push(dir);
  const entry = join(dir, 'page.mjs');
  writeFileSync(entry, source);
  const out = join(dir, 'out');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: out,
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'silent',
    alias: { govpub: `${root}dist/index.js` },
    external: ['node:*'],
  });
  const outputs = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((o) => outputs[o]!.entryPoint !== undefined)!;
  const upFront = new Set<string>();
  const visit = (o: string) => {
    if (upFront.has(o)) return;
    upFront.add(o);
    for (const i of outputs[o]!.imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(entryOut);
  const large = Object.keys(outputs).filter((o) => outputs[o]!.bytes > 100_000);
  return {
    upFront: [...upFront].map((o) => basename(o)),
    wordTableChunks: large.filter((o) => readFileSync(resolve(o), 'utf8').includes('|ai1:')).map((o) => basename(o)),
    load: async () => (await import(pathToFileURL(resolve(entryOut)).href)) as Record<string, unknown>,
  };
}

const require = createRequire(import.meta.url);

// Draft text with a non-word only the detector finds (准被 → 准备), a 的/地/得 slip (组织的很周密
// → 得) and a typo the literal pack knows (峻工 → 竣工).
const TEXT = '做好防汛抗旱准被工作。这次培训组织的很周密。新门诊楼已于9月底峻工。';

describe.skipIf(!built)('the word tables in a browser bundle', () => {
  it('load on loadDictionaries(), not with the page; checks before that fail with a clear VALIDATION', async () => {
    const page = await bundlePage(`
import { checkCaliber, defaultRuleSets, dictionariesLoaded, findNonWords, loadDictionaries, zhGovRules, zhGovTypos } from 'govpub';
const failure = (run) => { try { run(); return null; } catch (e) { return { code: e.code, path: e.details?.issues?.[0]?.path, message: e.message }; } };
export async function run(text) {
  const before = {
    loaded: dictionariesLoaded(),
    defaults: failure(() => checkCaliber(text, defaultRuleSets)),
    findNonWords: failure(() => findNonWords(text)),
    // Packs that read no word table work at once.
    light: checkCaliber(text, [zhGovRules, zhGovTypos]).map((f) => f.ruleId),
  };
  await Promise.all([loadDictionaries(), loadDictionaries()]);
  return {
    before,
    loaded: dictionariesLoaded(),
    findings: checkCaliber(text, defaultRuleSets).map((f) => [f.ruleId, f.start, f.end, f.message]),
    nonWords: findNonWords(text),
  };
}`);
    // The entry and what it imports statically never hold the word tables (the homophone table's
    // groups, `|ai1:`, mark them); a chunk of its own does.
    expect(page.wordTableChunks).toHaveLength(1);
    expect(page.upFront).not.toContain(page.wordTableChunks[0]);

    const { run } = (await page.load()) as { run: (text: string) => Promise<Record<string, unknown>> };
    const result = await run(TEXT);
    const node = await import(pathToFileURL(`${root}dist/index.js`).href);
    expect(result).toEqual({
      before: {
        loaded: false,
        defaults: { code: 'VALIDATION', path: ['dictionaries'], message: expect.stringContaining('await loadDictionaries()') },
        findNonWords: { code: 'VALIDATION', path: ['dictionaries'], message: expect.stringContaining('await loadDictionaries()') },
        light: node.checkCaliber(TEXT, [node.zhGovRules, node.zhGovTypos]).map((f: { ruleId: string }) => f.ruleId),
      },
      loaded: true,
      findings: node.checkCaliber(TEXT, node.defaultRuleSets).map((f: { ruleId: string; start: number; end: number; message: string }) => [f.ruleId, f.start, f.end, f.message]),
      nonWords: node.findNonWords(TEXT),
    });
    // The three slips are all there: the comparison above is not between two empty lists.
    expect((result.findings as string[][]).map((f) => f[0])).toEqual(
      expect.arrayContaining(['zh-gov-non-words/non-word', 'zh-gov-de-di-de/complement-de', 'zh-gov-typos/typos-words']),
    );
  });

  it('are loaded by a publisher itself: submit reports what the tables find', async () => {
    const page = await bundlePage(`
import { createPublisher, dictionariesLoaded, memoryAdapter } from 'govpub';
export async function run(text) {
  const publisher = createPublisher({ storage: memoryAdapter() });
  const author = { id: 'zhang.wei', roles: ['author'], department: 'office' };
  const draft = await publisher.createDraft({ title: '工作动态', body: text, level: 'public', channels: ['website'] }, author);
  const before = dictionariesLoaded();
  const submitted = await publisher.submit(draft.id, author);
  return { before, after: dictionariesLoaded(), state: submitted.state, rules: submitted.findings.map((f) => f.ruleId) };
}`);
    const { run } = (await page.load()) as { run: (text: string) => Promise<{ before: boolean; after: boolean; state: string; rules: string[] }> };
    // 准被 and 的 are warnings, so the draft goes to review carrying them.
    const result = await run('做好防汛抗旱准被工作。这次培训组织的很周密。');
    expect(result).toMatchObject({ before: false, after: true, state: 'in_review' });
    expect(result.rules).toEqual(expect.arrayContaining(['zh-gov-non-words/non-word', 'zh-gov-de-di-de/complement-de']));
  });

  it('stay in the package for Node and CommonJS: the default import condition loads them at once', async () => {
    const esm = await import(pathToFileURL(`${root}dist/index.js`).href);
    expect(esm.dictionariesLoaded()).toBe(true);
    expect(esm.checkCaliber(TEXT, esm.defaultRuleSets).map((f: { ruleId: string }) => f.ruleId)).toContain('zh-gov-non-words/non-word');
    const cjs = require(`${root}dist/index.cjs`);
    expect(cjs.dictionariesLoaded()).toBe(true);
    await expect(cjs.loadDictionaries()).resolves.toBeUndefined();
    expect(cjs.checkCaliber(TEXT, cjs.defaultRuleSets).map((f: { ruleId: string }) => f.ruleId)).toContain('zh-gov-non-words/non-word');
  });
});
