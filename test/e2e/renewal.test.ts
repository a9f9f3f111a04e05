import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeSigner, daysFromNow, profileFor } from '../catalog/fixtures.js';
import { ApiClient } from './support/api-client.js';
import { hasChromium, screenshot } from './support/browser.js';
import { ConsoleBrowser } from './support/console-browser.js';
import { buildConsole } from './support/console-build.js';
import { layoutShift } from './support/console-page.js';
import { seedNoordFleet } from './support/noord-fleet.js';
import { RENEWED_DAYS, type SeededWorld } from './support/seed-world.js';
import { installApps, type SimulatedDevices } from './support/simulated-devices.js';
import { FIRST_ADMIN_PASSWORD, startTestServer, type TestServer } from './support/test-server.js';

const INTERNAL_APPS = '/apps/native/internal';
/** Enrolled in Noord, each running Noord's four apps. */
const DEVICES = 6;
/** Time for the devices to install the new profile and drop the old one. */
const ROLLOUT_TIMEOUT_MS = 60_000;

/**
 * The renewal story end to end: a real server on SQLite, simulated iPhones in this process that
 * enroll, install the apps through MDM and keep connecting, and the console in Debian's
 * chromium. Each step saves a screenshot under test-results/screenshots/ (renewal-*.png).
 */
