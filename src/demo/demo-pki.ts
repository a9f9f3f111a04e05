import { TrustAnchors } from '../formats/cms/index.js';
import type { CodeSigner } from '../testkit/ipa/index.js';
import { generateTestKeyPair, issueCertificate, type TestKeyPair, type Validity } from '../testkit/pki/index.js';
import type { ProfileSigner } from '../testkit/profile/index.js';

const DAY_MS = 86_400_000;
const ORGANIZATION = 'Provisio Demo';
const CA_UNIT = 'Provisio Demo Certification Authority';

/**
 * The demo's own certification authority, made with fresh keys at every start and shaped like
 * Apple's: a root, an intermediate, a profile-signing certificate, and distribution
 * certificates that sign the apps. Only the demo server trusts it (see `anchorsPem`).
 */
export interface DemoPki {
  /** PEM of the root: the extra trust anchor handed to the demo server's settings. */
  readonly anchorsPem: string;
  /** Anchors that trust the root, for the simulated devices checking delivered profiles. */
  trustAnchors(): TrustAnchors;
  /** Signs provisioning profiles, carrying the intermediate and root as Apple's profiles do. */
  readonly profileSigner: ProfileSigner;
  /** An "iPhone Distribution: TEAM NAME" certificate of `teamId` that signs app executables. */
  distributionSigner(teamId: string, teamName: string, validity: Validity): CodeSigner;
}

/** Makes the demo CA: three RSA-2048 key pairs for the CA, one shared by the distribution certificates. */
export function createDemoPki(now: Date = new Date()): DemoPki {
  const validity = { notBefore: new Date(now.getTime() - 3 * 365 * DAY_MS), notAfter: new Date(now.getTime() + 20 * 365 * DAY_MS) };
  const root = issueCertificate({
    subject: { commonName: 'Provisio Demo Root CA', organizationalUnit: CA_UNIT, organization: ORGANIZATION },
    ...validity,
    isCa: true,
    keyPair: generateTestKeyPair('rsa'),
  });
  const intermediate = issueCertificate({
    subject: { commonName: 'Provisio Demo Intermediate CA', organizationalUnit: CA_UNIT, organization: ORGANIZATION },
    issuer: root,
    ...validity,
    isCa: true,
    keyPair: generateTestKeyPair('rsa'),
  });
  const profileSigning = issueCertificate({
    subject: { commonName: 'Provisio Demo Provisioning Profile Signing', organization: ORGANIZATION },
    issuer: intermediate,
    ...validity,
    keyPair: generateTestKeyPair('rsa'),
  });
  const chain = [intermediate.der, root.der];
  const distributionKeys: TestKeyPair = generateTestKeyPair('rsa');
  return {
    anchorsPem: root.pem,
    trustAnchors: () => TrustAnchors.empty().addTrusted(root.der),
    profileSigner: { certificate: profileSigning.der, privateKey: profileSigning.privateKey, chain },
    distributionSigner(teamId, teamName, signerValidity) {
      const certificate = issueCertificate({
        subject: { commonName: `iPhone Distribution: ${teamName}`, organizationalUnit: teamId, organization: teamName },
        issuer: intermediate,
        ...signerValidity,
        keyPair: distributionKeys,
      });
      return { certificate: certificate.der, privateKey: certificate.privateKey, chain };
    },
  };
}
