import { isFormatError } from '../../formats/errors.js';
import { isDict } from '../../formats/plist/access.js';
import { parsePlist, type PlistDict, type PlistLimits } from '../../formats/plist/index.js';
import { MdmProtocolError } from './errors.js';
import { describe } from './fields.js';

/** What every decoded device message keeps: the bytes as received and the decoded plist. */
export interface RawMessage {
  /** The body exactly as the device sent it (a copy the message owns). */
  readonly raw: Uint8Array;
  readonly plist: PlistDict;
}

/**
 * Bounds for device message bodies. The largest real ones (a Mac's InstalledApplicationList or
 * ProfileList) are a few hundred kilobytes and nest about eight levels deep.
 */
export const MDM_BODY_LIMITS: PlistLimits = Object.freeze({
  maxBytes: 16 * 1024 * 1024,
  maxDepth: 64,
  maxNodes: 500_000,
});

/**
 * Decodes a message body (XML as devices send it, or a binary plist) to its root dictionary.
 * Throws `mdm.invalid_plist` or `mdm.not_a_dictionary`.
 */
export function decodeMessageBody(body: Uint8Array, limits: Partial<PlistLimits> = MDM_BODY_LIMITS): PlistDict {
  let root;
  try {
    root = parsePlist(body, { ...MDM_BODY_LIMITS, ...limits });
  } catch (error) {
    if (!isFormatError(error)) throw error;
    throw new MdmProtocolError('mdm.invalid_plist', `the body is not a property list (${error.code}: ${error.message})`, {
      cause: error,
    });
  }
  if (!isDict(root)) throw new MdmProtocolError('mdm.not_a_dictionary', `the body's root is ${describe(root)}, not a dictionary`);
  return root;
}

/** A copy the message owns: callers often hand in pooled or reused request buffers. */
export function ownCopy(bytes: Uint8Array): Uint8Array {
  return Uint8Array.prototype.slice.call(bytes);
}
