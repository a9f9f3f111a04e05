import { appFixture, codeSigner, daysFromNow, profileFor, type ProfileFixture } from '../../catalog/fixtures.js';
import { ApiClient } from './api-client.js';
import { FIRST_ADMIN_PASSWORD } from './test-server.js';

/** The password of every admin the seed creates. */
export const SEED_PASSWORD = 'e2e-seed-password-1';

/** Half a day on top of whole days, so "days left" stays put for the length of a test run. */
const HALF_DAY = 0.5;

interface UploadedApp {
  readonly app: { readonly id: number; readonly name: string };
  readonly version: { readonly id: number; readonly bundles: ReadonlyArray<{ readonly profile: { readonly id: number } }> };
}

/** The days a renewed profile runs, counted like the seeded ones. */
export const RENEWED_DAYS = 365;

/** What the browser tests look for. */
export interface SeededWorld {
  readonly ogs: { readonly acme: number; readonly noord: number; readonly zuid: number };
  /** Usernames. */
  readonly admins: { readonly acme: string; readonly noord: string; readonly noordViewer: string; readonly zuid: string };
  /** Three apps of Noord sharing one wildcard profile that expires in 45 days. */
  readonly sharedApps: readonly string[];
  readonly sharedProfileId: number;
  /** The renewal of the shared profile from Apple: same App ID, team and certificate, expiring in 365 days. */
  readonly sharedRenewal: ProfileFixture;
  readonly fieldServiceId: number;
  /** The app version of every seeded app of Noord, by app name (to install them on devices). */
  readonly noordVersionIds: Readonly<Record<string, number>>;
  /** Noord's app whose own profile expires in 200 days. */
  readonly longLivedApp: string;
  /** Zuid's app, expiring in 10 days. */
  readonly zuidApp: string;
}

/**
 * A small world made through the public API: Global > Acme > {Noord, Zuid}, an admin per group
 * plus a read-only one in Noord, and apps built with the test kit.
 */
export async function seedWorld(baseUrl: string): Promise<SeededWorld> {
  const root = await ApiClient.login(baseUrl, 'admin', FIRST_ADMIN_PASSWORD);
  const global = await root.get<{ id: number }>('/ogs/tree');
  const acme = await createOg(root, global.id, 'Acme');
  const noord = await createOg(root, acme, 'Noord');
  const zuid = await createOg(root, acme, 'Zuid');
  const admins = {
    acme: await createAdmin(root, 'acme-admin', 'app-admin', acme),
    noord: await createAdmin(root, 'noord-admin', 'app-admin', noord),
    noordViewer: await createAdmin(root, 'noord-viewer', 'read-only', noord),
    zuid: await createAdmin(root, 'zuid-admin', 'app-admin', zuid),
  };
  const noordClient = await ApiClient.login(baseUrl, admins.noord, SEED_PASSWORD);
  const shared = await uploadSharedApps(noordClient, noord);
  const safety = await uploadApp(noordClient, noord, 'Safety Checklist', 'com.acme.safety', 200 + HALF_DAY);
  const zuidClient = await ApiClient.login(baseUrl, admins.zuid, SEED_PASSWORD);
  await uploadApp(zuidClient, zuid, 'Rooster Zuid', 'com.acme.rooster', 10 + HALF_DAY);
  return {
    ogs: { acme, noord, zuid },
    admins,
    sharedApps: shared.names,
    sharedProfileId: shared.profileId,
    sharedRenewal: shared.renewal,
    fieldServiceId: shared.firstAppId,
    noordVersionIds: { ...shared.versionIds, 'Safety Checklist': safety.version.id },
    longLivedApp: 'Safety Checklist',
    zuidApp: 'Rooster Zuid',
  };
}

async function createOg(client: ApiClient, parentId: number, name: string): Promise<number> {
  return (await client.post<{ id: number }>('/ogs', { parentId, name })).id;
}

async function createAdmin(client: ApiClient, username: string, role: string, homeOgId: number): Promise<string> {
  await client.post('/admins', { username, password: SEED_PASSWORD, role, homeOgId });
  return username;
}

/** Field Service, Timesheets and Inventory: one signer, one `com.acme.*` profile expiring in 45 days. */
async function uploadSharedApps(client: ApiClient, og: number) {
  const signer = codeSigner();
  const profile = profileFor({ bundleId: 'com.acme.*', signer, name: 'Acme Wildcard', expirationDate: daysFromNow(45 + HALF_DAY) });
  const names = ['Field Service', 'Timesheets', 'Inventory'];
  const uploaded: UploadedApp[] = [];
  for (const name of names) {
    const bundleId = `com.acme.${name.toLowerCase().replace(/\s+/g, '')}`;
    const fixture = await appFixture({ bundleId, displayName: name, signer, profile });
    uploaded.push(await client.upload<UploadedApp>('/apps', { og: String(og) }, [{ field: 'ipa', fileName: `${name}.ipa`, content: fixture.ipa }]));
  }
  const profileId = uploaded[0]?.version.bundles[0]?.profile.id;
  const firstAppId = uploaded[0]?.app.id;
  if (profileId === undefined || firstAppId === undefined) throw new Error('the shared apps were not uploaded');
  const renewal = profileFor({ bundleId: 'com.acme.*', signer, name: 'Acme Wildcard', expirationDate: daysFromNow(RENEWED_DAYS + HALF_DAY) });
  const versionIds = Object.fromEntries(uploaded.map((answer) => [answer.app.name, answer.version.id]));
  return { names, profileId, firstAppId, renewal, versionIds };
}

async function uploadApp(client: ApiClient, og: number, name: string, bundleId: string, days: number): Promise<UploadedApp> {
  const signer = codeSigner();
  const profile = profileFor({ bundleId, signer, name: `${name} Profile`, expirationDate: daysFromNow(days) });
  const fixture = await appFixture({ bundleId, displayName: name, signer, profile });
  return client.upload<UploadedApp>('/apps', { og: String(og) }, [{ field: 'ipa', fileName: `${name}.ipa`, content: fixture.ipa }]);
}
