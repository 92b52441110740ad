/**
 * Opens the trace page in headless Chromium (Debian's, with fonts-noto-cjk) and checks the
 * changed facts are actually visible: each highlighted fact has a non-empty box inside the
 * viewport's width. Saves docs/images/trace.png for readers of docs/trace.md.
 * Skipped locally without /usr/bin/chromium; fails under CI without it.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, screenshotPath } from '../browser/launch';
import { compareWithRevision, renderTrace } from '../../src/trace/index';
import { WATER_NOTICE } from './fixtures';

const present = existsSync(CHROMIUM);

describe.runIf(present || process.env.CI)('trace page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the changed facts highlighted', async () => {
    const lines = WATER_NOTICE.body.split('\n');
    const copy = [
      WATER_NOTICE.title,
      ...lines.slice(0, 5).map((l) => l.replace('3.2万户', '5.2万户').replace('局长王明', '副局长王敏')),
      '记者注意到，此次停水时间较以往缩短，多数居民对管网改造施工表示理解和支持。',
    ].join('\n');
    const result = compareWithRevision(copy, WATER_NOTICE);
    expect(result.changes.length).toBe(3);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.route('**/*', (route) => route.abort());
      await page.setContent(renderTrace(result), { waitUntil: 'load' });
      // Per fact and side, the union of its pieces' boxes.
      const boxes: { width: number; height: number; right: number }[] = [];
      for (const [i, c] of result.changes.entries()) {
        for (const [side, span] of [['original', c.originalSpan], ['copy', c.copySpan]] as const) {
          if (!span) continue;
          const rects = await page.locator(`#${side} .fact-${i}`).evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
          expect(rects.length).toBeGreaterThan(0);
          const left = Math.min(...rects.map((r) => r.left));
          const top = Math.min(...rects.map((r) => r.top));
          const right = Math.max(...rects.map((r) => r.right));
          const bottom = Math.max(...rects.map((r) => r.bottom));
          boxes.push({ width: right - left, height: bottom - top, right });
        }
      }
      expect(boxes).toHaveLength(6);
      for (const b of boxes) {
        expect(b.width).toBeGreaterThan(4);
        expect(b.height).toBeGreaterThan(4);
        expect(b.right).toBeLessThanOrEqual(1280);
      }
      // The summary table's changed values are rendered, not clipped.
      const now = await page.locator('td.now').first().boundingBox();
      expect(now && now.width > 4 && now.height > 4).toBe(true);
      await page.screenshot({ path: screenshotPath('trace.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
