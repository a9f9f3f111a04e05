import { randomBytes } from 'node:crypto';
import type { EnrollmentCa } from './ca.js';
import { issueDeviceIdentity, type DeviceIdentity, type OgRef } from './device-identity.js';
import { buildEnrollmentProfile, type EnrollmentProfileInput } from './enrollment-profile.js';
import { encodePkcs12 } from './pkcs12/pfx.js';
import type { KeyProtection } from './pkcs12/shrouded-key.js';

/** What a download of an OG's enrollment profile needs. */
export interface EnrollmentRequest extends Omit<EnrollmentProfileInput, 'identity' | 'og'> {
  readonly og: OgRef;
  /** Names the identity certificate (see `issueDeviceIdentity`). */
  readonly udidHint: string;
  readonly now?: Date;
  /**
   * How the identity's key is protected. Default `legacy-3des`: iOS has long refused PKCS #12
   * files whose key bag uses AES (OpenSSL 3's default), and a profile that does not install
   * enrolls nobody. Its password travels inside the profile anyway.
   */
  readonly keyProtection?: KeyProtection;
}

/** A fresh enrollment profile and the identity inside it (whose fingerprint Authenticate will present). */
export interface IssuedEnrollment {
  readonly mobileconfig: Uint8Array;
  readonly identity: DeviceIdentity;
}

/** Issues a device identity and wraps it, with the MDM payload, into a .mobileconfig. */
export async function issueEnrollmentProfile(ca: EnrollmentCa, request: EnrollmentRequest): Promise<IssuedEnrollment> {
  const identity = await issueDeviceIdentity(ca, { udidHint: request.udidHint, og: request.og, now: request.now });
  const password = randomBytes(18).toString('base64url');
  const pkcs12 = encodePkcs12({
    certificate: identity.certificate,
    privateKey: identity.privateKey,
    password,
    friendlyName: 'Provisio device identity',
    protection: request.keyProtection ?? 'legacy-3des',
  });
  return { mobileconfig: buildEnrollmentProfile({ ...request, identity: { pkcs12, password } }), identity };
}
