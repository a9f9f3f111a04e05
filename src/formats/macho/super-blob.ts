import type { ByteSource } from '../../io/byte-source.js';
import { FormatError } from '../errors.js';
import { BlobMagic, Limits, SlotType } from './constants.js';
import { Fields, readRange } from './fields.js';
import type { Slice } from './fat.js';

const SUPER_BLOB_HEADER = 12;
const INDEX_ENTRY = 8;
const BLOB_HEADER = 8;

/**
 * Finds the CMS blob wrapper in the embedded signature SuperBlob at `region` and returns the CMS
 * bytes, or null when the signature is ad hoc (no wrapper, or an empty one). Only the index and
 * the wrapper are read; the CodeDirectory, often megabytes of page hashes, is skipped.
 */
export async function readCmsFromSuperBlob(source: ByteSource, region: Slice): Promise<Uint8Array | null> {
  const { length: blobLength, count } = await readSuperBlobHeader(source, region);
  const indexEnd = SUPER_BLOB_HEADER + count * INDEX_ENTRY;
  if (count > Limits.maxSuperBlobSlots || indexEnd > blobLength) {
    throw new FormatError('macho.invalid', `SuperBlob claims ${count} slots in ${blobLength} bytes`);
  }
  const index = new Fields(await readRange(source, region.offset, indexEnd, 'SuperBlob index'), false);
  const cmsOffset = findSlot(index, count, SlotType.cmsSignature);
  if (cmsOffset === null) return null;
  if (cmsOffset < indexEnd || cmsOffset + BLOB_HEADER > blobLength) {
    throw new FormatError('macho.invalid', `CMS blob offset ${cmsOffset} lies outside the SuperBlob`);
  }
  return readCmsWrapper(source, region.offset + cmsOffset, blobLength - cmsOffset);
}

async function readSuperBlobHeader(source: ByteSource, region: Slice): Promise<{ length: number; count: number }> {
  if (region.size < SUPER_BLOB_HEADER) {
    throw new FormatError('macho.invalid', `code signature of ${region.size} bytes cannot hold a SuperBlob`);
  }
  const header = new Fields(await readRange(source, region.offset, SUPER_BLOB_HEADER, 'SuperBlob'), false);
  if (header.u32(0) !== BlobMagic.superBlob) {
    throw new FormatError('macho.invalid', `code signature does not start with a SuperBlob (0x${header.u32(0).toString(16)})`);
  }
  const length = header.u32(4);
  if (length < SUPER_BLOB_HEADER || length > region.size) {
    throw new FormatError('macho.invalid', `SuperBlob length ${length} does not fit its ${region.size}-byte region`);
  }
  return { length, count: header.u32(8) };
}

function findSlot(index: Fields, count: number, type: number): number | null {
  for (let slot = 0; slot < count; slot++) {
    const at = SUPER_BLOB_HEADER + slot * INDEX_ENTRY;
    if (index.u32(at) === type) return index.u32(at + 4);
  }
  return null;
}

async function readCmsWrapper(source: ByteSource, offset: number, room: number): Promise<Uint8Array | null> {
  const header = new Fields(await readRange(source, offset, BLOB_HEADER, 'CMS blob'), false);
  if (header.u32(0) !== BlobMagic.cmsWrapper) {
    throw new FormatError('macho.invalid', `CMS slot holds blob magic 0x${header.u32(0).toString(16)}`);
  }
  const length = header.u32(4);
  if (length < BLOB_HEADER || length > room || length - BLOB_HEADER > Limits.maxCmsBytes) {
    throw new FormatError('macho.invalid', `CMS blob length ${length} is impossible here`);
  }
  if (length === BLOB_HEADER) return null;
  return readRange(source, offset + BLOB_HEADER, length - BLOB_HEADER, 'CMS signature');
}
