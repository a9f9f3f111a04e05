import type { ByteSource } from '../../io/byte-source.js';
import { FormatError } from '../errors.js';
import { isFatMagic, readFatSlices, type Slice } from './fat.js';
import { Fields, readRange } from './fields.js';
import { readCmsFromSuperBlob } from './super-blob.js';
import { isThinMagic, readThinImage } from './thin.js';

/** The code signature of one Mach-O image. */
export interface CodeSignature {
  readonly cpuType: number;
  readonly cpuSubtype: number;
  /** DER CMS SignedData from the blob wrapper (slot 0x10000), or null for an ad-hoc signature. */
  readonly cms: Uint8Array | null;
}

/**
 * Locates the code signature of a Mach-O executable: thin (32/64-bit, either byte order) or fat
 * (FAT_MAGIC, FAT_MAGIC_64). For a fat binary, the first slice in file order that carries
 * LC_CODE_SIGNATURE answers; the rest are not read. Returns null for an unsigned binary.
 *
 * Reads only headers, load commands, the SuperBlob index and the CMS blob, each range starting
 * at or after the previous one, so `source` may be a {@link streamedSource} over an executable
 * being inflated. Throws `macho.invalid` and `macho.truncated`.
 */
export async function readCodeSignature(source: ByteSource): Promise<CodeSignature | null> {
  const magic = await readMagic(source, 0);
  if (isFatMagic(magic)) {
    for (const slice of await readFatSlices(source, magic)) {
      const signature = await readSliceSignature(source, slice, await readMagic(source, slice.offset));
      if (signature !== null) return signature;
    }
    return null;
  }
  if (!isThinMagic(magic)) {
    throw new FormatError('macho.invalid', `not a Mach-O binary (magic 0x${magic.toString(16)})`);
  }
  return readSliceSignature(source, { offset: 0, size: source.size }, magic);
}

async function readMagic(source: ByteSource, offset: number): Promise<number> {
  return new Fields(await readRange(source, offset, 4, 'Mach-O magic'), false).u32(0);
}

async function readSliceSignature(source: ByteSource, slice: Slice, magic: number): Promise<CodeSignature | null> {
  const image = await readThinImage(source, slice, magic);
  if (image.signature === null) return null;
  return {
    cpuType: image.cpuType,
    cpuSubtype: image.cpuSubtype,
    cms: await readCmsFromSuperBlob(source, image.signature),
  };
}
