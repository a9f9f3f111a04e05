import { testPki, type Validity } from '../pki/index.js';
import type { CodeSigner } from './spec.js';

/**
 * A code signer holding a developer certificate of `teamId` from the test PKI, its CMS carrying
 * the intermediate and root as Xcode's signatures carry Apple's.
 */
export function developerSigner(teamId: string, validity: Validity, name = 'Provisio Test Team'): CodeSigner {
  const pki = testPki();
  const certificate = pki.developerCertificate(teamId, name, validity);
  return { certificate: certificate.der, privateKey: certificate.privateKey, chain: [pki.intermediate.der, pki.root.der] };
}
