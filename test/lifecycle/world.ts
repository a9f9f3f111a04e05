import type { Database } from '../../src/store/database.js';
import type { Clock } from '../../src/services/auth/clock.js';
import { createApp, createProfile, createScopedOg, day, defined, uniqueName, versionInput, type ScopedOg } from '../store/builders.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A clock the test sets and moves by hand. */
export interface ManualClock extends Clock {
  set(date: Date): void;
  advanceDays(days: number): void;
}

export function manualClock(start: Date): ManualClock {
  let current = start;
  return {
    now: () => current,
    set: (date) => void (current = date),
    advanceDays: (days) => void (current = new Date(current.getTime() + days * DAY_MS)),
  };
}

/** The instant the lifecycle tests call "now" unless they move the clock. */
export const NOW = day(10);

/** An instant `days` whole days (and an hour, so whole-day counts are unambiguous) after `from`. */
export function inDays(days: number, from: Date = NOW): Date {
  return new Date(from.getTime() + days * DAY_MS + HOUR_MS);
}

/** An app in `og` whose one version runs under a profile expiring at `expiresAt`, installed on `devices` devices. */
export async function appExpiringAt(database: Database, og: ScopedOg, expiresAt: Date, devices = 0, userEmail?: string) {
  const { repositories } = database;
  const bundleId = uniqueName('com.acme.app');
  const { profile, certificate } = await createProfile(repositories, og, { bundleId, expirationDate: expiresAt, name: uniqueName('Profile') });
  const app = await createApp(repositories, og, { bundleId, name: uniqueName('App') });
  const bundles = [{ bundleId, profileId: profile.id, signingCertificateId: certificate.id }];
  const version = defined(await repositories.appVersions.add(og.scope, app.id, versionInput(bundles)), 'version');
  const deviceIds: number[] = [];
  for (let index = 0; index < devices; index += 1) {
    const device = defined(
      await repositories.devices.upsert(og.scope, { udid: uniqueName('udid'), ogId: og.og.id, seenAt: NOW, userEmail, name: `Device ${index}` }),
      'device',
    );
    await repositories.devices.recordInstallations(og.scope, device.id, [{ bundleId, appVersionId: version.id }], NOW);
    deviceIds.push(device.id);
  }
  return { profile, certificate, app, version, deviceIds };
}

export { createScopedOg };
