import type { PlistDict } from '../../formats/plist/index.js';
import { PlistFields, type AcknowledgedReport, type CommandReport } from '../protocol/index.js';
import { COMMANDS, REQUEST_TYPES, isRequestType, type CommandResults } from './registry.js';
import type { RequestType } from './types.js';

/**
 * Reads the payload of an acknowledged response to a `requestType` command (the queue knows
 * which command a CommandUUID was). Throws `mdm.missing_field` / `mdm.invalid_field`.
 */
export function readCommandResult<K extends RequestType>(requestType: K, report: AcknowledgedReport): CommandResults[K] {
  return COMMANDS[requestType].readResult(new PlistFields(report.plist, `${requestType} response`));
}

/** The response payload keys for a result: what a device adds to its `Acknowledged` response. */
export function writeCommandResult<K extends RequestType>(requestType: K, result: CommandResults[K]): PlistDict {
  return COMMANDS[requestType].writeResult(result);
}

/**
 * The RequestType a response answers when the response itself tells: an echoed `RequestType`,
 * or a result key only one command uses. `undefined` when it cannot tell (then ask the queue).
 */
export function inferRequestType(report: CommandReport): RequestType | undefined {
  if (report.requestType !== undefined && isRequestType(report.requestType)) return report.requestType;
  return REQUEST_TYPES.find((type) => {
    const key = COMMANDS[type].resultKey;
    return key !== undefined && Object.hasOwn(report.plist, key);
  });
}
