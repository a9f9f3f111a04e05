/** Digest algorithms, named as node:crypto names them. */
export type DigestName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/** Public key types whose signatures this project checks. */
export type KeyType = 'rsa' | 'ec';

/** What a signature algorithm OID means for verification. */
export interface SignatureAlgorithm {
  readonly keyType: KeyType;
  /** `null` for a bare key algorithm (rsaEncryption in CMS): the digest is named elsewhere. */
  readonly digest: DigestName | null;
}

export const DigestOid: Readonly<Record<DigestName, string>> = {
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
};

export const KeyOid: Readonly<Record<KeyType, string>> = {
  rsa: '1.2.840.113549.1.1.1',
  ec: '1.2.840.10045.2.1',
};

/** `<digest>WithRSAEncryption` and `ecdsa-with-<digest>`. */
const SIGNATURE_OIDS: Readonly<Record<KeyType, Readonly<Record<DigestName, string>>>> = {
  rsa: {
    sha1: '1.2.840.113549.1.1.5',
    sha224: '1.2.840.113549.1.1.14',
    sha256: '1.2.840.113549.1.1.11',
    sha384: '1.2.840.113549.1.1.12',
    sha512: '1.2.840.113549.1.1.13',
  },
  ec: {
    sha1: '1.2.840.10045.4.1',
    sha224: '1.2.840.10045.4.3.1',
    sha256: '1.2.840.10045.4.3.2',
    sha384: '1.2.840.10045.4.3.3',
    sha512: '1.2.840.10045.4.3.4',
  },
};

const DIGEST_BY_OID = new Map(Object.entries(DigestOid).map(([name, oid]) => [oid, name as DigestName]));

const SIGNATURE_BY_OID = new Map<string, SignatureAlgorithm>([
  [KeyOid.rsa, { keyType: 'rsa', digest: null }],
  [KeyOid.ec, { keyType: 'ec', digest: null }],
  ...(Object.entries(SIGNATURE_OIDS) as [KeyType, Record<DigestName, string>][]).flatMap(([keyType, byDigest]) =>
    Object.entries(byDigest).map(([digest, oid]): [string, SignatureAlgorithm] => [
      oid,
      { keyType, digest: digest as DigestName },
    ]),
  ),
]);

/** The digest an OID names, or `null` when it is not one we support. */
export function digestByOid(oid: string): DigestName | null {
  return DIGEST_BY_OID.get(oid) ?? null;
}

/** The meaning of a signature algorithm OID, or `null` when unsupported (e.g. RSASSA-PSS, MD5). */
export function signatureAlgorithmByOid(oid: string): SignatureAlgorithm | null {
  return SIGNATURE_BY_OID.get(oid) ?? null;
}

/** The OID of `<digest>WithRSAEncryption` or `ecdsa-with-<digest>`. */
export function signatureOid(keyType: KeyType, digest: DigestName): string {
  return SIGNATURE_OIDS[keyType][digest];
}
