/**
 * Property lists: Apple's XML and binary (`bplist00`) formats, read and written.
 *
 * Reading is pure and total: any input either parses or throws `FormatError` with one of the
 * codes below, within the `PlistLimits` on size, depth and decoded values.
 *
 * Error codes (stable; see errors.ts):
 * - `plist.unrecognized`      neither `bplist00` nor XML (after an optional BOM and whitespace)
 * - `plist.too_large`         input, or the binary reader's decoded strings and data, over `maxBytes`
 * - `plist.too_deep`          arrays/dictionaries nested deeper than `maxDepth` (also when writing)
 * - `plist.too_many_nodes`    more than `maxNodes` decoded values, keys included; a binary object
 *                             referenced n times counts n times (expansion bombs)
 * - `plist.invalid_utf8`      XML bytes that are not UTF-8
 * - `plist.malformed_xml`     anything not well-formed: unclosed or mismatched tags, text between
 *                             elements, no `<plist>` root, bad character references
 * - `plist.doctype_forbidden` a DOCTYPE with an internal subset `[…]`, or any `<!ENTITY`
 * - `plist.unknown_entity`    an entity other than the five predefined ones
 * - `plist.unknown_element`   an element that is not a plist type
 * - `plist.invalid_dict`      `<dict>` children that do not alternate `<key>` and value
 * - `plist.duplicate_key`     a key appearing twice in one dictionary (XML or binary)
 * - `plist.invalid_base64`    `<data>` with a character outside base64 and whitespace, or bad padding
 * - `plist.invalid_integer`   `<integer>` that is not a decimal integer within 128 bits
 * - `plist.invalid_real`      `<real>` that is not a decimal number, nan or ±infinity
 * - `plist.invalid_date`      `<date>` not `YYYY-MM-DDTHH:MM:SSZ` or not a calendar date;
 *                             a binary date out of range
 * - `plist.invalid_boolean`   `<true>` or `<false>` with content
 * - `plist.truncated`         binary plist too short for its trailer, or an object running past
 *                             the object area
 * - `plist.invalid_trailer`   binary trailer with impossible sizes or top object
 * - `plist.bad_offset`        binary offset table or object reference outside its bounds
 * - `plist.invalid_object`    binary object of a type plists do not hold (null, fill, UTF-8 …)
 * - `plist.invalid_key`       binary dictionary key that is not a string
 * - `plist.cycle`             a binary container that contains itself; a cyclic value to write
 * - `plist.unencodable`       a value the writers cannot represent (invalid Date, integer over
 *                             128 bits, null or undefined)
 */
import { hasBinaryMagic } from './binary-trailer.js';
import { parseBinaryPlist } from './binary-reader.js';
import { plistError } from './errors.js';
import type { PlistLimits } from './limits.js';
import type { PlistValue } from './types.js';
import { parseXmlPlist } from './xml-reader.js';

export { parseBinaryPlist } from './binary-reader.js';
export { writeBinaryPlist } from './binary-writer.js';
export type { PlistErrorCode } from './errors.js';
export { DEFAULT_PLIST_LIMITS } from './limits.js';
export type { PlistLimits } from './limits.js';
export type { PlistDict, PlistValue } from './types.js';
export { parseXmlPlist } from './xml-reader.js';
export { writeXmlPlist } from './xml-writer.js';

/** Parses a binary or XML property list, telling them apart by their first bytes. */
export function parsePlist(bytes: Uint8Array, limits?: Partial<PlistLimits>): PlistValue {
  if (hasBinaryMagic(bytes)) return parseBinaryPlist(bytes, limits);
  if (looksLikeXml(bytes)) return parseXmlPlist(bytes, limits);
  throw plistError('plist.unrecognized', 'neither a binary (bplist00) nor an XML property list');
}

/** An optional UTF-8 byte order mark, optional whitespace, then `<`. */
function looksLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d) i++;
  return bytes[i] === 0x3c;
}
