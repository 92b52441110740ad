/**
 * Opens the reviewers' preview in headless Chromium (Debian's, with fonts-noto-cjk) and
 * checks that what a reviewer must see is really on screen: every highlighted span has a
 * non-empty box inside the viewport once scrolled to, the CJK font is there, and the whole
 * WeChat article fits inside its phone frame (nothing cut). Saves one picture per channel and
 * one of the summary as docs/images/preview-*.png with GOVPUB_UPDATE_SCREENSHOTS=1 (else in
 * a temporary folder). Skipped locally without /usr/bin/chromium; fails under CI without it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPresent, launchChromium, screenshotPath } from './launch';
import { formatAll, renderPreview } from '../../src/index';
import { PREVIEW_ACCOUNTS, PREVIEW_ARTICLE, previewFindings } from '../channels/preview-fixture';

const CHANNELS = ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'] as const;

describe.runIf(chromiumPresent || process.env.CI)('the preview in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const viewport = { width: 1400, height: 900 };

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport });
    await page.route('**/*', (route) => route.abort());
    const outputs = formatAll(PREVIEW_ARTICLE, [...CHANNELS], { sms: { signature: '滨江市人民政府' } });
    const html = renderPreview(outputs, { findings: previewFindings(), article: PREVIEW_ARTICLE, accounts: PREVIEW_ACCOUNTS, title: '渠道预览 · 元旦春节供暖通知' });
    await page.setContent(html, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('has the CJK font the pictures are made with', async () => {
    expect(await page.evaluate(() => document.fonts.check('14px "Noto Sans CJK SC"'))).toBe(true);
  });

  it('shows every highlighted span, inside the viewport once scrolled to', async () => {
    const marks = page.locator('mark');
    const count = await marks.count();
    // Every channel but the feed (shown as raw XML) highlights something of this notice.
    expect(count).toBeGreaterThanOrEqual(10);
    for (const channel of CHANNELS.filter((c) => c !== 'rss')) {
      expect(await page.locator(`section[data-channel="${channel}"] mark`).count(), channel).toBeGreaterThan(0);
    }
    for (let i = 0; i < count; i++) {
      const mark = marks.nth(i);
      await mark.scrollIntoViewIfNeeded();
      const box = await mark.boundingBox();
      const text = await mark.textContent();
      expect(box, `mark ${i} “${text}”`).not.toBeNull();
      expect(box!.width, `width of “${text}”`).toBeGreaterThan(4);
      expect(box!.height, `height of “${text}”`).toBeGreaterThan(8);
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
      // Its number is beside it, and its message on hover.
      expect(await mark.getAttribute('title')).toMatch(/（[\w/-]+）$/);
    }
  });

  it('shows the whole WeChat article inside the phone frame', async () => {
    const phone = await page.locator('section[data-channel="wechat"] .phone').boundingBox();
    const last = await page.locator('section[data-channel="wechat"] .wx-content > *').last().boundingBox();
    expect(phone && last).toBeTruthy();
    expect(last!.y + last!.height).toBeLessThanOrEqual(phone!.y + phone!.height);
    const clipped = await page.locator('section[data-channel="wechat"] .phone').evaluate((el) => el.scrollHeight > el.clientHeight + 1);
    expect(clipped).toBe(false);
  });

  it('puts the verdict first and saves the pictures', async () => {
    const summary = page.locator('#summary');
    await summary.scrollIntoViewIfNeeded();
    expect(await summary.locator('h2').textContent()).toMatch(/^不能发布/);
    const summaryBox = await summary.boundingBox();
    const gridBox = await page.locator('.grid').boundingBox();
    expect(summaryBox!.y).toBeLessThan(gridBox!.y);
    await summary.screenshot({ path: screenshotPath('preview-summary.png') });
    for (const channel of CHANNELS) {
      await page.locator(`section[data-channel="${channel}"]`).screenshot({ path: screenshotPath(`preview-${channel}.png`) });
    }
  });
});
