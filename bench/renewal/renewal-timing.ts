import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { FileBlobStore } from '../../src/io/blob-store.js';
import { AuditTrail } from '../../src/services/audit/audit-trail.js';
import type { Caller } from '../../src/services/auth/actor.js';
import { systemClock } from '../../src/services/auth/clock.js';
import { createCatalogServices, loadProfileTrust } from '../../src/services/catalog/index.js';
import { RenewalApplyService } from '../../src/services/lifecycle/renewal-apply.service.js';
import { RenewalPlanService } from '../../src/services/lifecycle/renewal-plan.service.js';
import type { Database } from '../../src/store/database.js';
import { seedEnrolledFleet } from '../../src/testkit/fleet/index.js';
import { buildIpa, developerSigner } from '../../src/testkit/ipa/index.js';
import { testPki } from '../../src/testkit/pki/index.js';
import { buildProfile } from '../../src/testkit/profile/index.js';

const DAY_MS = 86_400_000;
const TEAM = 'BENCHTEAM1';

/** What the renewal timing measured. */
export interface RenewalTiming {
  readonly seconds: number;
  /** Devices the install was queued for: must equal the devices seeded. */
  readonly queued: number;
}

/**
 * Times one renewal as the API applies it: `apps` apps share one enterprise profile, `devices`
 * enrolled devices have every app installed; the clock runs from the request (replacement file
 * on disk) until the transaction that queues every install committed. Pushes are not timed.
 */
export async function timeRenewal(database: Database, options: { readonly devices: number; readonly apps: number; readonly workDir: string }): Promise<RenewalTiming> {
  const { workDir } = options;
  const trust = await loadProfileTrust(workDir, { allowUntrustedProfiles: false, extraAnchorsPem: testPki().root.pem });
  const blobs = new FileBlobStore(workDir);
  const root = await database.repositories.ogs.rootScope();
  const caller: Caller = {
    actor: { kind: 'token', id: 1, name: 'bench', role: 'system', homeOg: root.ogId, scope: root },
    remoteAddress: '127.0.0.1',
  };
  const now = Date.now();
  const signer = developerSigner(TEAM, { notBefore: new Date(now - 365 * DAY_MS), notAfter: new Date(now + 1000 * DAY_MS) });
  const profile = (uuid: string, days: number) =>
    buildProfile({
      type: 'enterprise',
      uuid,
      name: 'Bench shared profile',
      teamId: TEAM,
      bundleId: 'com.bench.*',
      developerCertificates: [signer.certificate],
      creationDate: new Date(now - DAY_MS),
      expirationDate: new Date(now + days * DAY_MS),
    });
  const sharedUuid = randomUUID().toUpperCase();
  const shared = profile(sharedUuid, 45);
  const catalog = createCatalogServices({ database, blobs, clock: systemClock, trust });
  const bundleIds: string[] = [];
  for (let index = 0; index < options.apps; index++) {
    const bundleId = `com.bench.app${index + 1}`;
    const ipaPath = path.join(workDir, `${bundleId}.ipa`);
    await buildIpa({ bundleId, displayName: `Bench ${index + 1}`, shortVersion: '1.0', version: '1', profile: shared, signer }, ipaPath);
    await catalog.appUploads.uploadApp(caller, { ogId: root.ogId, ipaPath, limitedDevices: false });
    bundleIds.push(bundleId);
  }
  await seedEnrolledFleet(database, { ogId: root.ogId, devices: options.devices, bundleIds, profileUuids: [sharedUuid], udidPrefix: 'RENEWAL-' });
  const profileId = (await database.repositories.profiles.findByUuid(root, sharedUuid))[0]?.id ?? 0;
  const replacementPath = path.join(workDir, 'renewed.mobileprovision');
  writeFileSync(replacementPath, profile(randomUUID().toUpperCase(), 400));

  const plans = new RenewalPlanService({ database, trust });
  const applier = new RenewalApplyService({ database, blobs, clock: systemClock, audit: new AuditTrail(systemClock), trust, plans, pushes: { schedule: () => {} } });
  const started = performance.now();
  const { renewal } = await applier.apply(caller, profileId, { profilePath: replacementPath, applyToAllApps: true });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, queued: renewal.deviceCount };
}
