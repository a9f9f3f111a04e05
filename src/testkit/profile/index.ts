/** Provisioning profiles of every type, generated and signed by the test PKI. */
export { buildProfile, defaultSigner, tamperProfile, type BuildProfileOptions, type ProfileSigner } from './build-profile.js';
export { profilePayload, type ProfileSpec } from './payload.js';
