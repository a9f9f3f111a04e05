import type { ByteSource } from '../../io/byte-source.js';
import { FormatError } from '../errors.js';
import type { ZipEntry } from './entry.js';
import { LittleEndian } from './little-endian.js';
import { RecordSize, Signature } from './signatures.js';

/**
 * Reads the entry's local header and returns where its data starts. The header's own name and
 * extra lengths decide that offset, and they may differ from the central directory's.
 */
export async function locateEntryData(source: ByteSource, entry: ZipEntry): Promise<number> {
  const headerOffset = entry.localHeaderOffset;
  requireWithin(source, headerOffset, RecordSize.localHeader, entry, 'local header');
  const header = new LittleEndian(await source.read(headerOffset, RecordSize.localHeader));
  if (header.u32(0) !== Signature.localHeader) {
    throw new FormatError('zip.corrupt', `no local header for "${entry.name}" at ${headerOffset}`);
  }
  const dataOffset = headerOffset + RecordSize.localHeader + header.u16(26) + header.u16(28);
  requireWithin(source, dataOffset, entry.compressedSize, entry, 'data');
  return dataOffset;
}

function requireWithin(source: ByteSource, offset: number, length: number, entry: ZipEntry, what: string): void {
  if (offset + length > source.size) {
    throw new FormatError(
      'zip.truncated',
      `${what} of "${entry.name}" (${length} bytes at ${offset}) runs past the end of the archive`,
    );
  }
}
