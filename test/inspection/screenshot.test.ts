/**
 * Opens the inspection report in headless Chromium (Debian's, with fonts-noto-cjk) and checks
 * every chart actually renders: each SVG has a non-empty box, and so do its marks (calendar
 * squares, gap bars, the limit lines, hour bars, month bars). Saves
 * docs/images/inspection-report.png for readers of docs/inspection.md.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, screenshotPath } from '../browser/launch';
import { inspect, renderInspectionReport } from '../../src/inspection/index';
import { ACCOUNTS, YEAR, yearOfRecords } from './fixtures';


describe.runIf(existsSync(CHROMIUM) || process.env.CI)('inspection report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders every chart with visible marks', async () => {
    const result = inspect({ records: yearOfRecords(), accounts: ACCOUNTS, ...YEAR, holidays: ['2024-10-01', '2024-10-02', '2024-10-03'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    try {
      await page.route('**/*', (route) => route.abort());
      await page.setContent(renderInspectionReport(result), { waitUntil: 'load' });
      for (const selector of ['svg.gaps', 'svg.hours', 'svg.originality']) {
        const box = await page.locator(selector).boundingBox();
        expect(box && box.width > 100 && box.height > 50, selector).toBe(true);
      }
      const calendars = page.locator('svg.calendar');
      expect(await calendars.count()).toBe(ACCOUNTS.length);
      for (let i = 0; i < ACCOUNTS.length; i++) {
        const box = await calendars.nth(i).boundingBox();
        expect(box && box.width > 600 && box.height > 80).toBe(true);
      }
      const sizes = async (selector: string) =>
        page.locator(selector).evaluateAll((els) => els.map((el) => {
          const r = el.getBoundingClientRect();
          return r.width * r.height;
        }));
      const visible = (xs: number[]) => xs.filter((a) => a > 0).length;
      expect(visible(await sizes('rect.day'))).toBe(366 * ACCOUNTS.length);
      expect(visible(await sizes('rect.gap-bar:not(.current)'))).toBeGreaterThanOrEqual(4);
      // A vertical line's box has no width (stroke is not geometry): its height must show.
      const limitHeights = await page.locator('line.limit').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
      expect(limitHeights.filter((h) => h > 10)).toHaveLength(ACCOUNTS.length);
      expect(visible(await sizes('rect.hour-bar'))).toBeGreaterThan(10);
      expect(visible(await sizes('rect.month-bar.original'))).toBe(12);
      await page.screenshot({ path: screenshotPath('inspection-report.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
