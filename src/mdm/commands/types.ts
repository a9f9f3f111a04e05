import type { PlistDict } from '../../formats/plist/index.js';
import type { PlistFields } from '../protocol/index.js';

/** The MDM commands Provisio sends. Adding one here makes the registry demand its spec. */
export type RequestType =
  | 'InstallProvisioningProfile'
  | 'RemoveProvisioningProfile'
  | 'ProvisioningProfileList'
  | 'InstallApplication'
  | 'InstalledApplicationList'
  | 'ManagedApplicationList'
  | 'DeviceInformation';

/** Nothing beyond the status: the command has no response payload. */
export type NoPayload = Readonly<Record<string, never>>;

/**
 * How one command is written and read, in both directions: the server builds commands and reads
 * results; fake devices and the simulator read commands and write results.
 */
export interface CommandSpec<Arguments, Result> {
  readonly requestType: RequestType;
  /** The response key holding the result, when the command has one (to recognise responses). */
  readonly resultKey: string | undefined;
  /** The `Command` dictionary's keys other than `RequestType`. Throws `mdm.invalid_argument`. */
  encodeArguments(args: Arguments): PlistDict;
  /** Reads the arguments back from a `Command` dictionary. */
  decodeArguments(command: PlistFields): Arguments;
  /** Reads the payload of an `Acknowledged` response. */
  readResult(response: PlistFields): Result;
  /** The payload keys of an `Acknowledged` response carrying `result`. */
  writeResult(result: Result): PlistDict;
}
