import type { TrustAnchors } from '../../formats/cms/index.js';
import { identityFromForwardedCertificate, verifyMdmSignature } from '../identity/index.js';
import type { DeviceIdentityCertificate } from '../identity/index.js';
import { DeviceRequestError } from './device-request-error.js';

/** How device requests prove who sent them. */
export interface DeviceIdentityOptions {
  readonly enrollmentCa: TrustAnchors;
  /**
   * The header a TLS-terminating proxy forwards the verified client certificate in, lower case;
   * undefined when there is no such proxy (then only `Mdm-Signature` counts).
   */
  readonly forwardedCertificateHeader: string | undefined;
}

/** A device request as the identity check needs it. */
export interface SignedDeviceRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Uint8Array;
}

const SIGNATURE_HEADER = 'mdm-signature';

/**
 * The identity certificate a request proves: the `Mdm-Signature` over the body when present,
 * otherwise the proxy's forwarded client certificate. Throws a 403 `DeviceRequestError` when
 * neither proves an identity our enrollment CA issued.
 */
export function identifyDevice(request: SignedDeviceRequest, options: DeviceIdentityOptions, now: Date): DeviceIdentityCertificate {
  const check = { enrollmentCa: options.enrollmentCa, now };
  const signature = single(request.headers[SIGNATURE_HEADER]);
  const forwarded = options.forwardedCertificateHeader === undefined ? undefined : single(request.headers[options.forwardedCertificateHeader]);
  const result =
    signature !== undefined || forwarded === undefined
      ? verifyMdmSignature(signature, request.body, check)
      : identityFromForwardedCertificate(forwarded, check);
  if (!result.ok) throw new DeviceRequestError(403, result.code, result.reason);
  return result.identity;
}

/** A header sent twice is not trusted as either value. */
function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}
