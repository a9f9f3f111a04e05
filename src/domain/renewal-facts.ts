import type { ProfileType } from '../formats/profile/index.js';
import type { SignatureStatus } from './model.js';

/*
 * What the renewal rules read. The stored `Profile` plus its certificates, and the parsed
 * replacement file, both fit these shapes, so the rules are tested with plain values.
 */

/** A certificate as the renewal rules name it. */
export interface RenewalCertificate {
  /** Lowercase hex SHA-256 of the DER encoding. */
  readonly sha256: string;
  readonly commonName: string | null;
}

/** A provisioning profile, the one in use (P) or its replacement. */
export interface RenewalProfileFacts {
  readonly uuid: string;
  readonly name: string;
  readonly type: ProfileType;
  /** The bundle id or wildcard pattern of the application-identifier. */
  readonly bundleId: string;
  readonly teamId: string | null;
  readonly expirationDate: Date;
  readonly certificates: readonly RenewalCertificate[];
  readonly entitlements: Readonly<Record<string, unknown>>;
  readonly provisionedDevices: readonly string[];
}

/** The replacement also carries its signature check. */
export interface ReplacementFacts extends RenewalProfileFacts {
  readonly signature: { readonly status: SignatureStatus; readonly reason: string | null };
}

/** One bundle (app or extension) of one app version that runs under P today. */
export interface RenewalTarget {
  readonly appId: number;
  readonly appName: string;
  readonly ogId: number;
  readonly appVersionId: number;
  readonly shortVersion: string;
  readonly build: string;
  readonly bundleId: string;
  /** SHA-256 of the certificate that signed this bundle's binary; null when unknown. */
  readonly signingCertificateSha256: string | null;
}
