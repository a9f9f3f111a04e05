import type { RenewalTarget } from '../../domain/renewal-facts.js';
import type { Repositories } from '../../store/repositories.js';
import type { Scope } from '../../store/scope.js';

/**
 * Every bundle of every app version that runs under the profile, with its app's OG and the
 * fingerprint of the certificate that signed it: what the renewal checks judge.
 */
export async function renewalTargets(repositories: Repositories, scope: Scope, profileId: number): Promise<RenewalTarget[]> {
  const usages = (await repositories.profiles.usages(scope, profileId)) ?? [];
  const appOgs = new Map<number, number>();
  const signers = new Map<number, string | null>();
  const targets: RenewalTarget[] = [];
  for (const usage of usages) {
    if (!appOgs.has(usage.appId)) appOgs.set(usage.appId, (await repositories.apps.get(scope, usage.appId))?.ogId ?? scope.ogId);
    const bundles = (await repositories.appVersions.bundles(scope, usage.appVersionId)) ?? [];
    const certificateId = bundles.find((bundle) => bundle.bundleId === usage.bundleId)?.signingCertificateId;
    targets.push({
      ...usage,
      ogId: appOgs.get(usage.appId) ?? scope.ogId,
      signingCertificateSha256: certificateId === undefined ? null : await signerSha256(repositories, scope, certificateId, signers),
    });
  }
  return targets;
}

async function signerSha256(repositories: Repositories, scope: Scope, id: number, cache: Map<number, string | null>): Promise<string | null> {
  if (!cache.has(id)) cache.set(id, (await repositories.certificates.get(scope, id))?.sha256 ?? null);
  return cache.get(id) ?? null;
}
