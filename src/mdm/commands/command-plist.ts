import { randomUUID } from 'node:crypto';
import type { PlistDict, PlistLimits } from '../../formats/plist/index.js';
import { writeXmlPlist } from '../../formats/plist/index.js';
import { MdmProtocolError, PlistFields, decodeMessageBody, nonEmpty, ownCopy } from '../protocol/index.js';
import { COMMANDS, isRequestType, type CommandArguments } from './registry.js';
import type { RequestType } from './types.js';

/** A command ready to queue: the plist, its XML bytes (stored verbatim and sent as is) and its ids. */
export interface BuiltCommand<K extends RequestType = RequestType> {
  readonly requestType: K;
  readonly commandUuid: string;
  readonly plist: PlistDict;
  readonly bytes: Uint8Array;
}

/** A command as a device reads it. */
export type DecodedCommand = {
  [K in RequestType]: {
    readonly requestType: K;
    readonly commandUuid: string;
    readonly arguments: CommandArguments[K];
    readonly raw: Uint8Array;
    readonly plist: PlistDict;
  };
}[RequestType];

const UTF8 = new TextEncoder();

/**
 * Builds `{ Command: { RequestType, ... }, CommandUUID }` as XML. The UUID is random unless
 * given. Throws `mdm.invalid_argument` for arguments a device would reject.
 */
export function buildCommand<K extends RequestType>(
  requestType: K,
  args: CommandArguments[K],
  commandUuid: string = randomUUID().toUpperCase(),
): BuiltCommand<K> {
  const command: PlistDict = { ...COMMANDS[requestType].encodeArguments(args), RequestType: requestType };
  const plist: PlistDict = { Command: command, CommandUUID: nonEmpty(commandUuid, 'CommandUUID') };
  return { requestType, commandUuid, plist, bytes: UTF8.encode(writeXmlPlist(plist)) };
}

/**
 * Reads a command plist the way a device does (the simulator, fake devices, tests). Throws
 * `mdm.unsupported_request_type` for a RequestType Provisio does not handle, and the decoding
 * codes of src/mdm/protocol for anything malformed.
 */
export function parseCommand(bytes: Uint8Array, limits?: Partial<PlistLimits>): DecodedCommand {
  const plist = decodeMessageBody(bytes, limits);
  const envelope = new PlistFields(plist, 'command');
  const command = new PlistFields(envelope.requiredDict('Command'), 'Command');
  const requestType = command.requiredString('RequestType');
  if (!isRequestType(requestType)) {
    throw new MdmProtocolError('mdm.unsupported_request_type', `unsupported RequestType "${requestType.slice(0, 60)}"`);
  }
  const decoded = {
    requestType,
    commandUuid: envelope.requiredString('CommandUUID'),
    arguments: COMMANDS[requestType].decodeArguments(command),
    raw: ownCopy(bytes),
    plist,
  };
  // The arguments were decoded by the spec of this very requestType; TypeScript cannot
  // correlate the two through the union, hence the assertion.
  return decoded as DecodedCommand;
}
