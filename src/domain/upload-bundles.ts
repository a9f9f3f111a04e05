import type { BundleFacts, IpaFacts, ProfileFacts, SignerFacts } from './upload-facts.js';

/** A bundle of an upload (the app or an extension) with the profile it will run under. */
export interface BundleAssignment<P extends ProfileFacts = ProfileFacts, S extends SignerFacts = SignerFacts> {
  readonly bundleId: string;
  readonly kind: 'app' | 'extension';
  /** The profile uploaded with the app or embedded in the bundle; an extension without one gets the app's. */
  readonly profile: P;
  readonly signingCertificate: S | null;
}

/**
 * Decides which profile each bundle runs under: the uploaded profile (or else the embedded one)
 * for the app, each extension's own embedded profile, or the app's for an extension without one.
 * Null when the app has no profile at all. The app comes first.
 */
export function assignProfiles<P extends ProfileFacts, S extends SignerFacts>(
  ipa: IpaFacts<P, S>,
  uploaded: P | null,
): BundleAssignment<P, S>[] | null {
  const appProfile = uploaded ?? ipa.profile;
  if (appProfile === null) return null;
  const app: BundleAssignment<P, S> = {
    bundleId: ipa.bundleId,
    kind: 'app',
    profile: appProfile,
    signingCertificate: ipa.signingCertificate,
  };
  return [app, ...ipa.extensions.map((extension) => assignExtension(extension, appProfile))];
}

function assignExtension<P extends ProfileFacts, S extends SignerFacts>(
  extension: BundleFacts<P, S>,
  appProfile: P,
): BundleAssignment<P, S> {
  return {
    bundleId: extension.bundleId,
    kind: 'extension',
    profile: extension.profile ?? appProfile,
    signingCertificate: extension.signingCertificate,
  };
}

/** Each profile the bundles use, once (by UUID), in bundle order. */
export function distinctProfiles<P extends ProfileFacts>(bundles: readonly BundleAssignment<P, SignerFacts>[]): P[] {
  const byUuid = new Map<string, P>();
  for (const bundle of bundles) if (!byUuid.has(bundle.profile.uuid)) byUuid.set(bundle.profile.uuid, bundle.profile);
  return [...byUuid.values()];
}
