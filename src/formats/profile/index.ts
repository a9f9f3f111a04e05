/**
 * Provisioning profiles (.mobileprovision, .provisionprofile).
 *
 * Error codes thrown here (besides the cms, asn1 and plist codes passed through):
 * - `profile.empty`: a zero-byte file.
 * - `profile.unrecognized`: neither CMS nor a property list.
 * - `profile.no_content`: a CMS message with detached content.
 * - `profile.not_a_profile`: the payload is not a dictionary.
 * - `profile.configuration_profile`: a .mobileconfig was given instead.
 * - `profile.missing_field`: a key Apple always writes is absent (names the key).
 * - `profile.invalid_field`: a key has the wrong type or shape (names the key).
 */
export { parseProfile, type ParseProfileOptions } from './parse.js';
export { classifyProfile, type ClassificationInput } from './classify.js';
export { bundleIdCovers, splitAppIdentifier, type AppIdentifier } from './app-identifier.js';
export type { ProfileCertificate, ProfileType, ProvisioningProfile } from './types.js';
