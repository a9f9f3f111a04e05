/**
 * ASN.1: a zero-copy DER/BER reader and a DER writer (plus the BER forms fixtures need).
 *
 * Error codes thrown here:
 * - `asn1.truncated`: a length or header runs past the end of the input or of its parent.
 * - `asn1.too_deep`: elements nest deeper than {@link MAX_DEPTH}.
 * - `asn1.invalid`: any other malformed encoding (bad length octet, primitive with indefinite
 *   length, malformed OID/time/string, trailing bytes).
 */
export { Asn1Element, MAX_DEPTH, decodeAsn1, type DecodeOptions } from './element.js';
export {
  expectElement,
  readBigInt,
  readBitString,
  readBoolean,
  readIntegerBytes,
  readOctets,
  readOid,
  readSmallInteger,
  readText,
  readTime,
} from './values.js';
export { der } from './der.js';
export { ber } from './ber.js';
export { encodeIdentifier, encodeLength, encodeTlv, retag } from './encode.js';
export { toDefiniteLength } from './reencode.js';
export { decodeOid, encodeOid } from './oid.js';
export { TagClass, UniversalTag, describeTag } from './tags.js';
export { asBuffer, bytesEqual, compareBytes, concatBytes, copyBytes, fromHex, toHex } from './bytes.js';
