import { parseSignedData } from '../formats/cms/index.js';
import { parsePlist } from '../formats/plist/index.js';
import { decodePkcs12, type DecodedPkcs12 } from '../mdm/enrollment/pkcs12/decode.js';
import { PlistFields } from '../mdm/protocol/index.js';
import { SimulatorError } from './errors.js';

/** What a device keeps from an enrollment profile: where to talk to, and who it is. */
export interface EnrollmentSettings {
  readonly serverUrl: string;
  readonly checkInUrl: string;
  readonly topic: string;
  readonly identity: DecodedPkcs12;
  /** Whether the server asked for `Mdm-Signature` on every message. */
  readonly signMessages: boolean;
}

const PKCS12_PAYLOAD = 'com.apple.security.pkcs12';
const MDM_PAYLOAD = 'com.apple.mdm';

/**
 * Reads a .mobileconfig (plain XML or binary plist, or wrapped in a signed CMS) as iOS installs
 * it: the MDM payload names its identity payload by `IdentityCertificateUUID`, whose PKCS #12
 * is opened with the payload's `Password`. Throws the protocol decoding codes for a malformed
 * profile, `simulator.enrollment_invalid` for a missing payload, and `Pkcs12Error` for an
 * identity that cannot be opened.
 */
export function readEnrollmentProfile(bytes: Uint8Array): EnrollmentSettings {
  const root = PlistFields.of(parsePlist(unwrapSigned(bytes)), 'enrollment profile');
  const payloads = root.requiredArray('PayloadContent').map((payload, index) => PlistFields.of(payload, `PayloadContent[${index}]`));
  const mdm = payloadOfType(payloads, MDM_PAYLOAD);
  const identityUuid = mdm.requiredString('IdentityCertificateUUID');
  const identityPayload = payloads.find(
    (payload) => payload.optionalString('PayloadType') === PKCS12_PAYLOAD && payload.optionalString('PayloadUUID') === identityUuid,
  );
  if (!identityPayload) {
    throw new SimulatorError('simulator.enrollment_invalid', `the enrollment profile has no ${PKCS12_PAYLOAD} payload with UUID ${identityUuid}`);
  }
  return {
    serverUrl: mdm.requiredString('ServerURL'),
    checkInUrl: mdm.optionalString('CheckInURL') ?? mdm.requiredString('ServerURL'),
    topic: mdm.requiredString('Topic'),
    identity: decodePkcs12(identityPayload.requiredData('PayloadContent'), identityPayload.optionalString('Password') ?? ''),
    signMessages: mdm.optionalBoolean('SignMessage') ?? false,
  };
}

/** A profile signed by the server is CMS (DER starts with a SEQUENCE); its content is the plist. */
function unwrapSigned(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0x30) return bytes;
  const content = parseSignedData(bytes).content;
  if (!content) throw new SimulatorError('simulator.enrollment_invalid', 'the signed enrollment profile carries no content');
  return content;
}

function payloadOfType(payloads: readonly PlistFields[], type: string): PlistFields {
  const payload = payloads.find((candidate) => candidate.optionalString('PayloadType') === type);
  if (!payload) throw new SimulatorError('simulator.enrollment_invalid', `the enrollment profile has no ${type} payload`);
  return payload;
}
