import { MdmProtocolError } from './errors.js';
import type { PlistFields } from './fields.js';

/**
 * Which MDM channel a message came on. iPhones only use the device channel; macOS and Shared
 * iPad also send messages for a user, marked by the user keys. Provisio manages devices, so
 * user-channel messages are decoded and reported but need no handling beyond that.
 */
export type MdmChannel =
  | { readonly kind: 'device' }
  | {
      readonly kind: 'user';
      readonly userId: string | undefined;
      readonly userShortName: string | undefined;
      readonly userLongName: string | undefined;
      readonly enrollmentUserId: string | undefined;
    };

const DEVICE_CHANNEL: MdmChannel = Object.freeze({ kind: 'device' });

/** Reads the channel from a message's user keys (absent on device-channel messages). */
export function readChannel(fields: PlistFields): MdmChannel {
  const userId = fields.optionalString('UserID');
  const userShortName = fields.optionalString('UserShortName');
  const userLongName = fields.optionalString('UserLongName');
  const enrollmentUserId = fields.optionalString('EnrollmentUserID');
  if (userId === undefined && userShortName === undefined && enrollmentUserId === undefined) return DEVICE_CHANNEL;
  return { kind: 'user', userId, userShortName, userLongName, enrollmentUserId };
}

/**
 * The device's UDID. User enrollments (BYOD: `EnrollmentID` instead of `UDID`) are not something
 * Provisio enrolls, so the error says so instead of only "UDID is missing".
 */
export function readUdid(fields: PlistFields): string {
  if (!fields.has('UDID') && fields.has('EnrollmentID')) {
    throw new MdmProtocolError(
      'mdm.missing_field',
      `${fields.where}: "UDID" is missing; user enrollments (identified by EnrollmentID) are not supported`,
    );
  }
  return fields.requiredString('UDID');
}
