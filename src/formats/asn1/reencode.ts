import { concatBytes, copyBytes } from './bytes.js';
import type { Asn1Element } from './element.js';
import { encodeIdentifier, encodeTlv } from './encode.js';

/**
 * Re-encodes an element with definite lengths all the way down: what a BER encoder's output
 * must become before a signature over "the DER encoding" can be checked. It does not reorder SET
 * members or merge constructed strings; callers that need those do them on top.
 */
export function toDefiniteLength(element: Asn1Element): Uint8Array {
  if (!element.constructed) return copyBytes(element.bytes);
  const identifier = encodeIdentifier(element.tagClass, true, element.tagNumber);
  return encodeTlv(identifier, concatBytes(element.children().map(toDefiniteLength)));
}
