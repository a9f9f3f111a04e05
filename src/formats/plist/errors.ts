import { FormatError } from '../errors.js';

/**
 * Every code the plist codec throws. The list is part of the public contract (see index.ts):
 * codes are added, never renamed.
 */
export type PlistErrorCode =
  | 'plist.unrecognized'
  | 'plist.too_large'
  | 'plist.too_deep'
  | 'plist.too_many_nodes'
  | 'plist.invalid_utf8'
  | 'plist.malformed_xml'
  | 'plist.doctype_forbidden'
  | 'plist.unknown_entity'
  | 'plist.unknown_element'
  | 'plist.invalid_dict'
  | 'plist.duplicate_key'
  | 'plist.invalid_base64'
  | 'plist.invalid_integer'
  | 'plist.invalid_real'
  | 'plist.invalid_date'
  | 'plist.invalid_boolean'
  | 'plist.truncated'
  | 'plist.invalid_trailer'
  | 'plist.bad_offset'
  | 'plist.invalid_object'
  | 'plist.invalid_key'
  | 'plist.cycle'
  | 'plist.unencodable';

/** Creates the `FormatError` for a plist problem; call sites `throw` it so control flow stays visible. */
export function plistError(code: PlistErrorCode, message: string): FormatError {
  return new FormatError(code, message);
}

/** Enough of an input value to recognise it in an error message, never the whole of it. */
export function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
