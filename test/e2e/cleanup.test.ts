import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/api-client.js';
import { hasChromium, screenshot } from './support/browser.js';
import { ConsoleBrowser } from './support/console-browser.js';
import { buildConsole } from './support/console-build.js';
import { layoutShift, rowNames } from './support/console-page.js';
import { seedNoordFleet } from './support/noord-fleet.js';
import type { SeededWorld } from './support/seed-world.js';
import { NEWER_VERSION_DAYS, seedLineages, type LineageWorld } from './support/seed-lineages.js';
import { installApps, type SimulatedDevices } from './support/simulated-devices.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** Enrolled in Noord, each running all of Noord's apps. */
const DEVICES = 2;
/** Time for the devices to install the newer profile and drop the older one. */
const ROLLOUT_TIMEOUT_MS = 60_000;
const PROFILES_TABLE = 'Provisioningprofielen';

interface AppDetailAnswer {
  readonly versions: { readonly items: ReadonlyArray<{ readonly bundles: ReadonlyArray<{ readonly profile: { readonly id: number } }> }> };
}

/**
 * The cleanup actions in the console: replace older versions (its dry run, the refusal in words,
 * the rollout it starts), delete unused profiles, remove expired profiles from devices, and none
 * of them for a read-only admin. A real server on SQLite, simulated iPhones in this process, the
 * console in Debian's chromium; screenshots under test-results/screenshots/ (cleanup-*.png).
 */
