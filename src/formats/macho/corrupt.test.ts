import { describe, expect, it } from 'vitest';
import { buildThinMachO } from '../../testkit/macho/index.js';
import { memorySource } from '../zip/index.js';
import { readCodeSignature } from './code-signature.js';

const formatError = (code: string) => ({ name: 'FormatError', code });
const HEADER_64 = 32;
const SEGMENT_64 = 72;
/** In the stub, LC_CODE_SIGNATURE follows the __TEXT and __LINKEDIT segment commands. */
const CODE_SIGNATURE_COMMAND = HEADER_64 + 2 * SEGMENT_64;

async function stub(): Promise<Uint8Array> {
  return buildThinMachO({ cpu: 'arm64', signature: { identifier: 'a.b', sign: () => new Uint8Array(64).fill(1) } });
}

function withU32(bytes: Uint8Array, offset: number, value: number, littleEndian: boolean): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(offset, value, littleEndian);
  return copy;
}

function superBlobOffset(binary: Uint8Array): number {
  return new DataView(binary.buffer).getUint32(CODE_SIGNATURE_COMMAND + 8, true);
}

describe('readCodeSignature on damaged binaries: macho.invalid', () => {
  it('a load command of impossible size', async () => {
    const binary = withU32(await stub(), HEADER_64 + 4, 0, true);
    await expect(readCodeSignature(memorySource(binary))).rejects.toMatchObject(formatError('macho.invalid'));
  });

  it('load commands larger than the image', async () => {
    const binary = withU32(await stub(), 20, 0x7fffffff, true);
    await expect(readCodeSignature(memorySource(binary))).rejects.toMatchObject(formatError('macho.invalid'));
  });

  it('a signature pointing back into the load commands', async () => {
    const binary = withU32(await stub(), CODE_SIGNATURE_COMMAND + 8, 16, true);
    await expect(readCodeSignature(memorySource(binary))).rejects.toMatchObject(formatError('macho.invalid'));
  });

  it('a signature that is not a SuperBlob', async () => {
    const binary = await stub();
    const damaged = withU32(binary, superBlobOffset(binary), 0x12345678, false);
    await expect(readCodeSignature(memorySource(damaged))).rejects.toMatchObject(formatError('macho.invalid'));
  });

  it('a SuperBlob claiming more slots than it has room for', async () => {
    const binary = await stub();
    const damaged = withU32(binary, superBlobOffset(binary) + 8, 100_000, false);
    await expect(readCodeSignature(memorySource(damaged))).rejects.toMatchObject(formatError('macho.invalid'));
  });

  it('a CMS slot pointing into the SuperBlob index or at the wrong blob', async () => {
    const binary = await stub();
    const cmsIndexEntry = superBlobOffset(binary) + 12 + 2 * 8;
    const intoIndex = withU32(binary, cmsIndexEntry + 4, 4, false);
    await expect(readCodeSignature(memorySource(intoIndex))).rejects.toMatchObject(formatError('macho.invalid'));
    const atCodeDirectory = withU32(binary, cmsIndexEntry + 4, 12 + 3 * 8, false);
    await expect(readCodeSignature(memorySource(atCodeDirectory))).rejects.toMatchObject(formatError('macho.invalid'));
  });
});
