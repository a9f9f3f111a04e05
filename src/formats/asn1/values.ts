import { FormatError, type FormatErrorCode } from '../errors.js';
import { concatBytes } from './bytes.js';
import type { Asn1Element } from './element.js';
import { decodeOid } from './oid.js';
import { TagClass, UniversalTag, describeTag } from './tags.js';
import { decodeGeneralizedTime, decodeUtcTime } from './time.js';

/**
 * Returns `element` when it carries the expected tag, else throws `code` naming `what` was
 * expected. Lets CMS and X.509 report structure errors in their own vocabulary.
 */
export function expectElement(
  element: Asn1Element | undefined,
  tagClass: TagClass,
  tagNumber: number,
  what: string,
  code: FormatErrorCode,
): Asn1Element {
  if (!element) throw new FormatError(code, `${what} is missing`);
  if (!element.is(tagClass, tagNumber)) {
    throw new FormatError(code, `${what}: expected ${describeTag(tagClass, tagNumber)}, found ${element.describe()}`);
  }
  return element;
}

/** The value of a BOOLEAN (any non-zero octet is true, as BER allows). */
export function readBoolean(element: Asn1Element): boolean {
  const content = primitiveContent(element, 'BOOLEAN');
  if (content.length !== 1) throw invalid(element, 'a BOOLEAN holds exactly one octet');
  return content[0] !== 0;
}

/** The two's-complement content octets of an INTEGER (or ENUMERATED), as a view. */
export function readIntegerBytes(element: Asn1Element): Uint8Array {
  const content = primitiveContent(element, 'INTEGER');
  if (content.length === 0) throw invalid(element, 'an INTEGER needs at least one octet');
  return content;
}

/** The value of an INTEGER as a bigint. */
export function readBigInt(element: Asn1Element): bigint {
  const content = readIntegerBytes(element);
  let value = 0n;
  for (const octet of content) value = (value << 8n) | BigInt(octet);
  const negative = (content[0]! & 0x80) !== 0;
  return negative ? value - (1n << BigInt(content.length * 8)) : value;
}

/** The value of an INTEGER that must fit a safe JavaScript number (versions, small counts). */
export function readSmallInteger(element: Asn1Element): number {
  const value = readBigInt(element);
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw invalid(element, 'INTEGER too large');
  }
  return Number(value);
}

/** The dotted form of an OBJECT IDENTIFIER. */
export function readOid(element: Asn1Element): string {
  return decodeOid(primitiveContent(element, 'OBJECT IDENTIFIER'));
}

/**
 * The octets of an OCTET STRING. Primitive: a view into the input. Constructed (BER chunks,
 * e.g. Apple's eContent): the chunks concatenated into a new array.
 */
export function readOctets(element: Asn1Element): Uint8Array {
  return readStringOctets(element, UniversalTag.octetString);
}

/** A BIT STRING's bits, with the count of unused bits in the last octet. */
export function readBitString(element: Asn1Element): { readonly unusedBits: number; readonly bytes: Uint8Array } {
  const content = primitiveContent(element, 'BIT STRING');
  const unusedBits = content[0];
  if (unusedBits === undefined || unusedBits > 7 || (content.length === 1 && unusedBits !== 0)) {
    throw invalid(element, 'malformed BIT STRING');
  }
  return { unusedBits, bytes: content.subarray(1) };
}

/** The text of any ASN.1 character string type X.509 names use. */
export function readText(element: Asn1Element): string {
  if (element.tagClass !== TagClass.universal) throw invalid(element, 'not a character string');
  const octets = readStringOctets(element, element.tagNumber);
  switch (element.tagNumber) {
    case UniversalTag.utf8String:
      return decodeUtf8(element, octets);
    case UniversalTag.bmpString:
      return decodeUtf16be(element, octets);
    case UniversalTag.universalString:
      return decodeUtf32be(element, octets);
    case UniversalTag.printableString:
    case UniversalTag.ia5String:
    case UniversalTag.numericString:
    case UniversalTag.visibleString:
    case UniversalTag.teletexString: // T.61 in theory; Latin-1 in every certificate we have seen
      return decodeLatin1(octets);
    default:
      throw invalid(element, 'not a character string');
  }
}

/** The instant a UTCTime or GeneralizedTime names. */
export function readTime(element: Asn1Element): Date {
  const text = decodeLatin1(primitiveContent(element, 'time'));
  if (element.isUniversal(UniversalTag.utcTime)) return decodeUtcTime(text);
  if (element.isUniversal(UniversalTag.generalizedTime)) return decodeGeneralizedTime(text);
  throw invalid(element, 'expected UTCTime or GeneralizedTime');
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Names and times are short: building the string directly beats TextDecoder's per-call cost. */
function decodeLatin1(octets: Uint8Array): string {
  let text = '';
  for (const octet of octets) text += String.fromCharCode(octet);
  return text;
}

function isAscii(octets: Uint8Array): boolean {
  for (const octet of octets) if (octet >= 0x80) return false;
  return true;
}

function readStringOctets(element: Asn1Element, universalTag: number): Uint8Array {
  if (!element.constructed) return element.content;
  const parts: Uint8Array[] = [];
  for (const chunk of element.children()) {
    if (chunk.tagClass !== TagClass.universal || chunk.tagNumber !== universalTag) {
      const expected = describeTag(TagClass.universal, universalTag);
      throw invalid(chunk, `a constructed string may only hold ${expected} chunks`);
    }
    parts.push(readStringOctets(chunk, universalTag));
  }
  return concatBytes(parts);
}

function primitiveContent(element: Asn1Element, what: string): Uint8Array {
  if (element.constructed) throw invalid(element, `a ${what} must be primitive`);
  return element.content;
}

function decodeUtf8(element: Asn1Element, octets: Uint8Array): string {
  try {
    return isAscii(octets) ? decodeLatin1(octets) : UTF8.decode(octets);
  } catch {
    throw invalid(element, 'malformed UTF8String');
  }
}

function decodeUtf16be(element: Asn1Element, octets: Uint8Array): string {
  if (octets.length % 2 !== 0) throw invalid(element, 'odd-length BMPString');
  let text = '';
  for (let i = 0; i < octets.length; i += 2) text += String.fromCharCode((octets[i]! << 8) | octets[i + 1]!);
  return text;
}

function decodeUtf32be(element: Asn1Element, octets: Uint8Array): string {
  if (octets.length % 4 !== 0) throw invalid(element, 'UniversalString length not a multiple of 4');
  let text = '';
  for (let i = 0; i < octets.length; i += 4) {
    const codePoint = ((octets[i]! << 24) | (octets[i + 1]! << 16) | (octets[i + 2]! << 8) | octets[i + 3]!) >>> 0;
    if (codePoint > 0x10ffff) throw invalid(element, 'UniversalString code point out of range');
    text += String.fromCodePoint(codePoint);
  }
  return text;
}

function invalid(element: Asn1Element, problem: string): FormatError {
  return new FormatError('asn1.invalid', `${problem} (${element.describe()})`);
}
