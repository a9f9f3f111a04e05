import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFixture, codeSigner, profileFor } from '../catalog/fixtures.js';
import { hasChromium, screenshot } from './support/browser.js';
import { ConsoleBrowser } from './support/console-browser.js';
import { buildConsole } from './support/console-build.js';
import { bottomOf, layoutShift, logIn, rowNames } from './support/console-page.js';
import { SEED_PASSWORD, seedWorld, type SeededWorld } from './support/seed-world.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const INTERNAL_APPS = '/apps/native/internal';

/**
 * The console in a real browser (Debian's chromium) against a real server on SQLite, seeded
 * through the public API. Each step saves a screenshot under test-results/screenshots/.
 */
describe.skipIf(!hasChromium)('web console', { timeout: 90_000 }, () => {
  let server: TestServer;
  let world: SeededWorld;
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    buildConsole();
    server = await startTestServer();
    world = await seedWorld(server.url);
    browser = await ConsoleBrowser.launch(server.url);
  }, 120_000);

  afterAll(async () => {
    const scriptErrors = await browser?.close();
    await server?.stop();
    expect(scriptErrors ?? []).toEqual([]);
  });

  async function goToInternalApps(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: /^(Hoofdnavigatie|Main navigation)$/ }).getByRole('link', { name: /^(Intern|Internal)$/ }).click();
    await page.getByRole('heading', { level: 1, name: /^(Interne apps|Internal apps)$/ }).waitFor();
  }

  it('logs in, in the language the browser prefers', async () => {
    const tab = await browser.open('nl-NL');
    const { page } = tab;
    await page.getByRole('heading', { name: 'Aanmelden bij Provisio' }).waitFor();
    // Nobody logged in yet is no error: the console knows without a refused request.
    expect(tab.consoleErrors).toEqual([]);
    await screenshot(page, '01-login-nl');
    await logIn(page, world.admins.noord);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('table', { name: 'Apps die het eerst vervallen' }).getByText('(Vervalt over 45 dagen)').first().waitFor();
    await screenshot(page, '02-dashboard-nl');
    expect(tab.consoleErrors).toEqual([]);
  });

  it('stays logged in across a reload, and shows the login page once the session has ended', async () => {
    const tab = await browser.tabAs(world.admins.noord);
    const { page } = tab;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    // The session ends on the server's side (here: its cookie is gone); the next load finds out once.
    await page.context().clearCookies();
    await page.reload();
    await page.getByRole('heading', { name: 'Aanmelden bij Provisio' }).waitFor();
    expect(tab.consoleErrors).toEqual([expect.stringContaining('/api/v1/auth/me')]);
    // Its token forgotten, the browser is not asked again.
    await page.reload();
    await page.getByRole('heading', { name: 'Aanmelden bij Provisio' }).waitFor();
    expect(tab.consoleErrors).toHaveLength(1);
  });

  it('refuses a wrong password in words', async () => {
    const tab = await browser.open('en-US');
    const { page } = tab;
    await page.getByLabel('Username').fill(world.admins.noord);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').getByText('The username or password is wrong.').waitFor();
    await screenshot(page, '03-login-refused-en');
  });

  it('shows "(Vervalt over 45 dagen)" in the Verlengingsdatum column, amber', async () => {
    const { page } = await browser.tabAs(world.admins.noord);
    await goToInternalApps(page);
    const breadcrumb = page.getByRole('navigation', { name: 'Kruimelpad' });
    expect(await breadcrumb.locator('li').allTextContents()).toEqual(['Resources', 'Apps', 'Systeemeigen', 'Intern']);
    expect(await rowNames(page, 'Interne apps')).toEqual(['Field Service', 'Inventory', 'Safety Checklist', 'Timesheets']);
    const note = page.getByRole('row', { name: /Field Service/ }).getByRole('link', { name: '(Vervalt over 45 dagen)' });
    expect(await note.getAttribute('class')).toContain('tone-warning');
    expect(await page.getByRole('columnheader', { name: /Verlengingsdatum/ }).count()).toBe(1);
    // The Dutch labels are longer than the English ones, yet filters and pager share one line.
    const pager = page.getByRole('navigation', { name: 'Pagina’s' });
    const search = page.getByRole('searchbox', { name: 'Zoeken' });
    for (const control of [search, page.getByRole('button', { name: 'Filteren' })]) {
      expect(await bottomOf(control)).toBeCloseTo(await bottomOf(pager), 0);
    }
    await screenshot(page, '04-internal-apps-nl');
  });

  it('sorts by renewal date and filters on "expiring within N days" on the server', async () => {
    const { page } = await browser.tabAs(world.admins.noord);
    await goToInternalApps(page);
    await page.getByRole('button', { name: 'Verlengingsdatum' }).click();
    await page.waitForURL(/sort=expiry/);
    await expect.poll(async () => (await rowNames(page, 'Interne apps')).at(-1)).toBe(world.longLivedApp);
    expect(await page.getByRole('columnheader', { name: /Verlengingsdatum/ }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByLabel('Vervalt binnen (dagen)').fill('50');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL(/expiringWithin=50/);
    await expect.poll(async () => (await rowNames(page, 'Interne apps')).sort()).toEqual([...world.sharedApps].sort());
    await screenshot(page, '05-internal-apps-sorted-filtered-nl');
  });

  it('opens the Bestanden tab from the link: profile details and every app sharing it', async () => {
    const { page } = await browser.tabAs(world.admins.noord);
    await goToInternalApps(page);
    await page.getByRole('row', { name: /Field Service/ }).getByRole('link', { name: '(Vervalt over 45 dagen)' }).click();
    await page.waitForURL(new RegExp(`${INTERNAL_APPS}/${world.fieldServiceId}/files$`));
    expect(await page.getByRole('link', { name: 'Bestanden' }).getAttribute('aria-current')).toBe('page');
    const shared = page.getByRole('table', { name: 'Apps die dit profiel delen' });
    await shared.waitFor();
    expect((await shared.locator('tbody th').allTextContents()).sort()).toEqual([...world.sharedApps].sort());
    await page.getByText('Zakelijk (intern)').waitFor();
    await page.getByRole('table', { name: 'Certificaten' }).getByText('iPhone Distribution: Provisio Test Team').waitFor();
    await page.getByText('application-identifier', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Vernieuwen' }).isEnabled()).toBe(true);
    await screenshot(page, '06-files-tab-nl');
  });

  it('switches to English, says "(Expires in 45 days)" and remembers the choice', async () => {
    const { page } = await browser.tabAs(world.admins.noord);
    await page.getByLabel('Taal').selectOption('en');
    await goToInternalApps(page);
    await page.getByRole('row', { name: /Field Service/ }).getByRole('link', { name: '(Expires in 45 days)' }).waitFor();
    expect(await page.getByRole('columnheader', { name: /Renewal Date/ }).count()).toBe(1);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Internal apps' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('row', { name: /Field Service/ }).getByText('(Expires in 45 days)').waitFor();
    await screenshot(page, '07-internal-apps-en');
  });

  it('explains refused uploads in words, in Dutch and in English', async () => {
    const { page } = await browser.tabAs(world.admins.noord);
    await page.goto(`${INTERNAL_APPS}/upload`);
    await page.getByRole('heading', { level: 1, name: 'Interne app uploaden' }).waitFor();
    await page.getByRole('button', { name: 'Uploaden' }).click();
    await page.getByRole('alert').getByText('Kies een .ipa-bestand.').waitFor();
    await page.getByLabel('Appbestand (.ipa)').setInputFiles({ name: 'notes.ipa', mimeType: 'application/octet-stream', buffer: Buffer.from('not an app') });
    await page.getByRole('button', { name: 'Uploaden' }).click();
    await page.getByRole('alert').getByText('Het .ipa-bestand kan niet worden gelezen: het is geen zip-archief.').waitFor();
    await screenshot(page, '08-upload-refused-not-a-zip-nl');

    await page.getByLabel('Taal').selectOption('en');
    const signer = codeSigner();
    const app = await appFixture({ bundleId: 'com.acme.appstore', displayName: 'App Store Build', signer });
    const appStore = profileFor({ bundleId: 'com.acme.appstore', signer, type: 'appstore' });
    await page.getByLabel('App file (.ipa)').setInputFiles({ name: 'AppStore.ipa', mimeType: 'application/octet-stream', buffer: Buffer.from(app.ipa) });
    await page.getByLabel('Provisioning profile (.mobileprovision)').setInputFiles({
      name: 'AppStore.mobileprovision',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(appStore.bytes),
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    const refusal = page.getByRole('alert');
    await refusal.getByText('The upload was refused').waitFor();
    await refusal.getByText(/The profile is not an enterprise \(in-house\) profile\./).waitFor();
    await screenshot(page, '09-upload-refused-not-enterprise-en');

    // The server's profile limit is 1 MiB by default; the 413 arrives while the upload streams.
    const oversized = Buffer.alloc(1_100_000);
    await page.getByLabel('Provisioning profile (.mobileprovision)').setInputFiles({ name: 'Huge.mobileprovision', mimeType: 'application/octet-stream', buffer: oversized });
    await page.getByRole('button', { name: 'Upload' }).click();
    await refusal.getByText('The profile file is larger than the limit of 1 MB.').waitFor();
  });

  it('uploads an internal app and opens its Files tab', async () => {
    const { page } = await browser.tabAs(world.admins.noord, 'en-US');
    await page.goto(`${INTERNAL_APPS}/upload`);
    const signer = codeSigner();
    const app = await appFixture({ bundleId: 'com.acme.expenses', displayName: 'Expenses', signer });
    await page.getByLabel('App file (.ipa)').setInputFiles({ name: 'Expenses.ipa', mimeType: 'application/octet-stream', buffer: Buffer.from(app.ipa) });
    await page.getByText('Expenses.ipa').waitFor();
    await screenshot(page, '10-upload-form-en');
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('heading', { level: 1, name: 'Expenses' }).waitFor();
    expect(page.url()).toMatch(new RegExp(`${INTERNAL_APPS}/\\d+/files$`));
    await page.getByText('Only this app uses this profile.').waitFor();
    await screenshot(page, '11-uploaded-app-files-en');
  });

  it('keeps the delete of a shared profile disabled, naming the apps that use it', async () => {
    const { page } = await browser.tabAs(world.admins.noord);
    await page.getByRole('link', { name: 'Provisioningprofielen' }).click();
    expect(await rowNames(page, 'Provisioningprofielen')).toContain('Acme Wildcard');
    await screenshot(page, '12a-profiles-list-nl');
    await page.getByRole('link', { name: 'Acme Wildcard' }).click();
    const remove = page.getByRole('button', { name: 'Profiel verwijderen' });
    await remove.waitFor();
    expect(await remove.isDisabled()).toBe(true);
    await page.getByText('Het kan niet worden verwijderd zolang apps het gebruiken: Field Service, Inventory en Timesheets.').waitFor();
    await screenshot(page, '12-profile-delete-blocked-nl');
  });

  it('hides the apps of a sibling organization group', async () => {
    const { page } = await browser.tabAs(world.admins.zuid);
    await goToInternalApps(page);
    expect(await rowNames(page, 'Interne apps')).toEqual([world.zuidApp]);
    expect(await page.getByRole('row', { name: /Rooster Zuid/ }).getByText('(Vervalt over 10 dagen)').getAttribute('class')).toContain('tone-critical');
    expect(await page.getByLabel('Organisatiegroep').locator('option').allTextContents()).toEqual(['Zuid']);
    await screenshot(page, '13-sibling-og-apps-nl');
    await page.goto(`${INTERNAL_APPS}/${world.fieldServiceId}/files`);
    await page.getByRole('alert').getByText('Dit item bestaat niet, of het valt buiten uw organisatiegroepen.').waitFor();
    expect(await page.getByText('Field Service').count()).toBe(0);
    await screenshot(page, '14-sibling-og-app-not-found-nl');
  });

  it('offers only the admin’s group and the groups below it, and filters by the chosen one', async () => {
    const { page } = await browser.tabAs(world.admins.acme);
    const switcher = page.getByLabel('Organisatiegroep');
    expect((await switcher.locator('option').allTextContents()).map((name) => name.trim())).toEqual(['Acme', 'Noord', 'Zuid']);
    await goToInternalApps(page);
    expect(await rowNames(page, 'Interne apps')).toContain(world.zuidApp);
    await switcher.selectOption(String(world.ogs.zuid));
    await expect.poll(() => rowNames(page, 'Interne apps')).toEqual([world.zuidApp]);
    await screenshot(page, '15-og-switcher-nl');
  });

  it('shows a read-only admin no upload, renew or delete actions', async () => {
    const { page } = await browser.tabAs(world.admins.noordViewer);
    await goToInternalApps(page);
    await rowNames(page, 'Interne apps');
    expect(await page.getByRole('link', { name: 'App uploaden' }).count()).toBe(0);
    await screenshot(page, '16-read-only-apps-nl');
    await page.goto(`${INTERNAL_APPS}/${world.fieldServiceId}/files`);
    await page.getByRole('table', { name: 'Apps die dit profiel delen' }).waitFor();
    expect(await page.getByRole('button', { name: 'Vernieuwen' }).count()).toBe(0);
    await screenshot(page, '17-read-only-files-nl');
    await page.goto(`/profiles/${world.sharedProfileId}`);
    await page.getByRole('heading', { level: 2, name: 'Gebruikt door' }).waitFor();
    expect(await page.getByRole('button', { name: 'Profiel verwijderen' }).count()).toBe(0);
  });

  it('can be used from the keyboard alone, with a visible focus ring', async () => {
    const tab = await browser.open('en-US');
    const { page } = tab;
    await page.getByRole('heading', { name: 'Log in to Provisio' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type(world.admins.noord);
    await page.keyboard.press('Tab');
    await page.keyboard.type(SEED_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('link', { name: 'Internal', exact: true }).focus();
    await page.keyboard.press('Enter');
    // A new page puts the focus on its title, so the next Tab continues in the content.
    await page.getByRole('heading', { level: 1, name: 'Internal apps' }).waitFor();
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Internal apps');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Upload app');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    await page.keyboard.type('timesh');
    await page.keyboard.press('Enter');
    await expect.poll(() => rowNames(page, 'Internal apps')).toEqual(['Timesheets']);
    await screenshot(page, '18-keyboard-search-en');
  });

  it('does not shift the layout while pages load', async () => {
    const { page } = await browser.tabAs(world.admins.noord);
    const pages: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
      ['/', () => rowNames(page, 'Apps die het eerst vervallen')],
      [INTERNAL_APPS, () => rowNames(page, 'Interne apps')],
      [`${INTERNAL_APPS}/${world.fieldServiceId}/files`, () => rowNames(page, 'Apps die dit profiel delen')],
      [`/profiles/${world.sharedProfileId}`, () => rowNames(page, 'Gebruikt door')],
      ['/audit', () => page.getByRole('cell', { name: 'app.upload', exact: true }).first().waitFor()],
    ];
    for (const [url, loaded] of pages) {
      await page.goto(url);
      await loaded();
      expect(await layoutShift(page), url).toBeLessThan(0.01);
    }
  });

  it('lists devices (none enrolled yet) and the audit log', async () => {
    const { page } = await browser.tabAs(world.admins.noord, 'en-US');
    await page.getByRole('link', { name: 'Devices' }).click();
    await page.getByText('No devices match. Devices appear here once they enroll.').waitFor();
    await screenshot(page, '20-devices-en');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('table', { name: 'Audit log' }).getByRole('cell', { name: 'app.upload', exact: true }).first().waitFor();
    await screenshot(page, '21-audit-log-en');
  });
});
