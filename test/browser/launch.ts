// One way every browser test starts Chromium and stores its pictures.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (scripts/install-chromium.sh installs it with the Noto CJK fonts). */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether Chromium is installed here. */
export const chromiumPresent = existsSync(CHROMIUM);

/**
 * Headless Chromium with this machine's closed network in mind: without the
 * background-networking flags it keeps trying to reach Google's hosts.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Where a screenshot goes: docs/images when GOVPUB_UPDATE_SCREENSHOTS is set (the pictures
 * readers see are refreshed on request only), else a temporary folder, so a test run leaves
 * the tree clean.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.GOVPUB_UPDATE_SCREENSHOTS ? 'docs/images' : join(tmpdir(), 'govpub-screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
