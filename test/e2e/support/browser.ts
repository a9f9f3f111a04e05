import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium; the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests can run here. */
export const hasChromium = existsSync(CHROMIUM);

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where step screenshots go (gitignored), to be looked at after a run. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-results/screenshots', import.meta.url));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A fresh browser profile (no cookies, no storage) whose preferred language is `locale`. */
export function newVisitor(browser: Browser, baseURL: string, locale: 'nl-NL' | 'en-US'): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale, timezoneId: 'Europe/Amsterdam', viewport: { width: 1360, height: 900 } });
}

/** Saves the page as `<name>.png` in the screenshot folder (or in `folder`). */
export async function screenshot(page: Page, name: string, folder: string = SCREENSHOT_DIR): Promise<void> {
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
}
