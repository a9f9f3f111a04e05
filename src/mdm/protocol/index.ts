/**
 * Apple MDM device messages, decoded: check-in bodies (`PUT /mdm/checkin`) and command responses
 * (`PUT /mdm/connect`), XML as devices send them or binary plists. Pure: bytes in, typed values
 * out, with the raw body kept verbatim next to what was parsed. Error codes: see errors.ts.
 */
export { MdmProtocolError, isMdmProtocolError, type MdmErrorCode } from './errors.js';
export { MDM_BODY_LIMITS, decodeMessageBody, ownCopy, type RawMessage } from './body.js';
export { PlistFields } from './fields.js';
export { httpsUrl, nonEmpty, plistDict } from './build-values.js';
export type { MdmChannel } from './channel.js';
export {
  parseCheckInMessage,
  type AuthenticateMessage,
  type CheckInMessage,
  type CheckOutMessage,
  type TokenUpdateMessage,
  type UnsupportedCheckIn,
} from './check-in.js';
export {
  COMMAND_STATUSES,
  isAcknowledged,
  parseCommandResponse,
  type AcknowledgedReport,
  type CommandReport,
  type CommandResponse,
  type CommandStatus,
  type IdleReport,
  type ReportStatus,
} from './command-response.js';
export { describeErrorChain, type ErrorChainItem } from './error-chain.js';
export {
  encodeCheckInMessage,
  encodeCommandResponse,
  type CheckInInput,
  type CommandResponseInput,
} from './device-messages.js';
