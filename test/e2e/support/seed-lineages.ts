import { appFixture, codeSigner, daysFromNow, profileFor, type ProfileFixture } from '../../catalog/fixtures.js';
import type { ApiClient } from './api-client.js';

/** Half a day on top of whole days, so "days left" stays put for the length of a test run. */
const HALF_DAY = 0.5;

/** The days the newer version of each lineage runs. */
export const NEWER_VERSION_DAYS = 365;

interface StoredProfile {
  readonly id: number;
  readonly uuid: string;
}

/** An app under version 1 of its profile, and version 2 of that profile uploaded after it. */
export interface SeededLineage {
  readonly appName: string;
  readonly bundleId: string;
  readonly profileName: string;
  readonly appId: number;
  readonly versionId: number;
  readonly older: StoredProfile;
  readonly newer: StoredProfile;
}

/** What the cleanup tests look for. */
export interface LineageWorld {
  /** Version 2 can run the app: replacing version 1 renews it. */
  readonly werkbon: SeededLineage;
  /** Version 2 lacks the certificate that signed the app: replacing version 1 is refused. */
  readonly keuring: SeededLineage;
  /** A profile no app uses. */
  readonly unusedProfileName: string;
}

interface UploadedApp {
  readonly app: { readonly id: number };
  readonly version: { readonly id: number; readonly bundles: ReadonlyArray<{ readonly profile: StoredProfile }> };
}

/**
 * Two profile lineages and an unused profile in `og`, made through the public API: a profile is
 * the next version of another when it has the same group, App ID and name.
 */
export async function seedLineages(client: ApiClient, og: number): Promise<LineageWorld> {
  const werkbon = await seedLineage(client, og, { appName: 'Werkbon', bundleId: 'com.acme.werkbon', newerSignedByAnother: false });
  const keuring = await seedLineage(client, og, { appName: 'Keuring', bundleId: 'com.acme.keuring', newerSignedByAnother: true });
  const unusedProfileName = 'Oud Testprofiel';
  await uploadProfile(client, og, profileFor({ bundleId: 'com.acme.oudtest', signer: codeSigner(), name: unusedProfileName, expirationDate: daysFromNow(90 + HALF_DAY) }));
  return { werkbon, keuring, unusedProfileName };
}

async function seedLineage(client: ApiClient, og: number, options: { appName: string; bundleId: string; newerSignedByAnother: boolean }): Promise<SeededLineage> {
  const { appName, bundleId } = options;
  const signer = codeSigner();
  const profileName = `${appName} Profile`;
  const first = profileFor({ bundleId, signer, name: profileName, expirationDate: daysFromNow(20 + HALF_DAY) });
  const fixture = await appFixture({ bundleId, displayName: appName, signer, profile: first });
  const uploaded = await client.upload<UploadedApp>('/apps', { og: String(og) }, [{ field: 'ipa', fileName: `${appName}.ipa`, content: fixture.ipa }]);
  const older = uploaded.version.bundles[0]?.profile;
  if (older === undefined) throw new Error(`${appName} was uploaded without its profile`);
  const newerSigner = options.newerSignedByAnother ? codeSigner() : signer;
  const newer = await uploadProfile(client, og, profileFor({ bundleId, signer: newerSigner, name: profileName, expirationDate: daysFromNow(NEWER_VERSION_DAYS + HALF_DAY) }));
  return { appName, bundleId, profileName, appId: uploaded.app.id, versionId: uploaded.version.id, older, newer };
}

async function uploadProfile(client: ApiClient, og: number, profile: ProfileFixture): Promise<StoredProfile> {
  const answer = await client.upload<{ profile: StoredProfile & { lineageVersion: number } }>('/profiles', { og: String(og) }, [
    { field: 'profile', fileName: `${profile.name}.mobileprovision`, content: profile.bytes },
  ]);
  return answer.profile;
}
