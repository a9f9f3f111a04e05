import { toHex } from '../../formats/asn1/index.js';
import type { PlistLimits } from '../../formats/plist/index.js';
import { decodeMessageBody, ownCopy, type RawMessage } from './body.js';
import { readChannel, readUdid, type MdmChannel } from './channel.js';
import { MdmProtocolError } from './errors.js';
import { PlistFields } from './fields.js';

interface CheckInBase extends RawMessage {
  /** The `MessageType` as sent. */
  readonly messageType: string;
  readonly udid: string;
  /** The APNs topic the device listens on (`com.apple.mgmt.…`). */
  readonly topic: string;
  /** Noted when present; Provisio only enrolls devices, which are identified by UDID. */
  readonly enrollmentId: string | undefined;
}

/** Sent while the enrollment profile installs: the device introduces itself. */
export interface AuthenticateMessage extends CheckInBase {
  readonly kind: 'Authenticate';
  readonly serialNumber: string | undefined;
  readonly deviceName: string | undefined;
  readonly model: string | undefined;
  readonly modelName: string | undefined;
  readonly productName: string | undefined;
  readonly osVersion: string | undefined;
  readonly buildVersion: string | undefined;
  readonly imei: string | undefined;
  readonly meid: string | undefined;
}

/** Sent once enrolled and whenever the push token or magic changes. */
export interface TokenUpdateMessage extends CheckInBase {
  readonly kind: 'TokenUpdate';
  readonly channel: MdmChannel;
  /** The APNs device token as sent (data). */
  readonly token: Uint8Array;
  /** The token as lowercase hex: what APNs takes in the request path. */
  readonly tokenHex: string;
  /** Goes into every push as `{"mdm": pushMagic}`. */
  readonly pushMagic: string;
  /** Only needed for ClearPasscode; an absent one does not invalidate a stored one. */
  readonly unlockToken: Uint8Array | undefined;
  readonly awaitingConfiguration: boolean;
}

/** Sent (best effort) when the enrollment profile is removed. */
export interface CheckOutMessage extends CheckInBase {
  readonly kind: 'CheckOut';
}

/**
 * A well-formed check-in whose MessageType Provisio does not handle (`UserAuthenticate`,
 * `DeclarativeManagement`, `GetBootstrapToken`, …): reported rather than rejected.
 */
export interface UnsupportedCheckIn extends RawMessage {
  readonly kind: 'unsupported';
  readonly messageType: string;
  readonly udid: string | undefined;
}

/** A decoded `PUT /mdm/checkin` body. */
export type CheckInMessage = AuthenticateMessage | TokenUpdateMessage | CheckOutMessage | UnsupportedCheckIn;

/**
 * Decodes a check-in body. Throws `MdmProtocolError` (`mdm.invalid_plist`, `mdm.not_a_dictionary`,
 * `mdm.missing_field`, `mdm.invalid_field`) when the body is not a check-in message at all.
 */
export function parseCheckInMessage(body: Uint8Array, limits?: Partial<PlistLimits>): CheckInMessage {
  const plist = decodeMessageBody(body, limits);
  const raw = ownCopy(body);
  const messageType = new PlistFields(plist, 'check-in message').requiredString('MessageType');
  const fields = new PlistFields(plist, `${messageType} message`);
  switch (messageType) {
    case 'Authenticate':
      return { kind: 'Authenticate', ...base(fields, raw, messageType), ...readDeviceFacts(fields) };
    case 'TokenUpdate':
      return { kind: 'TokenUpdate', ...base(fields, raw, messageType), ...readPushFields(fields) };
    case 'CheckOut':
      return { kind: 'CheckOut', ...base(fields, raw, messageType) };
    default:
      return { kind: 'unsupported', raw, plist, messageType, udid: fields.optionalString('UDID') };
  }
}

function base(fields: PlistFields, raw: Uint8Array, messageType: string): CheckInBase {
  return {
    raw,
    plist: fields.dict,
    messageType,
    udid: readUdid(fields),
    topic: fields.requiredString('Topic'),
    enrollmentId: fields.optionalString('EnrollmentID'),
  };
}

function readDeviceFacts(fields: PlistFields): Omit<AuthenticateMessage, keyof CheckInBase | 'kind'> {
  return {
    serialNumber: fields.optionalString('SerialNumber'),
    deviceName: fields.optionalString('DeviceName'),
    model: fields.optionalString('Model'),
    modelName: fields.optionalString('ModelName'),
    productName: fields.optionalString('ProductName'),
    osVersion: fields.optionalString('OSVersion'),
    buildVersion: fields.optionalString('BuildVersion'),
    imei: fields.optionalString('IMEI'),
    meid: fields.optionalString('MEID'),
  };
}

function readPushFields(fields: PlistFields): Omit<TokenUpdateMessage, keyof CheckInBase | 'kind'> {
  const token = fields.requiredData('Token');
  if (token.length === 0) throw new MdmProtocolError('mdm.missing_field', `${fields.where}: "Token" is empty`);
  return {
    channel: readChannel(fields),
    token,
    tokenHex: toHex(token),
    pushMagic: fields.requiredString('PushMagic'),
    unlockToken: fields.optionalData('UnlockToken'),
    awaitingConfiguration: fields.optionalBoolean('AwaitingConfiguration') ?? false,
  };
}
