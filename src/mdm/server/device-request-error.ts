/**
 * Why a device request was refused. Device endpoints answer 400 (a body that is not an MDM
 * message) or 403 (an identity that does not speak for this device) and never 401: a 401 makes
 * Apple devices unenroll.
 */
export type DeviceRequestErrorCode =
  | 'mdm.bad_message'
  | 'mdm.identity_refused'
  | 'mdm.identity_without_og'
  | 'mdm.identity_mismatch'
  | 'mdm.device_enrolled_elsewhere'
  | 'mdm.not_enrolled';

/** A refused device request, with the status the device endpoints answer. */
export class DeviceRequestError extends Error {
  override readonly name = 'DeviceRequestError';

  constructor(
    readonly status: 400 | 403,
    readonly code: DeviceRequestErrorCode | `mdm.${string}`,
    message: string,
  ) {
    super(message);
  }
}

/** 403: the identity may not do this. */
export function refused(code: DeviceRequestErrorCode, message: string): DeviceRequestError {
  return new DeviceRequestError(403, code, message);
}
