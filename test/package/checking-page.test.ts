import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// A browser page that checks wording, bundled from the built package as a host's bundler would:
// it must work without zod's classic API (English messages all the same) and without the
// roster's reading table, which loads only with defineRoster. scripts/size.ts weighs the page;
// this checks what it does.
const root = fileURLToPath(new URL('../../', import.meta.url));
const built = existsSync(`${root}dist/index.js`);
if (!built && process.env.CI) throw new Error('dist/ is missing: CI must run `npm run build` before the tests');

async function bundlePage(source: string): Promise<{ code: string; run: () => Promise<unknown> }> {
  const dir = mkdtempSync(join(tmpdir(), 'govpub-page-'));
  const entry = join(dir, 'page.mjs');
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    alias: { govpub: `${root}dist/index.js` },
    external: ['node:*'],
  });
  const code = result.outputFiles[0]!.text;
  const out = join(dir, 'out.mjs');
  writeFileSync(out, code);
  return {
    code,
    run: async () => {
      try {
        return ((await import(pathToFileURL(out).href)) as { result: unknown }).result;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const CHECKS = `
const roster = { id: 'city', leaders: [{ name: '王建华', titles: ['市长'] }] };
const failure = (run) => { try { run(); return null; } catch (e) { return [e.code, e.message]; } };
export const result = {
  findings: checkCaliber('北京, 上海', zhGovRules).map((f) => f.ruleId),
  sensitive: detectSensitive('电话13812345678').map((f) => f.kind),
  text: failure(() => checkCaliber(1, zhGovRules)),
  options: failure(() => detectSensitive('x', { minConfidence: 2 })),
  roster: failure(() => checkCaliber('市长王健华出席', [], { roster })),
  defined: typeof defineRoster === 'function' ? checkCaliber('市长王健华出席', [], { roster: defineRoster(roster) }).map((f) => f.ruleId) : null,
};`;

describe.skipIf(!built)('a page that checks wording, bundled from dist/', () => {
  it('loads neither the classic zod API nor the reading table, and reports in English', async () => {
    const page = await bundlePage(`import { checkCaliber, detectSensitive, zhGovRules } from 'govpub';\nconst defineRoster = undefined;\n${CHECKS}`);
    expect(page.code).not.toContain('zod/v4/classic');
    expect(page.code).not.toContain('ROSTER_READINGS');
    expect(await page.run()).toEqual({
      findings: ['zh-gov/halfwidth-comma'],
      sensitive: ['mobile'],
      text: ['VALIDATION', 'Invalid caliber text: Invalid input: expected string, received number'],
      options: ['VALIDATION', 'Invalid detectSensitive options: minConfidence: Too big: expected number to be <=1'],
      roster: ['VALIDATION', 'Invalid caliber options: roster: expected a roster made with defineRoster (import defineRoster from govpub to pass plain roster JSON)'],
      defined: null,
    });
  });

  it('checks names against a roster once it imports defineRoster, plain roster JSON included', async () => {
    const page = await bundlePage(`import { checkCaliber, defineRoster, detectSensitive, zhGovRules } from 'govpub';\n${CHECKS}`);
    expect(page.code).toContain('ROSTER_READINGS');
    const result = (await page.run()) as Record<string, unknown>;
    expect(result.roster).toBeNull();
    expect(result.defined).toEqual(['roster/name-variant']);
  });
});
