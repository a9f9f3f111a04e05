import { findSignerParsed, parseSignedData } from '../cms/index.js';
import { readCodeSignature, streamedSource, type CodeSignature } from '../macho/index.js';
import { summarizeParsed, type CertificateSummary } from '../x509/index.js';
import { memorySource, type ZipArchive, type ZipEntry } from '../zip/index.js';

/** The largest executable we will inflate to reach its code signature. */
const MAX_EXECUTABLE_BYTES = 2 * 1024 * 1024 * 1024;
/** Executables up to this size are inflated in one call: faster than a stream, and still small. */
const WHOLE_READ_MAX_BYTES = 16 * 1024 * 1024;

/**
 * The certificate that signed an executable: the signer of the CMS in its code signature, or
 * null when the binary is unsigned or ad-hoc signed, or its CMS does not carry the signer.
 */
export async function readSigningCertificate(archive: ZipArchive, executable: ZipEntry): Promise<CertificateSummary | null> {
  const signature = await readExecutableSignature(archive, executable);
  if (signature?.cms == null) return null;
  const signer = findSignerParsed(parseSignedData(signature.cms));
  return signer === null ? null : summarizeParsed(signer);
}

/**
 * A stored executable is read at random; a deflated one is inflated as a stream, holding only the
 * ranges the Mach-O parser asks for, and abandoned as soon as it has them. Because it is
 * abandoned, its CRC-32 is not checked: the CMS carries its own integrity.
 */
async function readExecutableSignature(archive: ZipArchive, executable: ZipEntry): Promise<CodeSignature | null> {
  const stored = await archive.storedSource(executable);
  if (stored !== null) return readCodeSignature(stored);
  if (executable.uncompressedSize <= WHOLE_READ_MAX_BYTES) return readCodeSignature(memorySource(await archive.read(executable)));
  const stream = streamedSource(archive.stream(executable, { maxSize: MAX_EXECUTABLE_BYTES }), executable.uncompressedSize);
  try {
    return await readCodeSignature(stream);
  } finally {
    await stream.close();
  }
}