describe.skipIf(!hasChromium)('cleanup actions in the web console', { timeout: 120_000 }, () => {
  let server: TestServer;
  let world: SeededWorld;
  let lineages: LineageWorld;
  let noord: ApiClient;
  let devices: SimulatedDevices;
  let browser: ConsoleBrowser;
  let rolloutPath: string | undefined;

  beforeAll(async () => {
    buildConsole();
    server = await startTestServer({ forDevices: true });
    ({ world, noord, devices } = await seedNoordFleet(server.url, DEVICES));
    lineages = await seedLineages(noord, world.ogs.noord);
    const versionIds = [...Object.values(world.noordVersionIds), lineages.werkbon.versionId, lineages.keuring.versionId];
    await installApps(devices, noord, world.ogs.noord, versionIds);
    devices.goLive();
    browser = await ConsoleBrowser.launch(server.url);
  }, 180_000);

  afterAll(async () => {
    const scriptErrors = await browser?.close();
    await devices?.stop();
    await server?.stop();
    expect(scriptErrors ?? []).toEqual([]);
  });

  async function openProfiles(page: Page): Promise<void> {
    await page.goto('/profiles');
    await rowNames(page, PROFILES_TABLE);
  }

  it('shows a read-only admin the profiles and their versions, but none of the cleanup actions', async () => {
    const { page } = await browser.tabAs(world.admins.noordViewer);
    await openProfiles(page);
    expect(await page.getByRole('columnheader', { name: 'Acties' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Oudere versies vervangen/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ongebruikte profielen verwijderen' }).count()).toBe(0);
    await screenshot(page, 'cleanup-01-read-only-profiles-nl');

    // Even the address that opens the action shows only the versions.
    await page.goto(`/profiles/${lineages.werkbon.newer.id}?action=replace-older-versions`);
    await page.getByRole('table', { name: 'Versies van dit profiel' }).waitFor();
    expect(await page.getByRole('button', { name: 'Oudere versies vervangen' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: /vervangen$/ }).count()).toBe(0);

    await page.goto('/devices');
    await rowNames(page, 'Toestellen');
    expect(await page.getByRole('button', { name: 'Verlopen profielen van toestellen verwijderen' }).count()).toBe(0);
    await screenshot(page, 'cleanup-02-read-only-devices-nl');
  });

  it('refuses to replace an older version the newer one could not run, in words', async () => {
    const { keuring } = lineages;
    const { page } = await browser.tabAs(world.admins.noord);
    await page.goto(`/profiles/${keuring.newer.id}`);
    const opener = page.getByRole('button', { name: 'Oudere versies vervangen' });
    await opener.click();
    const refusal = page.getByRole('alert');
    await refusal.getByText('De oudere versies kunnen niet worden vervangen').waitFor();
    await refusal
      .getByText(`Oudere versie ${keuring.older.uuid} (${keuring.bundleId}): Het vervangende profiel bevat het certificaat niet waarmee deze app is ondertekend`, { exact: false })
      .waitFor();
    expect(await page.getByRole('button', { name: /oudere versies? vervangen$/ }).count()).toBe(0);
    await screenshot(page, 'cleanup-03-replace-refused-nl');
    await page.getByRole('button', { name: 'Sluiten' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);
    // The focus went back to the button that opened the panel.
    expect(await page.locator(':focus').textContent()).toBe('Oudere versies vervangen');
    const answer = await noord.get<{ status: string }>(`/profiles/${keuring.older.id}`);
    expect(answer.status).toBe('active');
  });

  it('replaces the older version from the profiles list: dry run in words, confirm, the rollout to the devices', async () => {
    const { werkbon } = lineages;
    const { page } = await browser.tabAs(world.admins.noord);
    await openProfiles(page);
    // Offered on the two newer versions whose older one is still in use, not on the older ones.
    const offered = page.getByRole('link', { name: /^Oudere versies vervangen/ });
    expect((await offered.allTextContents()).sort()).toEqual(['Oudere versies vervangen (Keuring Profile)', 'Oudere versies vervangen (Werkbon Profile)']);
    // The actions column is there from the first paint: nothing moves when the rows arrive.
    expect(await layoutShift(page)).toBeLessThan(0.01);
    await screenshot(page, 'cleanup-04-profiles-list-nl');

    await page.getByRole('link', { name: 'Oudere versies vervangen (Werkbon Profile)' }).click();
    const panel = page.getByRole('region', { name: 'Oudere versies van “Werkbon Profile” vervangen' });
    await panel.getByText('Versie 2 vervangt 1 oudere versie.', { exact: false }).waitFor();
    await panel.getByRole('heading', { name: /^Versie 1, vervalt op / }).waitFor();
    await panel.getByText(`Vernieuwd voor 1 app in 1 organisatiegroep; zonder melding geïnstalleerd op ${DEVICES} toestellen.`).waitFor();
    const apps = panel.getByRole('table', { name: 'Apps van versie 1' });
    expect(await apps.locator('tbody th').allTextContents()).toEqual([werkbon.appName]);
    expect(await apps.locator('tbody td.number').allTextContents()).toEqual([String(DEVICES)]);
    // The dry run changed nothing.
    expect((await noord.get<{ status: string }>(`/profiles/${werkbon.older.id}`)).status).toBe('active');
    await screenshot(page, 'cleanup-05-replace-dry-run-nl');

    await panel.getByRole('button', { name: '1 oudere versie vervangen' }).click();
    await panel.getByText('Versie 2 heeft 1 oudere versie vervangen.').waitFor();
    await panel.getByText(`Versie 1: vernieuwd voor ${werkbon.appName}.`, { exact: false }).waitFor();
    const lineage = page.getByRole('table', { name: 'Versies van dit profiel' });
    await lineage.getByRole('row', { name: /^1 .*Vervangen$/ }).waitFor();
    await screenshot(page, 'cleanup-06-replaced-nl');

    const rollout = panel.getByRole('link', { name: 'Uitrol volgen (versie 1)' });
    rolloutPath = (await rollout.getAttribute('href')) ?? undefined;
    await rollout.click();
    await page.getByRole('heading', { level: 1, name: `Vernieuwing van “${werkbon.profileName}”` }).waitFor();
    await page.getByText('Voltooid: elk toestel heeft het nieuwe profiel en het oude is verwijderd.').waitFor({ timeout: ROLLOUT_TIMEOUT_MS });
    await page.getByText(`${DEVICES} van ${DEVICES} toestellen`).waitFor();
    await screenshot(page, 'cleanup-07-rollout-complete-nl');

    // The app runs under the newest version now.
    const app = await noord.get<AppDetailAnswer>(`/apps/${werkbon.appId}`);
    expect(app.versions.items[0]?.bundles.map((bundle) => bundle.profile.id)).toEqual([werkbon.newer.id]);
    await page.goto('/apps/native/internal');
    await page.getByRole('row', { name: new RegExp(werkbon.appName) }).getByRole('link', { name: `(Vervalt over ${NEWER_VERSION_DAYS} dagen)` }).waitFor();
    await screenshot(page, 'cleanup-08-app-on-newest-version-nl');
  });

  it('deletes the unused profiles of the group after listing them, and keeps the rollout history', async () => {
    const { werkbon, keuring, unusedProfileName } = lineages;
    const { page } = await browser.tabAs(world.admins.noord);
    await openProfiles(page);
    await page.getByRole('button', { name: 'Ongebruikte profielen verwijderen' }).click();
    const panel = page.getByRole('region', { name: 'Ongebruikte profielen van Noord verwijderen' });
    const unused = panel.getByRole('table', { name: 'Ongebruikte profielen' });
    await unused.waitFor();
    // The older Werkbon version nothing uses since it was replaced, Keuring's refused newer one, and the unused one.
    expect((await unused.locator('tbody th').allTextContents()).sort()).toEqual([keuring.profileName, unusedProfileName, werkbon.profileName].sort());
    await screenshot(page, 'cleanup-09-unused-dry-run-nl');

    await panel.getByRole('button', { name: '3 profielen verwijderen' }).click();
    await panel.getByText('3 profielen zijn verwijderd.').waitFor();
    await panel.getByRole('table', { name: 'Verwijderde profielen' }).waitFor();
    await expect.poll(async () => (await rowNames(page, PROFILES_TABLE)).includes(unusedProfileName)).toBe(false);
    expect((await rowNames(page, PROFILES_TABLE)).filter((name) => name === werkbon.profileName)).toHaveLength(1);
    await screenshot(page, 'cleanup-10-unused-deleted-nl');

    expect(rolloutPath).toBeDefined();
    await page.goto(rolloutPath ?? '');
    await page.getByRole('heading', { level: 1, name: `Vernieuwing van “${werkbon.profileName}”` }).waitFor();
  });

  it('says in English when no device holds an expired profile next to its successor, with nothing to confirm', async () => {
    const { page } = await browser.tabAs(world.admins.noord, 'en-US');
    await page.goto('/devices');
    await rowNames(page, 'Devices');
    const opener = page.getByRole('button', { name: 'Remove expired profiles from devices' });
    await opener.click();
    expect(await opener.getAttribute('aria-expanded')).toBe('true');
    const panel = page.getByRole('region', { name: 'Remove expired profiles from the devices of Noord' });
    await panel.getByText('No device of Noord holds an expired profile next to a valid successor: there is nothing to remove.').waitFor();
    expect(await panel.getByRole('button', { name: 'Remove from devices' }).count()).toBe(0);
    await screenshot(page, 'cleanup-11-expired-nothing-en');
    await panel.getByRole('button', { name: 'Close' }).click();
    expect(await panel.count()).toBe(0);
    expect(await opener.getAttribute('aria-expanded')).toBe('false');
  });
});
