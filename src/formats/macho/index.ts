/**
 * Mach-O code signatures: from an executable's headers to the CMS that signed it.
 *
 * Error codes: `macho.invalid` (not Mach-O, impossible headers, ranges pointing backwards),
 * `macho.truncated` (a range the headers point at lies past the end). Unsigned is not an error.
 */
export { readCodeSignature, type CodeSignature } from './code-signature.js';
export { BlobMagic, CpuType, MachMagic, SlotType } from './constants.js';
export { streamedSource, type ForwardSource } from './forward-source.js';
