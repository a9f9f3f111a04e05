import { randomUUID } from 'node:crypto';
import { buildIpa, type CodeSigner } from '../testkit/ipa/index.js';
import { buildProfile } from '../testkit/profile/index.js';
import type { DemoPki } from './demo-pki.js';
import { APPS, DEMO_TEAM, RENEWED_SHARED_PROFILE, SHARED_PROFILE, type AppPlan, type CertificatePlan, type ProfilePlan } from './world-plan.js';

const DAY_MS = 86_400_000;

/** One app ready to upload: the .ipa embeds its profile and its executable is signed. */
export interface AppBuild {
  readonly plan: AppPlan;
  readonly ipa: Uint8Array;
}

/** Everything the demo uploads or hands to the visitor, signed by the demo CA. */
export interface DemoBuilds {
  readonly apps: readonly AppBuild[];
  /** The replacement of the shared profile: same App ID and certificate, a year of validity. */
  readonly renewedSharedProfile: Uint8Array;
}

/** Builds every app of the plan and the replacement profile, as of `now`. */
export async function buildDemoFiles(pki: DemoPki, now: Date): Promise<DemoBuilds> {
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const signers = new Map<CertificatePlan['key'], CodeSigner>();
  const signerFor = (plan: CertificatePlan): CodeSigner => {
    let signer = signers.get(plan.key);
    if (!signer) {
      // Apple issues distribution certificates for three years.
      signer = pki.distributionSigner(DEMO_TEAM.id, DEMO_TEAM.name, { notBefore: at(plan.expiresInDays - 3 * 365), notAfter: at(plan.expiresInDays) });
      signers.set(plan.key, signer);
    }
    return signer;
  };
  const profiles = new Map<ProfilePlan, Uint8Array>();
  const profileFor = (app: AppPlan): Uint8Array => {
    let profile = profiles.get(app.profile);
    if (!profile) {
      profile = signedProfile(pki, app.profile, signerFor(app.certificate), at(-app.uploadedDaysAgo - 2), at(app.profile.expiresInDays));
      profiles.set(app.profile, profile);
    }
    return profile;
  };
  const apps: AppBuild[] = [];
  for (const plan of APPS) {
    const ipa = await buildIpa({ bundleId: plan.bundleId, displayName: plan.name, shortVersion: '1.0', version: '1', profile: profileFor(plan), signer: signerFor(plan.certificate) });
    apps.push({ plan, ipa });
  }
  const sharedSigner = signerFor(sharedProfileCertificate());
  const renewedSharedProfile = signedProfile(pki, RENEWED_SHARED_PROFILE, sharedSigner, now, at(RENEWED_SHARED_PROFILE.expiresInDays));
  return { apps, renewedSharedProfile };
}

/** The certificate the apps under the shared profile are signed with: the renewal must keep it. */
function sharedProfileCertificate(): CertificatePlan {
  const app = APPS.find((plan) => plan.profile === SHARED_PROFILE);
  if (!app) throw new Error('the demo plan has no app under the shared profile');
  return app.certificate;
}

function signedProfile(pki: DemoPki, plan: ProfilePlan, signer: CodeSigner, creationDate: Date, expirationDate: Date): Uint8Array {
  return buildProfile({
    type: 'enterprise',
    name: plan.name,
    uuid: randomUUID().toUpperCase(),
    teamId: DEMO_TEAM.id,
    teamName: DEMO_TEAM.name,
    bundleId: plan.bundleId,
    creationDate,
    expirationDate,
    developerCertificates: [signer.certificate],
    signer: pki.profileSigner,
  });
}
