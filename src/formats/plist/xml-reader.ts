import { plistError } from './errors.js';
import { checkInputSize, resolveLimits } from './limits.js';
import type { PlistLimits } from './limits.js';
import type { PlistValue } from './types.js';
import { skipProlog } from './xml-prolog.js';
import { XmlScanner } from './xml-scanner.js';
import { XmlValueReader } from './xml-values.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses an XML property list: UTF-8 bytes (a BOM is allowed) or an already decoded string.
 * Throws `FormatError` with a `plist.*` code for anything that is not a well-formed plist.
 */
export function parseXmlPlist(input: string | Uint8Array, limits?: Partial<PlistLimits>): PlistValue {
  const resolved = resolveLimits(limits);
  checkInputSize(input.length, resolved);
  const scanner = new XmlScanner(typeof input === 'string' ? input : decodeUtf8(input));
  skipProlog(scanner);
  openRootElement(scanner);
  const value = new XmlValueReader(scanner, resolved).readValue();
  scanner.expectEndTag('plist');
  scanner.skipMisc();
  if (!scanner.atEnd()) scanner.fail('plist.malformed_xml', 'content after </plist>');
  return value;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes); // also drops a UTF-8 byte order mark
  } catch {
    throw plistError('plist.invalid_utf8', 'input is not valid UTF-8');
  }
}

function openRootElement(scanner: XmlScanner): void {
  if (scanner.atEnd()) scanner.fail('plist.malformed_xml', 'no root element');
  const name = scanner.readTag();
  if (scanner.closing || name !== 'plist') scanner.fail('plist.malformed_xml', 'the root element is not <plist>');
  if (scanner.selfClosing) scanner.fail('plist.malformed_xml', 'empty <plist>');
}
