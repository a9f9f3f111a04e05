import { parsePlist, type PlistValue } from '../formats/plist/index.js';

/** What little can be read from a command the device does not understand. */
export interface PeekedCommand {
  /** The RequestType, or `?` when there is none. */
  readonly requestType: string;
  /** The CommandUUID, or empty when there is none. */
  readonly commandUuid: string;
}

/** Reads RequestType and CommandUUID without validating anything else; never throws. */
export function peekCommand(body: Uint8Array): PeekedCommand {
  try {
    const root = parsePlist(body);
    const command = field(root, 'Command');
    return { requestType: text(field(command, 'RequestType')) || '?', commandUuid: text(field(root, 'CommandUUID')) };
  } catch {
    return { requestType: '?', commandUuid: '' };
  }
}

function field(value: PlistValue | undefined, key: string): PlistValue | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array || value instanceof Date) return undefined;
  return Object.hasOwn(value, key) ? value[key] : undefined;
}

function text(value: PlistValue | undefined): string {
  return typeof value === 'string' ? value : '';
}
