import { TrustAnchors } from '../formats/cms/index.js';
import { bundleIdCovers, parseProfile, type ProvisioningProfile } from '../formats/profile/index.js';

/** A provisioning profile as the device holds it. */
export interface HeldProfile {
  readonly uuid: string;
  readonly name: string;
  readonly expiryDate: Date;
  /** The bundle id pattern of its App ID (`com.acme.app`, `com.acme.*`). */
  readonly bundleIdPattern: string;
  readonly teamId: string | null;
}

/** Why a profile was not installed, in the device's words. */
export type ProfileRefusal = 'unreadable' | 'bad-signature';

/**
 * The provisioning profiles on a device, by UUID. Installing the same UUID again is not an error
 * (the device answers Acknowledged), as iOS does.
 */
export class ProfileStore {
  readonly #profiles = new Map<string, HeldProfile>();

  /**
   * @param trust anchors profile signatures must chain to; without, any intact signature is
   *   accepted (the simulator does not have Apple's private keys, and the server's test profiles
   *   are signed by test CAs). A tampered or unsigned profile is always refused.
   */
  constructor(private readonly trust?: TrustAnchors) {}

  /** Installs the signed profile bytes; returns the profile, or why it was refused. */
  install(bytes: Uint8Array): HeldProfile | ProfileRefusal {
    let profile: ProvisioningProfile;
    try {
      profile = parseProfile(bytes, { trust: this.trust ?? TrustAnchors.empty() });
    } catch {
      return 'unreadable';
    }
    const status = profile.signature.status;
    if (status === 'tampered' || status === 'unsigned' || (status === 'untrusted' && this.trust)) return 'bad-signature';
    return this.adopt(profile);
  }

  /** Adds a profile that came inside an app (its embedded.mobileprovision). */
  adopt(profile: ProvisioningProfile): HeldProfile {
    const held: HeldProfile = {
      uuid: profile.uuid,
      name: profile.name,
      expiryDate: profile.expirationDate,
      bundleIdPattern: profile.bundleId,
      teamId: profile.teamId,
    };
    this.#profiles.set(held.uuid, held);
    return held;
  }

  /** Removes by UUID; false when no such profile is installed. */
  remove(uuid: string): boolean {
    return this.#profiles.delete(uuid);
  }

  has(uuid: string): boolean {
    return this.#profiles.has(uuid);
  }

  list(): HeldProfile[] {
    return [...this.#profiles.values()];
  }

  /** True when a profile covering `bundleId` is installed and not expired at `now`. */
  covers(bundleId: string, now: Date): boolean {
    return this.list().some((profile) => profile.expiryDate > now && bundleIdCovers(profile.bundleIdPattern, bundleId));
  }
}
