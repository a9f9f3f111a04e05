/**
 * Enrollment: Provisio's own CA, the device identities it issues, and the .mobileconfig that
 * carries an identity (PKCS #12) and the MDM payload to a device. Side effects are limited to
 * key generation and the injected {@link CaStore} (a file implementation is included).
 */
export {
  createEnrollmentCa,
  openEnrollmentCa,
  type CaMaterial,
  type CreateEnrollmentCaOptions,
  type EnrollmentCa,
} from './ca.js';
export { loadOrCreateEnrollmentCa, type CaStore } from './ca-store.js';
export { FileCaStore } from './ca-file-store.js';
export { issueDeviceIdentity, type DeviceIdentity, type IssueDeviceIdentityOptions, type OgRef } from './device-identity.js';
export { ALL_ACCESS_RIGHTS, buildEnrollmentProfile, type EnrollmentProfileInput } from './enrollment-profile.js';
export { issueEnrollmentProfile, type EnrollmentRequest, type IssuedEnrollment } from './enroll.js';
export { encodePkcs12, type Pkcs12Input } from './pkcs12/pfx.js';
export type { KeyProtection } from './pkcs12/shrouded-key.js';
