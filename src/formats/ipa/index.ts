/**
 * IPA inspection: the app bundle's Info.plist, embedded provisioning profiles and code signing
 * certificates, for the app and its extensions.
 *
 * Error codes: `ipa.no_app_bundle`, `ipa.multiple_app_bundles`, `ipa.no_info_plist`,
 * `ipa.invalid_info_plist`, `ipa.missing_bundle_id`; the `zip.*`, `macho.*`, `profile.*`,
 * `cms.*`, `asn1.*`, `plist.*` (inside a profile) and `x509.*` codes pass through.
 */
export { inspectIpa } from './inspect.js';
export { findAppBundle, findExtensions } from './bundle-layout.js';
export type { InspectIpaOptions, IpaExtension, IpaInspection } from './types.js';
