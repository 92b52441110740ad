/**
 * govpub in a real browser: esbuild bundles the package for the browser (the built
 * dist/index.js when present, else the source) with a page script that runs a whole
 * lifecycle on memoryAdapter(): createDraft → submit → three reviews (三审) → publish, then
 * verifies the audit chain. Headless Chromium runs it; the page reports what it saw. The
 * bundle is split as a host's bundler splits it, so the page fetches the word tables only when
 * the submit gate needs them.
 *
 * Needs Debian's chromium at /usr/bin/chromium (scripts/install-chromium.sh). Without it the
 * suite is skipped locally and fails under CI (process.env.CI set).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from './launch';

const present = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GOVPUB = existsSync(`${ROOT}dist/index.js`) ? `${ROOT}dist/index.js` : `${ROOT}src/index.ts`;

if (!present && !inCi) console.warn(`[test/browser/lifecycle] SKIPPED: ${CHROMIUM} not found. Run scripts/install-chromium.sh.`);

describe.runIf(!present && inCi)('headless Chromium for the lifecycle test (CI)', () => {
  it('is installed', () => {
    throw new Error(`${CHROMIUM} is missing under CI; run scripts/install-chromium.sh before the tests`);
  });
});

const browserDictionaries: Plugin = {
  name: 'browser-dictionaries',
  setup(b) {
    b.onResolve({ filter: /[\\/]dictionaries[\\/]eager$/ }, () => ({ path: `${ROOT}src/caliber/lexicon/dictionaries/deferred.ts` }));
  },
};

// The page script: plain govpub API calls, its outcome left on window for the test to read.
const PAGE_SCRIPT = `
import { createPublisher, dictionariesLoaded, memoryAdapter, isGovpubError } from 'govpub';

async function lifecycle() {
  let t = Date.parse('2026-03-01T08:00:00Z');
  let n = 0;
  const publisher = createPublisher({ storage: memoryAdapter(), clock: () => new Date((t += 60000)), idGenerator: () => 'doc-' + ++n });
  const author = { id: 'zhang.wei', roles: ['author'], department: 'office' };
  const steps = [
    { id: 'li.na', roles: ['reviewer'], department: 'office' },
    { id: 'wang.fang', roles: ['reviewer'], department: 'office' },
    { id: 'zhao.lei', roles: ['approver'], department: 'office' },
  ];
  const draft = await publisher.createDraft({ title: '关于临时停水的通知', body: '3月5日8时至18时，城区**部分区域**停水。', level: 'public', channels: ['wechat', 'website'] }, author);
  // The word tables arrive with the first check that needs them (the submit gate), not with the page.
  const tablesBefore = dictionariesLoaded();
  const fetchedBefore = performance.getEntriesByType('resource').map((e) => e.name);
  await publisher.submit(draft.id, author);
  const tablesAfter = dictionariesLoaded();
  let selfReview = null;
  try { await publisher.review(draft.id, author, { decision: 'approve' }); } catch (e) { selfReview = isGovpubError(e) ? e.code : String(e); }
  for (const reviewer of steps) await publisher.review(draft.id, reviewer, { decision: 'approve' });
  const { document, outputs } = await publisher.publish(draft.id, { id: 'sun.li', roles: ['publisher'] });
  const history = await publisher.history(draft.id);
  const verified = await publisher.verifyHistory(draft.id);
  return {
    state: document.state,
    selfReview,
    channels: outputs.map((o) => o.channel),
    ok: outputs.map((o) => o.ok),
    website: outputs.find((o) => o.channel === 'website')?.payload.html,
    events: history.map((e) => e.type),
    verified: verified.ok,
    tablesBefore,
    tablesAfter,
    fetchedBefore,
    fetchedAfter: performance.getEntriesByType('resource').map((e) => e.name),
    userAgent: navigator.userAgent,
  };
}

lifecycle().then((r) => { window.__result = r; }, (e) => { window.__error = String(e && e.stack || e); });
`;

describe.runIf(present)('a full lifecycle inside Chromium', () => {
  let browser: Browser;
  // The page's files by URL path, as a host's bundler splits them (the word tables in a chunk of their own).
  let files: Map<string, string>;
  let tablesChunk: string;

  beforeAll(async () => {
    const result = await build({
      stdin: { contents: PAGE_SCRIPT, resolveDir: ROOT, loader: 'js', sourcefile: 'page.js' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir: '/out',
      entryNames: 'page',
      write: false,
      alias: { govpub: GOVPUB },
      // Word import loads these on demand only; the lifecycle never does.
      external: ['mammoth', 'jszip'],
      // From src/ (no dist yet), the browser's door to the word tables as the built package
      // maps it (package.json `#dictionaries`; tsup.config.ts).
      plugins: GOVPUB.endsWith('.ts') ? [browserDictionaries] : [],
      logLevel: 'silent',
    });
    files = new Map(result.outputFiles.map((f) => [f.path.replace(/^.*\/out\//, '/'), f.text]));
    // The homophone table's groups (`|ai1:`) mark the word tables.
    tablesChunk = [...files].find(([, text]) => text.includes('|ai1:'))![0];
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('creates, submits, reviews three times and publishes on memoryAdapter()', { timeout: 120_000 }, async () => {
    const context = await browser.newContext();
    try {
      // A made-up origin served from here: nothing leaves the machine.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url === 'http://govpub.test/') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>' });
        const file = files.get(new URL(url).pathname);
        if (file !== undefined) return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: file });
        return route.abort();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto('http://govpub.test/');
      await page.waitForFunction(() => (window as unknown as { __result?: unknown; __error?: unknown }).__result !== undefined || (window as unknown as { __error?: unknown }).__error !== undefined, undefined, { timeout: 60_000 });
      const { result, error } = await page.evaluate(() => ({ result: (window as unknown as { __result?: unknown }).__result, error: (window as unknown as { __error?: string }).__error }));
      expect(errors).toEqual([]);
      expect(error).toBeUndefined();
      expect(result).toMatchObject({
        state: 'published',
        selfReview: 'FORBIDDEN',
        channels: ['wechat', 'website'],
        ok: [true, true],
        events: ['created', 'submitted', 'approved', 'approved', 'approved', 'published'],
        verified: true,
      });
      expect((result as { website: string }).website).toContain('<strong>部分区域</strong>');
      expect((result as { userAgent: string }).userAgent).toMatch(/Chrome/);
      // Fetched by the submit gate, not with the page.
      const fetched = result as { tablesBefore: boolean; tablesAfter: boolean; fetchedBefore: string[]; fetchedAfter: string[] };
      expect(fetched.tablesBefore).toBe(false);
      expect(fetched.tablesAfter).toBe(true);
      expect(fetched.fetchedBefore).not.toContain(`http://govpub.test${tablesChunk}`);
      expect(fetched.fetchedAfter).toContain(`http://govpub.test${tablesChunk}`);
    } finally {
      await context.close();
    }
  });
});
