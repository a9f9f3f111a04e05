import type { SignatureStatus } from '../formats/cms/index.js';
import type { ProfileType } from '../formats/profile/index.js';

/*
 * What the upload rules read from parsed files. The parser's own types (`ProvisioningProfile`,
 * `IpaInspection`, `CertificateSummary`) satisfy these shapes; the rules ask for no more, so
 * they can be tested with plain values.
 */

/** A provisioning profile as the upload rules see it. */
export interface ProfileFacts {
  readonly uuid: string;
  readonly name: string;
  readonly type: ProfileType;
  /** The bundle id or wildcard pattern of the profile's application-identifier. */
  readonly bundleId: string;
  readonly teamId: string | null;
  readonly expirationDate: Date;
  readonly certificates: readonly { readonly sha256: string }[];
  readonly signature: { readonly status: SignatureStatus; readonly reason: string | null };
}

/** The certificate that signed an executable. */
export interface SignerFacts {
  readonly sha256: string;
  readonly commonName: string | null;
  readonly teamId: string | null;
  readonly notAfter: Date;
}

/** The app bundle or one of its extensions, with its embedded profile. */
export interface BundleFacts<P extends ProfileFacts = ProfileFacts, S extends SignerFacts = SignerFacts> {
  readonly bundleId: string;
  readonly profile: P | null;
  readonly signingCertificate: S | null;
}

/** An .ipa: the app bundle and its extensions. */
export interface IpaFacts<P extends ProfileFacts = ProfileFacts, S extends SignerFacts = SignerFacts> extends BundleFacts<P, S> {
  readonly extensions: readonly BundleFacts<P, S>[];
}

/** What the upload asks for and what the server allows. */
export interface UploadPolicy {
  /** The app is meant for the devices listed in its profile only (development and ad-hoc profiles). */
  readonly limitedDevices: boolean;
  /** Accept signatures that do not chain to a trusted root (test labs); tampered ones never. */
  readonly allowUntrustedProfiles: boolean;
  readonly now: Date;
}
