/**
 * Every code the MDM layer reports. Codes are stable (the HTTP layer maps them to status codes
 * and logs them), so a published code is never renamed; new ones are added.
 *
 * Decoding device messages (thrown as {@link MdmProtocolError}):
 * - `mdm.invalid_plist`          the body is not a property list (the plist code is in the message
 *                                and the `FormatError` is the `cause`)
 * - `mdm.not_a_dictionary`       the property list's root is not a dictionary
 * - `mdm.missing_field`          a required key is absent (or empty)
 * - `mdm.invalid_field`          a key holds the wrong type of value
 * - `mdm.unknown_status`         a command response `Status` that is not one of the five Apple defines
 * - `mdm.unsupported_request_type` a command whose `RequestType` Provisio does not build or read
 *
 * Building messages: `mdm.invalid_argument` (an https URL that is not https, an empty UUID, ...).
 *
 * Device identity (returned as failures by src/mdm/identity, never thrown):
 * `mdm.signature_missing`, `mdm.signature_invalid`, `mdm.certificate_missing`,
 * `mdm.certificate_invalid`, `mdm.identity_untrusted`.
 *
 * Enrollment CA: `mdm.ca_invalid` (stored CA material that does not parse or whose key does not
 * belong to its certificate).
 */
export type MdmErrorCode =
  | 'mdm.invalid_plist'
  | 'mdm.not_a_dictionary'
  | 'mdm.missing_field'
  | 'mdm.invalid_field'
  | 'mdm.unknown_status'
  | 'mdm.unsupported_request_type'
  | 'mdm.invalid_argument'
  | 'mdm.signature_missing'
  | 'mdm.signature_invalid'
  | 'mdm.certificate_missing'
  | 'mdm.certificate_invalid'
  | 'mdm.identity_untrusted'
  | 'mdm.ca_invalid';

/** The one error type the MDM protocol, command and enrollment code throws. */
export class MdmProtocolError extends Error {
  override readonly name = 'MdmProtocolError';

  constructor(
    readonly code: MdmErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isMdmProtocolError(error: unknown): error is MdmProtocolError {
  return error instanceof MdmProtocolError;
}
