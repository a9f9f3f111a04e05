import type { TrustAnchors } from '../cms/index.js';
import type { ProvisioningProfile } from '../profile/index.js';
import type { CertificateSummary } from '../x509/index.js';

export interface InspectIpaOptions {
  /** Anchors the embedded profiles' signatures are verified against. */
  readonly trust: TrustAnchors;
}

/** An app extension (`PlugIns/*.appex`) inside the app bundle. */
export interface IpaExtension {
  readonly bundleId: string;
  /** Path of the .appex folder inside the archive, without a trailing slash. */
  readonly path: string;
  readonly shortVersion: string | null;
  readonly version: string | null;
  readonly profile: ProvisioningProfile | null;
  /** The certificate that signed the extension's executable (its code signature's CMS signer). */
  readonly signingCertificate: CertificateSummary | null;
}

/** What an .ipa says about the app it carries. */
export interface IpaInspection {
  readonly bundleId: string;
  readonly shortVersion: string | null;
  readonly version: string | null;
  /** CFBundleDisplayName, else CFBundleName. */
  readonly displayName: string | null;
  readonly minimumOsVersion: string | null;
  readonly infoPlistFormat: 'binary' | 'xml';
  /** Path of the .app folder inside the archive (`Payload/X.app` or `Top/Payload/X.app`). */
  readonly appPath: string;
  readonly profile: ProvisioningProfile | null;
  readonly signingCertificate: CertificateSummary | null;
  readonly extensions: readonly IpaExtension[];
  /** The earliest profile expiration or signing certificate notAfter, app and extensions alike. */
  readonly effectiveExpiry: Date | null;
}
