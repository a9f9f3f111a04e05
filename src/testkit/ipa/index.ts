/** IPA fixture builder: apps and extensions with signed executables and embedded profiles. */
export { buildIpa } from './build-ipa.js';
export { developerSigner } from './signer.js';
export type { CodeSigner, IpaBundleSpec, IpaExtensionSpec, IpaSpec } from './spec.js';
