import type { SignatureVerification } from '../cms/index.js';
import type { PlistDict } from '../plist/types.js';
import type { CertificateSummary } from '../x509/index.js';

/**
 * How a profile may be used, decided by {@link classifyProfile}:
 * - `enterprise`: in-house distribution to any device (ProvisionsAllDevices on iOS).
 * - `developer-id`: macOS distribution outside the Mac App Store (ProvisionsAllDevices on macOS).
 * - `development` / `adhoc`: limited to the listed device UDIDs.
 * - `appstore`: store distribution only; never installable on a managed device.
 */
export type ProfileType = 'enterprise' | 'developer-id' | 'development' | 'adhoc' | 'appstore';

/** A certificate listed in the profile's DeveloperCertificates, with its DER kept for storage. */
export interface ProfileCertificate extends CertificateSummary {
  readonly der: Uint8Array;
}

/** Everything Provisio reads from a .mobileprovision / .provisionprofile. */
export interface ProvisioningProfile {
  readonly name: string;
  readonly uuid: string;
  readonly teamId: string | null;
  readonly teamName: string | null;
  readonly appIdName: string | null;
  readonly applicationIdentifierPrefix: readonly string[];
  /** `TEAMID.bundle.id` as in the entitlements; may end in `*`. */
  readonly applicationIdentifier: string;
  readonly bundleId: string;
  readonly isWildcard: boolean;
  /** Apple's platform names (`iOS`, `OSX`, `tvOS`, `xrOS`, ...); `['iOS']` when the key is absent. */
  readonly platforms: readonly string[];
  readonly type: ProfileType;
  readonly creationDate: Date;
  readonly expirationDate: Date;
  readonly timeToLive: number | null;
  readonly version: number | null;
  readonly isXcodeManaged: boolean | null;
  readonly provisionsAllDevices: boolean;
  readonly devices: readonly string[];
  readonly getTaskAllow: boolean | null;
  readonly certificates: readonly ProfileCertificate[];
  readonly entitlements: PlistDict;
  readonly hasDerEncodedProfile: boolean;
  readonly ppqCheck: boolean | null;
  readonly signature: SignatureVerification;
}