describe.skipIf(!hasChromium)('renewing a profile in the web console', { timeout: 120_000 }, () => {
  let server: TestServer;
  let world: SeededWorld;
  let devices: SimulatedDevices;
  let browser: ConsoleBrowser;
  let renewalId: number | undefined;

  beforeAll(async () => {
    buildConsole();
    server = await startTestServer({ forDevices: true });
    const fleet = await seedNoordFleet(server.url, DEVICES);
    ({ world, devices } = fleet);
    await installApps(devices, fleet.noord, world.ogs.noord, Object.values(world.noordVersionIds));
    const root = await ApiClient.login(server.url, 'admin', FIRST_ADMIN_PASSWORD);
    await root.post('/expiry/scan', {}, 200);
    devices.goLive();
    browser = await ConsoleBrowser.launch(server.url);
  }, 180_000);

  afterAll(async () => {
    const scriptErrors = await browser?.close();
    await devices?.stop();
    await server?.stop();
    expect(scriptErrors ?? []).toEqual([]);
  });

  async function openFilesTab(page: Page, appId: number): Promise<void> {
    await page.goto(`${INTERNAL_APPS}/${appId}/files`);
    await page.getByRole('table', { name: /^(Apps die dit profiel delen|Apps that share this profile)$/ }).waitFor();
  }

  it('says the shared profile expires in 45 days, in Dutch and in English', async () => {
    const { page } = await browser.tabAs(world.admins.noord);
    await page.goto(INTERNAL_APPS);
    for (const name of world.sharedApps) await page.getByRole('row', { name: new RegExp(name) }).getByRole('link', { name: '(Vervalt over 45 dagen)' }).waitFor();
    await screenshot(page, 'renewal-01-apps-45-days-nl');
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('row', { name: /Field Service/ }).getByRole('link', { name: '(Expires in 45 days)' }).waitFor();
    await screenshot(page, 'renewal-02-apps-45-days-en');
  });

  it('lists the expiry notice in the bell, in words, and dismisses it', async () => {
    const { page } = await browser.tabAs(world.admins.noord);
    const bell = page.getByRole('button', { name: /^Meldingen: \d+ nieuw$/ });
    await bell.click();
    const panel = page.getByRole('region', { name: 'Meldingen' });
    const notice = panel.getByRole('listitem').filter({ hasText: 'Provisioningprofiel “Acme Wildcard” vervalt over 45 dagen' });
    await notice.waitFor();
    const impact = await notice.getByText(new RegExp(`^Stopt .+ in Noord, op ${DEVICES} toestellen\\.$`)).textContent();
    for (const name of world.sharedApps) expect(impact).toContain(name);
    await screenshot(page, 'renewal-03-notices-nl');
    const before = await panel.getByRole('listitem').count();
    await notice.getByRole('button', { name: /^Verbergen: Provisioningprofiel “Acme Wildcard”/ }).click();
    await expect.poll(() => panel.getByRole('listitem').count()).toBe(before - 1);
    await page.keyboard.press('Escape');
    expect(await panel.count()).toBe(0);
  });

  it('shows the expiry timeline of the next year on the dashboard', async () => {
    const { page } = await browser.tabAs(world.admins.noord);
    const timeline = page.getByRole('img', { name: new RegExp(`Het komende jaar stoppen 4 apps, in de zwaarste week op ${DEVICES} toestellen`) });
    await timeline.waitFor();
    await page.getByText('Als tabel tonen').click();
    const table = page.getByRole('table', { name: 'Tijdlijn van vervaldata' });
    expect(await table.locator('tbody tr').count()).toBe(2);
    await table.getByRole('cell', { name: /Field Service/ }).waitFor();
    await page.getByText('Er wordt nu geen vernieuwing uitgerold.').waitFor();
    expect(await layoutShift(page)).toBeLessThan(0.01);
    await screenshot(page, 'renewal-04-dashboard-timeline-nl');
  });

  it('refuses a replacement that would stop the app, in words, without offering "all applications"', async () => {
    const { page } = await browser.tabAs(world.admins.noord);
    const safetyId = await appIdOf(page, 'Safety Checklist');
    await openFilesTab(page, safetyId);
    await page.getByRole('button', { name: 'Vernieuwen' }).click();
    const foreign = profileFor({ bundleId: 'com.acme.safety', signer: codeSigner(), name: 'Safety Checklist Profile', expirationDate: daysFromNow(400) });
    await page.getByLabel('Vervangend provisioningprofiel (.mobileprovision)').setInputFiles({ name: 'Safety.mobileprovision', mimeType: 'application/octet-stream', buffer: Buffer.from(foreign.bytes) });
    await page.getByRole('button', { name: 'Controleren' }).click();
    const refusal = page.getByRole('alert');
    await refusal.getByText('Het vervangende profiel is geweigerd').waitFor();
    await refusal.getByText(/com\.acme\.safety: Het vervangende profiel bevat het certificaat niet waarmee deze app is ondertekend/).waitFor();
    expect(await page.getByLabel('Het provisioningprofiel updaten voor alle applicaties').count()).toBe(0);
    await screenshot(page, 'renewal-05-refused-nl');
  });

  it('renews the shared profile for all three apps on the Files tab and follows the rollout to 100%', async () => {
    // Locked devices answer NotNow: the rollout waits for them and the dashboard lists it meanwhile.
    devices.holdLocked(true);
    const { page } = await browser.tabAs(world.admins.noord);
    await openFilesTab(page, world.fieldServiceId);
    await page.getByRole('button', { name: 'Vernieuwen' }).click();
    await page.getByLabel('Vervangend provisioningprofiel (.mobileprovision)').setInputFiles({
      name: 'AcmeWildcard.mobileprovision',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(world.sharedRenewal.bytes),
    });
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('heading', { name: 'Wat de vernieuwing verandert' }).waitFor();
    const planned = page.getByRole('table', { name: 'Apps in deze vernieuwing' });
    expect((await planned.locator('tbody th').allTextContents()).sort()).toEqual([...world.sharedApps].sort());
    await page.getByText(`Het wordt zonder melding geïnstalleerd op ${DEVICES} toestellen`, { exact: false }).waitFor();
    const apply = page.getByRole('button', { name: 'Vernieuwing toepassen' });
    expect(await apply.isDisabled()).toBe(true);
    await screenshot(page, 'renewal-06-plan-nl');

    await page.getByLabel('Het provisioningprofiel updaten voor alle applicaties').check();
    expect(await apply.isEnabled()).toBe(true);
    await screenshot(page, 'renewal-07-plan-all-apps-checked-nl');
    await apply.click();

    const card = page.getByRole('region', { name: 'Vernieuwing van “Acme Wildcard”' });
    await card.locator('.state-waiting_unlock dd').getByText(String(DEVICES), { exact: true }).waitFor({ timeout: ROLLOUT_TIMEOUT_MS });
    // The app itself moved to the new profile: the header says so without a reload.
    await page.getByText(`(Vervalt over ${RENEWED_DAYS} dagen)`).first().waitFor();
    await screenshot(page, 'renewal-08-rollout-waiting-for-unlock-nl');
    renewalId = Number((await card.getByRole('link', { name: 'Toestellen per status' }).getAttribute('href'))?.split('/').at(-1));

    await page.getByRole('link', { name: 'Dashboard' }).click();
    const running = page.getByRole('region', { name: 'Lopende uitrol' });
    await running.getByRole('progressbar', { name: 'Uitrol van de vernieuwing van “Acme Wildcard”' }).waitFor();
    await screenshot(page, 'renewal-09-dashboard-rollout-running-nl');
    await running.getByRole('link', { name: 'Vernieuwing van “Acme Wildcard”' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vernieuwing van “Acme Wildcard”' }).waitFor();
    devices.holdLocked(false);
    await page.getByText('Voltooid: elk toestel heeft het nieuwe profiel en het oude is verwijderd.').waitFor({ timeout: ROLLOUT_TIMEOUT_MS });
    expect(await page.getByRole('progressbar').getAttribute('value')).toBe('100');
    await page.getByText(`${DEVICES} van ${DEVICES} toestellen`).waitFor();
    // Nobody picked a state: the device list followed the rollout from the locked devices to the installed ones.
    const installed = page.getByRole('table', { name: 'Toestellen: Geïnstalleerd' });
    await expect.poll(async () => installed.locator('tbody tr:not(.skeleton-row) th').count()).toBe(DEVICES);
    await screenshot(page, 'renewal-10-rollout-complete-nl');

    await page.goto(INTERNAL_APPS);
    for (const name of world.sharedApps) {
      await page.getByRole('row', { name: new RegExp(name) }).getByRole('link', { name: `(Vervalt over ${RENEWED_DAYS} dagen)` }).waitFor();
    }
    await screenshot(page, 'renewal-11-apps-renewed-nl');
  });

  it('shows the rollout device by device, and every device with its new profile', async () => {
    expect(renewalId).toBeDefined();
    const { page } = await browser.tabAs(world.admins.noord, 'en-US');
    await page.goto(`/profiles/renewals/${renewalId}`);
    await page.getByRole('heading', { level: 1, name: 'Renewal of “Acme Wildcard”' }).waitFor();
    await page.getByRole('button', { name: `Installed ${DEVICES}` }).click();
    const table = page.getByRole('table', { name: 'Devices: Installed' });
    await expect.poll(async () => table.locator('tbody tr:not(.skeleton-row) th').count()).toBe(DEVICES);
    expect(await page.getByRole('button', { name: 'Retry failed devices' }).count()).toBe(0);
    await screenshot(page, 'renewal-12-rollout-page-en');

    await page.goto((await table.locator('tbody th a').first().getAttribute('href')) ?? '');
    const apps = page.getByRole('table', { name: 'Installed apps' });
    await apps.getByText(`(Expires in ${RENEWED_DAYS} days)`).first().waitFor();
    expect(await apps.getByRole('link', { name: 'Field Service' }).count()).toBe(1);
    expect(await layoutShift(page)).toBeLessThan(0.01);
    const profiles = page.getByRole('table', { name: 'Installed provisioning profiles' });
    await profiles.getByText(`(Expires in ${RENEWED_DAYS} days)`).waitFor();
    expect(await profiles.getByText('(Expires in 45 days)').count()).toBe(0);
    await screenshot(page, 'renewal-13-device-en');
  });

  it('marks the old profile superseded, links it to its successor, and shows the app’s versions under the new one', async () => {
    const { page } = await browser.tabAs(world.admins.noord);
    await page.goto(`/profiles/${world.sharedProfileId}`);
    await page.getByText('Vervangen ·').waitFor();
    const lineage = page.getByRole('table', { name: 'Versies van dit profiel' });
    expect(await lineage.locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'renewal-14-old-profile-superseded-nl');
    await page.getByRole('link', { name: 'het profiel openen dat het verving' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acme Wildcard' }).waitFor();
    await page.getByText(`(Vervalt over ${RENEWED_DAYS} dagen)`).first().waitFor();
    expect((await page.getByRole('table', { name: 'Gebruikt door' }).locator('tbody th').allTextContents()).sort()).toEqual([...world.sharedApps].sort());

    await page.goto(`${INTERNAL_APPS}/${world.fieldServiceId}`);
    const versions = page.getByRole('table', { name: 'Versies' });
    await versions.getByRole('link', { name: 'Acme Wildcard' }).waitFor();
    await versions.getByText('(Actief)').waitFor();
    await page.getByText(String(DEVICES), { exact: true }).first().waitFor();
    await screenshot(page, 'renewal-15-app-details-nl');
  });

  it('hides the app and its renewal from an admin of a sibling group', async () => {
    const { page } = await browser.tabAs(world.admins.zuid);
    await page.goto(INTERNAL_APPS);
    await page.getByRole('row', { name: new RegExp(world.zuidApp) }).waitFor();
    expect(await page.getByRole('row', { name: /Field Service/ }).count()).toBe(0);
    await page.goto(`/profiles/renewals/${renewalId}`);
    await page.getByRole('alert').getByText('Dit item bestaat niet, of het valt buiten uw organisatiegroepen.').waitFor();
    await screenshot(page, 'renewal-16-sibling-og-nl');
  });

  it('shows a read-only admin the renewed profile but no Renew action', async () => {
    const { page } = await browser.tabAs(world.admins.noordViewer);
    const inventoryId = await appIdOf(page, 'Inventory');
    await openFilesTab(page, inventoryId);
    await page.getByText(`(Vervalt over ${RENEWED_DAYS} dagen)`).first().waitFor();
    expect(await page.getByRole('button', { name: 'Vernieuwen' }).count()).toBe(0);
    await screenshot(page, 'renewal-17-read-only-files-nl');
  });
});

/** The id of an app of the admin's groups, from the apps list. */
async function appIdOf(page: Page, name: string): Promise<number> {
  await page.goto(INTERNAL_APPS);
  const link = page.getByRole('row', { name: new RegExp(name) }).getByRole('link', { name, exact: true });
  const href = await link.getAttribute('href');
  return Number(href?.split('/').at(-1));
}
