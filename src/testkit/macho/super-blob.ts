import { RecordBuilder } from '../zip/index.js';

const HEADER = 12;
const INDEX_ENTRY = 8;
const BLOB_HEADER = 8;
/** An empty requirement set: magic, length 12, zero requirements. */
const EMPTY_REQUIREMENTS = new RecordBuilder(12, false).u32(0xfade0c01).u32(12).u32(0).build();

/** Bytes a SuperBlob needs for this CodeDirectory and a CMS of up to `cmsLength` bytes. */
export function superBlobLength(codeDirectoryLength: number, cmsLength: number): number {
  return HEADER + 3 * INDEX_ENTRY + codeDirectoryLength + EMPTY_REQUIREMENTS.length + BLOB_HEADER + cmsLength;
}

/**
 * The embedded signature: CodeDirectory (slot 0), requirements (slot 2) and the CMS blob
 * wrapper (slot 0x10000), empty when `cms` is null as in an ad-hoc signature.
 */
export function buildSuperBlob(codeDirectory: Uint8Array, cms: Uint8Array | null): Uint8Array {
  const wrapper = new RecordBuilder(BLOB_HEADER + (cms?.length ?? 0), false)
    .u32(0xfade0b01)
    .u32(BLOB_HEADER + (cms?.length ?? 0))
    .raw(cms ?? new Uint8Array(0))
    .build();
  const blobs: [number, Uint8Array][] = [
    [0, codeDirectory],
    [2, EMPTY_REQUIREMENTS],
    [0x10000, wrapper],
  ];
  const length = superBlobLength(codeDirectory.length, cms?.length ?? 0);
  const superBlob = new RecordBuilder(length, false).u32(0xfade0cc0).u32(length).u32(blobs.length);
  let offset = HEADER + blobs.length * INDEX_ENTRY;
  for (const [type, blob] of blobs) {
    superBlob.u32(type).u32(offset);
    offset += blob.length;
  }
  for (const [, blob] of blobs) superBlob.raw(blob);
  return superBlob.build();
}
