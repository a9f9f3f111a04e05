import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyBanner } from '../../src/demo/banner.js';
import { startDemo, type DemoWorld } from '../../src/demo/start-demo.js';
import { hasChromium, launchBrowser, screenshot } from '../e2e/support/browser.js';
import { buildConsole } from '../e2e/support/console-build.js';
import { logIn, openConsole, type ConsoleTab } from '../e2e/support/console-page.js';

const DEVICES = 10;
/** Ample for five devices that check in every few seconds; a stuck rollout fails well before the test's own timeout. */
const ROLLOUT_TIMEOUT_MS = 90_000;
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/demo', import.meta.url));

/** What the banner tells a newcomer to do: who to log in as, which app, which file. */
interface BannerAdvice {
  readonly password: string;
  readonly username: string;
  readonly appName: string;
  readonly replacementFile: string;
}

function adviceIn(banner: string): BannerAdvice {
  const password = /password "([^"]+)"/.exec(banner)?.[1];
  const replacementFile = /To try a renewal, upload\n\s+(\S+)\n/.exec(banner)?.[1];
  const target = /on the Files tab of (.+) \(as (\S+)\)/.exec(banner);
  if (password === undefined || replacementFile === undefined || target?.[1] === undefined || target[2] === undefined) {
    throw new Error(`the banner does not say how to try a renewal:\n${banner}`);
  }
  return { password, username: target[2], appName: target[1], replacementFile };
}

/**
 * `npm run demo` as a newcomer meets it, with ten devices: the console in Debian's chromium, the
 * renewal the banner suggests done exactly as it says, and the rollout followed to the end while
 * the demo's own fleet installs the profile. Screenshots of each step go to test-results/demo/.
 */
describe.skipIf(!hasChromium)('demo mode in the web console', { timeout: ROLLOUT_TIMEOUT_MS + 60_000 }, () => {
  let dataDir: string;
  let world: DemoWorld;
  let advice: BannerAdvice;
  let browser: Browser;
  let tab: ConsoleTab;

  beforeAll(async () => {
    buildConsole();
    dataDir = mkdtempSync(path.join(tmpdir(), 'provisio-demo-console-'));
    world = await startDemo({ dataDir, port: 0, devices: DEVICES });
    advice = adviceIn(readyBanner(world, 0));
    browser = await launchBrowser();
    tab = await openConsole(browser, world.url, 'nl-NL');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
    rmSync(dataDir, { recursive: true, force: true });
    expect(tab?.scriptErrors).toEqual([]);
    expect(tab?.consoleErrors).toEqual([]);
  });

  const shot = (page: Page, name: string) => screenshot(page, name, SCREENSHOTS);

  it('renews the shared profile as the banner says and follows the rollout to 100%', async () => {
    const { page } = tab;
    await page.getByRole('heading', { name: 'Aanmelden bij Provisio' }).waitFor();
    await logIn(page, advice.username, advice.password);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await shot(page, 'demo-01-dashboard-nl');

    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Intern' }).click();
    const app = page.getByRole('row', { name: new RegExp(advice.appName) });
    await app.getByRole('link', { name: '(Vervalt over 45 dagen)' }).waitFor();
    await shot(page, 'demo-02-internal-apps-nl');
    await app.getByRole('link', { name: advice.appName }).click();
    await page.getByRole('link', { name: 'Bestanden' }).click();
    await page.getByRole('button', { name: 'Vernieuwen' }).click();
    await page.getByLabel('Vervangend provisioningprofiel (.mobileprovision)').setInputFiles(advice.replacementFile);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('heading', { name: 'Wat de vernieuwing verandert' }).waitFor();
    await page.getByLabel('Het provisioningprofiel updaten voor alle applicaties').check();
    await shot(page, 'demo-03-renewal-plan-nl');
    await page.getByRole('button', { name: 'Vernieuwing toepassen' }).click();

    const card = page.getByRole('region', { name: /^Vernieuwing van “/ });
    await card.getByRole('link', { name: 'Toestellen per status' }).click();
    await page.getByRole('heading', { level: 1, name: /^Vernieuwing van “/ }).waitFor();
    await shot(page, 'demo-04-rollout-started-nl');
    await page.getByText('Voltooid: elk toestel heeft het nieuwe profiel en het oude is verwijderd.').waitFor({ timeout: ROLLOUT_TIMEOUT_MS });
    expect(await page.getByRole('progressbar').getAttribute('value')).toBe('100');
    await shot(page, 'demo-05-rollout-complete-nl');

    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Intern' }).click();
    for (const name of ['Field Service', 'Timesheets', 'Inventory']) {
      await page.getByRole('row', { name: new RegExp(name) }).getByRole('link', { name: '(Vervalt over 365 dagen)' }).waitFor();
    }
    await shot(page, 'demo-06-internal-apps-renewed-nl');
  });
});
