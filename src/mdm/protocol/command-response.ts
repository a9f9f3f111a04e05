import type { PlistLimits } from '../../formats/plist/index.js';
import { decodeMessageBody, ownCopy, type RawMessage } from './body.js';
import { readChannel, readUdid, type MdmChannel } from './channel.js';
import { readErrorChain, type ErrorChainItem } from './error-chain.js';
import { MdmProtocolError } from './errors.js';
import { PlistFields } from './fields.js';

/** The statuses a device reports on `PUT /mdm/connect`. */
export const COMMAND_STATUSES = ['Idle', 'Acknowledged', 'Error', 'CommandFormatError', 'NotNow'] as const;
export type CommandStatus = (typeof COMMAND_STATUSES)[number];

interface ResponseBase extends RawMessage {
  readonly udid: string;
  readonly channel: MdmChannel;
  readonly enrollmentId: string | undefined;
}

/** "Anything for me?": the device asks for its next command. */
export interface IdleReport extends ResponseBase {
  readonly status: 'Idle';
}

/** The statuses that answer a command (all but Idle). */
export type ReportStatus = Exclude<CommandStatus, 'Idle'>;

interface ReportFields extends ResponseBase {
  readonly commandUuid: string;
  /** Some devices echo the RequestType; most do not, so the queue is the source of truth. */
  readonly requestType: string | undefined;
  /** Why an `Error` (sometimes a `CommandFormatError`) happened; empty otherwise. */
  readonly errorChain: ErrorChainItem[];
}

/**
 * The device's answer to one command, as a union over the status so `status` checks narrow it.
 * The command's payload keys stay in `plist`.
 */
export type CommandReport<S extends ReportStatus = ReportStatus> = S extends ReportStatus
  ? ReportFields & { readonly status: S }
  : never;

/** A response whose payload keys (ProvisioningProfileList, QueryResponses, …) can be read. */
export type AcknowledgedReport = CommandReport<'Acknowledged'>;

/** A decoded `PUT /mdm/connect` body. */
export type CommandResponse = IdleReport | CommandReport;

/**
 * Decodes a connect body. Throws `MdmProtocolError`: `mdm.invalid_plist`, `mdm.not_a_dictionary`,
 * `mdm.missing_field` (UDID, Status, or CommandUUID on a non-Idle status), `mdm.invalid_field`,
 * `mdm.unknown_status`.
 */
export function parseCommandResponse(body: Uint8Array, limits?: Partial<PlistLimits>): CommandResponse {
  const plist = decodeMessageBody(body, limits);
  const fields = new PlistFields(plist, 'command response');
  const base: ResponseBase = {
    raw: ownCopy(body),
    plist,
    udid: readUdid(fields),
    channel: readChannel(fields),
    enrollmentId: fields.optionalString('EnrollmentID'),
  };
  const status = readStatus(fields);
  if (status === 'Idle') return { ...base, status };
  return {
    ...base,
    status,
    commandUuid: fields.requiredString('CommandUUID'),
    requestType: fields.optionalString('RequestType'),
    errorChain: readErrorChain(fields.optionalArray('ErrorChain')),
  };
}

/** Narrows a response to an acknowledged command. */
export function isAcknowledged(response: CommandResponse): response is AcknowledgedReport {
  return response.status === 'Acknowledged';
}

function readStatus(fields: PlistFields): CommandStatus {
  const status = fields.requiredString('Status');
  if (!(COMMAND_STATUSES as readonly string[]).includes(status)) {
    throw new MdmProtocolError('mdm.unknown_status', `command response: unknown Status "${status.slice(0, 40)}"`);
  }
  return status as CommandStatus;
}
