import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ProfileType } from '../../src/formats/profile/index.js';
import { buildIpa, developerSigner } from '../../src/testkit/ipa/index.js';
import { buildProfile } from '../../src/testkit/profile/index.js';
import { unique } from '../http/fixtures.js';

const DAY_MS = 86_400_000;
const TEAM = 'TESTTEAM01';

/** What a test build looks like; defaults give an app the server accepts. */
export interface BuildSpec {
  readonly bundleId?: string;
  readonly displayName?: string;
  readonly shortVersion?: string;
  readonly build?: string;
  /** Whole days from now until the profile expires; an hour is added so `daysLeft` is exact. */
  readonly expiresInDays?: number;
  readonly profileType?: ProfileType;
  /** Leave the profile out of the .ipa, to send it with `--profile` instead. */
  readonly profileApart?: boolean;
  /** Incompressible bytes inside the app, for large uploads. */
  readonly filler?: number;
}

/** Files of a test build on disk. */
export interface TestBuild {
  readonly bundleId: string;
  readonly ipaPath: string;
  /** The profile the app runs under, also written as its own file. */
  readonly profilePath: string;
  readonly profileUuid: string;
  /** Writes a replacement of the profile (same team, bundle id and certificate) expiring later; returns its path and UUID. */
  readonly writeRenewal: (expiresInDays: number) => { readonly path: string; readonly uuid: string };
}

/**
 * An .ipa signed by a test-PKI developer certificate, with an enterprise profile (or `profileType`)
 * that lists that certificate and covers the bundle id, dated relative to now because the server
 * judges expiry by its real clock.
 */
export async function writeBuild(dir: string, spec: BuildSpec = {}): Promise<TestBuild> {
  const now = Date.now();
  const bundleId = spec.bundleId ?? `com.example.${unique('app').replace('-', '')}`;
  const signer = developerSigner(TEAM, { notBefore: new Date(now - 365 * DAY_MS), notAfter: new Date(now + 1000 * DAY_MS) });
  const profileUuid = randomUUID();
  const profile = buildProfile({
    type: spec.profileType ?? 'enterprise',
    uuid: profileUuid,
    name: `${spec.displayName ?? bundleId} profile`,
    teamId: TEAM,
    bundleId,
    developerCertificates: [signer.certificate],
    creationDate: new Date(now - DAY_MS),
    expirationDate: new Date(now + (spec.expiresInDays ?? 200) * DAY_MS + 3_600_000),
  });
  const stem = path.join(dir, bundleId);
  const profilePath = `${stem}.mobileprovision`;
  writeFileSync(profilePath, profile);
  const ipaPath = `${stem}.ipa`;
  await buildIpa(
    {
      bundleId,
      displayName: spec.displayName ?? null,
      shortVersion: spec.shortVersion ?? '1.0',
      version: spec.build ?? '1',
      profile: spec.profileApart === true ? null : profile,
      signer,
      filler: spec.filler,
    },
    ipaPath,
  );
  const writeRenewal = (expiresInDays: number) => {
    const uuid = randomUUID();
    const renewed = buildProfile({
      type: spec.profileType ?? 'enterprise',
      uuid,
      name: `${spec.displayName ?? bundleId} profile`,
      teamId: TEAM,
      bundleId,
      developerCertificates: [signer.certificate],
      creationDate: new Date(now - DAY_MS),
      expirationDate: new Date(now + expiresInDays * DAY_MS + 3_600_000),
    });
    const renewedPath = `${stem}.${uuid}.mobileprovision`;
    writeFileSync(renewedPath, renewed);
    return { path: renewedPath, uuid };
  };
  return { bundleId, ipaPath, profilePath, profileUuid, writeRenewal };
}
