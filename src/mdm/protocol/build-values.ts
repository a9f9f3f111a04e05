import type { PlistDict, PlistValue } from '../../formats/plist/index.js';
import { MdmProtocolError } from './errors.js';

/** A dictionary of the entries that have a value: optional arguments are left out, not written empty. */
export function plistDict(entries: Readonly<Record<string, PlistValue | undefined>>): PlistDict {
  const dict: PlistDict = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value !== undefined) dict[key] = value;
  }
  return dict;
}

/** `value` when it is not empty; else `mdm.invalid_argument` naming `what`. */
export function nonEmpty(value: string, what: string): string {
  if (value.trim().length === 0) throw new MdmProtocolError('mdm.invalid_argument', `${what} must not be empty`);
  return value;
}

/** Devices only fetch manifests and talk to servers over https: anything else fails on the device, so fail here. */
export function httpsUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new MdmProtocolError('mdm.invalid_argument', `${what} is not a URL: ${value.slice(0, 80)}`);
  }
  if (url.protocol !== 'https:') {
    throw new MdmProtocolError('mdm.invalid_argument', `${what} must be an https URL, got ${url.protocol}`);
  }
  return value;
}
