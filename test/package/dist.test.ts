import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built package, as the outside acceptance suite and every user sees it. `npm test` on a
// machine without a build skips this file; CI builds first, and there a missing build fails.
const root = fileURLToPath(new URL('../../', import.meta.url));
const built = existsSync(`${root}dist/index.js`) && existsSync(`${root}dist/index.cjs`);
if (!built && process.env.CI) throw new Error('dist/ is missing: CI must run `npm run build` before the tests');
const require = createRequire(import.meta.url);

/** The names DESIGN.md promises outside code, per entry point. */
const CONTRACT = {
  index: [
    'GovpubError', 'isGovpubError',
    'defineRuleSet', 'checkCaliber', 'applyFixes', 'zhGovRules',
    'LEVELS', 'compareLevels', 'parseMarking', 'detectSensitive', 'redact',
    'createDuplicateIndex', 'loadDuplicateIndex', 'originality',
    'formatFor', 'formatAll', 'defineChannel', 'renderFeed',
    'createPublisher', 'memoryAdapter',
  ],
  testing: ['runAdapterConformance'],
  postgres: ['postgresAdapter', 'migrate'],
} as const;

describe.skipIf(!built)('the built package', () => {
  for (const [entry, names] of Object.entries(CONTRACT)) {
    it(`exports the contract names of ${entry} from ESM and CommonJS alike`, async () => {
      const esm = (await import(`${root}dist/${entry}.js`)) as Record<string, unknown>;
      const cjs = require(`${root}dist/${entry}.cjs`) as Record<string, unknown>;
      for (const name of names) {
        expect(esm[name], `ESM ${entry}.${name}`).toBeDefined();
        expect(cjs[name], `CJS ${entry}.${name}`).toBeDefined();
      }
      expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    });
  }

  it('runs a publish from each build and recognises errors across the two copies', async () => {
    const esm = await import(`${root}dist/index.js`);
    const cjs = require(`${root}dist/index.cjs`);
    expect(cjs.GovpubError).not.toBe(esm.GovpubError);
    for (const lib of [esm, cjs]) {
      const publisher = lib.createPublisher({ storage: lib.memoryAdapter(), caliber: false });
      const doc = await publisher.createDraft({ title: '通知', body: '正文。', level: 'public' }, { id: 'a', roles: ['author'] });
      const error = await publisher.submit(doc.id, { id: 'b', roles: ['reviewer'] }).catch((e: unknown) => e);
      expect(esm.isGovpubError(error) && cjs.isGovpubError(error)).toBe(true);
    }
  });

  it('loads govpub/testing from CommonJS for other runners, and says why the vitest suite needs ESM', async () => {
    const testing = require(`${root}dist/testing.cjs`);
    const { memoryAdapter } = require(`${root}dist/index.cjs`);
    const results: { status: string }[] = await testing.runConformanceChecks({ name: 'memory', factory: () => memoryAdapter() });
    expect(results.length).toBeGreaterThan(30);
    expect(results.every((r) => r.status !== 'failed')).toBe(true);
    expect(() => testing.runAdapterConformance({ name: 'memory', factory: () => memoryAdapter() })).toThrow(/ES module/);
  });
});
