import { TrustAnchors } from '../../formats/cms/index.js';
import { issueCertificate, type IssuedCertificate } from './certificate.js';
import { sharedTestKeyPair } from './keys.js';

/** A validity period. */
export interface Validity {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** The project's own PKI, shaped like Apple's profile-signing hierarchy. */
export interface TestPki {
  /** "Provisio Test Root CA", self-signed, valid 2000–2060. */
  readonly root: IssuedCertificate;
  /** "Provisio Test Intermediate CA", issued by the root, valid 2005–2055. */
  readonly intermediate: IssuedCertificate;
  /** "Provisio Test Provisioning Profile Signing", issued by the intermediate, valid 2010–2050. */
  readonly profileSigner: IssuedCertificate;
  /** Anchors that trust the test root explicitly (and pin nothing). */
  trustAnchors(): TrustAnchors;
  /**
   * An "iPhone Distribution: NAME" certificate with OU = the team id, issued by the
   * intermediate: what profiles list in DeveloperCertificates and what signs app executables.
   * All developer certificates share one key pair.
   */
  developerCertificate(teamId: string, name: string, validity: Validity): IssuedCertificate;
}

const TEST_ORGANIZATION = 'Provisio Test';
const TEST_CA_UNIT = 'Provisio Test Certification Authority';
let memo: TestPki | null = null;

/** The test PKI, made once per process (RSA-2048 keys, like Apple's). */
export function testPki(): TestPki {
  memo ??= createTestPki();
  return memo;
}

function createTestPki(): TestPki {
  const root = issueCertificate({
    subject: { commonName: 'Provisio Test Root CA', organizationalUnit: TEST_CA_UNIT, organization: TEST_ORGANIZATION },
    notBefore: new Date('2000-01-01T00:00:00Z'),
    notAfter: new Date('2060-01-01T00:00:00Z'),
    isCa: true,
    keyPair: sharedTestKeyPair('rsa', 'test-root'),
    serial: 1n,
  });
  const intermediate = issueCertificate({
    subject: {
      commonName: 'Provisio Test Intermediate CA',
      organizationalUnit: TEST_CA_UNIT,
      organization: TEST_ORGANIZATION,
    },
    issuer: root,
    notBefore: new Date('2005-01-01T00:00:00Z'),
    notAfter: new Date('2055-01-01T00:00:00Z'),
    isCa: true,
    keyPair: sharedTestKeyPair('rsa', 'test-intermediate'),
    serial: 2n,
  });
  const profileSigner = issueCertificate({
    subject: { commonName: 'Provisio Test Provisioning Profile Signing', organization: TEST_ORGANIZATION },
    issuer: intermediate,
    notBefore: new Date('2010-01-01T00:00:00Z'),
    notAfter: new Date('2050-01-01T00:00:00Z'),
    keyPair: sharedTestKeyPair('rsa', 'test-profile-signer'),
    serial: 3n,
  });
  return {
    root,
    intermediate,
    profileSigner,
    trustAnchors: () => TrustAnchors.empty().addTrusted(root.der),
    developerCertificate: (teamId, name, validity) =>
      issueCertificate({
        subject: { commonName: `iPhone Distribution: ${name}`, organizationalUnit: teamId, organization: name },
        issuer: intermediate,
        ...validity,
        keyPair: sharedTestKeyPair('rsa', 'test-developer'),
      }),
  };
}
