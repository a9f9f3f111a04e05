import type { CertificateSummary } from '../x509/index.js';

/** An AlgorithmIdentifier: the OID and, when present, its encoded parameters. */
export interface AlgorithmIdentifier {
  readonly oid: string;
  readonly parameters: Uint8Array | null;
}

/** How a SignerInfo names its certificate. */
export type SignerIdentifier =
  | { readonly kind: 'issuerAndSerialNumber'; readonly issuer: Uint8Array; readonly serial: Uint8Array }
  | { readonly kind: 'subjectKeyIdentifier'; readonly keyIdentifier: Uint8Array };

/** One signer of a SignedData; byte fields are views into the parsed message. */
export interface SignerInfo {
  readonly version: number;
  readonly sid: SignerIdentifier;
  readonly digestAlgorithm: AlgorithmIdentifier;
  /** The signed attributes exactly as encoded (tag `[0]`), or `null` when the content is signed directly. */
  readonly signedAttributes: Uint8Array | null;
  /** The contentType signed attribute (OID), if present. */
  readonly contentType: string | null;
  /** The messageDigest signed attribute: the digest of the content, if present. */
  readonly messageDigest: Uint8Array | null;
  /** The signingTime signed attribute, if present. */
  readonly signingTime: Date | null;
  readonly signatureAlgorithm: AlgorithmIdentifier;
  readonly signature: Uint8Array;
}

/** A CMS SignedData message (RFC 5652 §5). */
export interface SignedData {
  readonly version: number;
  readonly digestAlgorithms: AlgorithmIdentifier[];
  /** The eContentType OID (id-data for provisioning profiles). */
  readonly contentType: string;
  /**
   * The signed content, or `null` when the signature is detached. A view into the input for DER
   * or a primitive OCTET STRING; a new array when BER chunks had to be joined.
   */
  readonly content: Uint8Array | null;
  /** The DER of every X.509 certificate the message carries, in message order (views). */
  readonly certificates: Uint8Array[];
  readonly signers: SignerInfo[];
}

/** The outcome of {@link verifySignedData}. */
export type SignatureStatus = 'valid' | 'tampered' | 'untrusted' | 'unsigned';

export interface SignatureVerification {
  readonly status: SignatureStatus;
  /** The first signer's certificate, when the message carries it. */
  readonly signer: CertificateSummary | null;
  /** Why the status is not `valid`, for people; `null` when valid. */
  readonly reason: string | null;
  /** Pinned roots met for the first time in this message: the caller may persist them. */
  readonly learnedRoots: Uint8Array[];
}
