import { summarizeCertificate } from '../../formats/x509/index.js';
import { buildFatMachO, buildThinMachO, type MachOImageSpec, type MachOSignatureSpec } from '../macho/index.js';
import { signCms } from '../pki/index.js';
import type { CodeSigner } from './spec.js';

/**
 * An executable signed like codesign does it: a detached CMS over the CodeDirectory, by the
 * developer certificate, carrying its chain. Unsigned when there is no signer.
 */
export async function buildExecutable(bundleId: string, signer: CodeSigner | null, fat: boolean): Promise<Uint8Array> {
  const signature = signer === null ? null : codeSignature(bundleId, signer);
  const arm64: MachOImageSpec = { cpu: 'arm64', signature };
  return fat ? buildFatMachO([arm64, { cpu: 'x86_64', signature }]) : buildThinMachO(arm64);
}

function codeSignature(bundleId: string, signer: CodeSigner): MachOSignatureSpec {
  return {
    identifier: bundleId,
    teamId: summarizeCertificate(signer.certificate).teamId ?? undefined,
    sign: (codeDirectory) =>
      signCms(codeDirectory, {
        signer: { certificate: signer.certificate, privateKey: signer.privateKey },
        chain: signer.chain ?? [],
        digest: 'sha256',
        encoding: 'der',
        detached: true,
      }),
  };
}
