import { bytesEqual } from '../asn1/index.js';
import { decodePemBlocks, parseCertificate, type ParsedCertificate } from '../x509/index.js';

/** SHA-256 of Apple Root CA (2006, RSA 2048), the root Apple's profile-signing chains end at. */
export const APPLE_ROOT_CA_SHA256 = 'B0B1730ECBC7FF4505142C49F1295E6EDA6BCAED7E2C68C5BE91B5A11001F024';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The certificates a signature chain may end at. Two ways in:
 * - explicit anchors (`addTrusted`, `addPemBundle`): trusted as given, e.g. a test CA;
 * - pins (`addPin`): SHA-256 fingerprints. A message may carry a root certificate, but it is
 *   trusted only when its fingerprint is pinned; then it is learned and stays an anchor.
 */
export class TrustAnchors {
  readonly #pins = new Set<string>();
  readonly #anchors = new Map<string, ParsedCertificate>();

  /** Anchors that pin Apple Root CA and hold no certificate yet (it is learned from profiles). */
  static withApplePin(): TrustAnchors {
    return new TrustAnchors().addPin(APPLE_ROOT_CA_SHA256);
  }

  /** No pins, no anchors: nothing verifies until something is added. */
  static empty(): TrustAnchors {
    return new TrustAnchors();
  }

  /** Pins a certificate by its SHA-256 (hex, either case, `:` separators allowed). */
  addPin(sha256Hex: string): this {
    this.#pins.add(normalizeFingerprint(sha256Hex));
    return this;
  }

  /** Trusts a DER certificate explicitly. Throws `x509.invalid` if it is not one. */
  addTrusted(der: Uint8Array): this {
    const certificate = parseCertificate(der);
    this.#anchors.set(certificate.sha256, certificate);
    return this;
  }

  /** Trusts every CERTIFICATE block of PEM text. Throws `x509.invalid` on a malformed one. */
  addPemBundle(pemText: string): this {
    for (const der of decodePemBlocks(pemText)) this.addTrusted(der);
    return this;
  }

  /**
   * Offers a certificate seen in a message: it becomes an anchor only when its fingerprint is
   * pinned. Returns true when it was pinned and not known before. Malformed input is not learned.
   */
  learn(der: Uint8Array): boolean {
    let certificate: ParsedCertificate;
    try {
      certificate = parseCertificate(der);
    } catch {
      return false;
    }
    return this.learnParsed(certificate);
  }

  /** {@link learn} for a certificate already parsed. */
  learnParsed(certificate: ParsedCertificate): boolean {
    if (!this.#pins.has(certificate.sha256) || this.#anchors.has(certificate.sha256)) return false;
    this.#anchors.set(certificate.sha256, certificate);
    return true;
  }

  /** Whether a certificate (DER, or its SHA-256 in hex) is an anchor, explicit or learned. */
  has(certificateOrSha256: Uint8Array | string): boolean {
    if (typeof certificateOrSha256 === 'string') {
      return this.#anchors.has(clean(certificateOrSha256));
    }
    try {
      return this.#anchors.has(parseCertificate(certificateOrSha256).sha256);
    } catch {
      return false;
    }
  }

  /** Whether a SHA-256 fingerprint is pinned. */
  isPinned(sha256Hex: string): boolean {
    return this.#pins.has(clean(sha256Hex));
  }

  /** Whether some pinned certificate has not been seen yet (so chains to it cannot be built). */
  hasUnlearnedPins(): boolean {
    for (const pin of this.#pins) if (!this.#anchors.has(pin)) return true;
    return false;
  }

  /** The DER of every anchor, for persisting or listing. */
  certificates(): Uint8Array[] {
    return [...this.#anchors.values()].map((certificate) => certificate.der);
  }

  /** The anchors, parsed. */
  anchors(): ParsedCertificate[] {
    return [...this.#anchors.values()];
  }

  /** Anchors whose subject is `issuer` (an encoded Name): candidates to have signed a certificate. */
  anchorsNamed(issuer: Uint8Array): ParsedCertificate[] {
    return this.anchors().filter((anchor) => bytesEqual(anchor.subject, issuer));
  }

  /** Whether this exact certificate is an anchor. */
  isAnchor(certificate: ParsedCertificate): boolean {
    return this.#anchors.has(certificate.sha256);
  }
}

function clean(hex: string): string {
  return hex.replace(/[\s:]/g, '').toLowerCase();
}

function normalizeFingerprint(hex: string): string {
  const fingerprint = clean(hex);
  if (!SHA256_HEX.test(fingerprint)) throw new RangeError(`not a SHA-256 fingerprint: ${hex}`);
  return fingerprint;
}
