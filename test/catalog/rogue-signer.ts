import { issueCertificate, sharedTestKeyPair } from '../../src/testkit/pki/index.js';
import type { ProfileSigner } from '../../src/testkit/profile/index.js';

let memo: ProfileSigner | undefined;

/** A self-signed "profile signer" no server trusts: its profiles come out `untrusted`. */
export function rogueProfileSigner(): ProfileSigner {
  memo ??= rogue();
  return memo;
}

function rogue(): ProfileSigner {
  const certificate = issueCertificate({
    subject: { commonName: 'Rogue Provisioning Profile Signing', organization: 'Not Apple' },
    notBefore: new Date('2010-01-01T00:00:00Z'),
    notAfter: new Date('2050-01-01T00:00:00Z'),
    keyPair: sharedTestKeyPair('rsa', 'rogue-profile-signer'),
  });
  return { certificate: certificate.der, privateKey: certificate.privateKey, chain: [] };
}
