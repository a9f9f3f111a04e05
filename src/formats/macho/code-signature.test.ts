import { describe, expect, it } from 'vitest';
import { buildFatMachO, buildThinMachO, type MachOCpu, type MachOImageSpec } from '../../testkit/macho/index.js';
import { memorySource } from '../zip/index.js';
import { readCodeSignature } from './code-signature.js';
import { CpuType } from './constants.js';
import { streamedSource } from './forward-source.js';

const formatError = (code: string) => ({ name: 'FormatError', code });
const fakeCms = (seed: number) => Uint8Array.from({ length: 1500 }, (_, i) => (i * seed) & 0xff);

function signed(cpu: MachOCpu, cms: Uint8Array): MachOImageSpec {
  return { cpu, signature: { identifier: 'com.example.app', teamId: 'TEAM123456', sign: () => cms } };
}

/** Chunks that arrive asynchronously, as an inflating stream delivers them. */
async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) {
    await Promise.resolve();
    yield bytes.slice(at, at + size);
  }
}

describe('readCodeSignature', () => {
  it('finds the CMS of a thin arm64 executable', async () => {
    const cms = fakeCms(7);
    const signature = await readCodeSignature(memorySource(await buildThinMachO(signed('arm64', cms))));
    expect(signature).toEqual({ cpuType: CpuType.arm64, cpuSubtype: 0, cms });
  });

  it.each(['x86_64', 'armv7', 'ppc', 'ppc64'] as const)('reads a thin %s image (32/64-bit, either byte order)', async (cpu) => {
    const cms = fakeCms(3);
    const signature = await readCodeSignature(memorySource(await buildThinMachO(signed(cpu, cms))));
    expect(signature?.cms).toEqual(cms);
  });

  it('hands the signer the CodeDirectory it signs', async () => {
    let signedBlob: Uint8Array = new Uint8Array(0);
    await buildThinMachO({
      cpu: 'arm64',
      signature: { identifier: 'com.example.app', sign: (codeDirectory) => ((signedBlob = codeDirectory), fakeCms(1)) },
    });
    expect([...signedBlob.subarray(0, 4)]).toEqual([0xfa, 0xde, 0x0c, 0x02]);
  });

  it('returns null for an unsigned binary and a null CMS for an ad-hoc signature', async () => {
    expect(await readCodeSignature(memorySource(await buildThinMachO({ cpu: 'arm64', signature: null })))).toBeNull();
    const adHoc = await buildThinMachO({ cpu: 'arm64', signature: { identifier: 'com.example.app' } });
    expect(await readCodeSignature(memorySource(adHoc))).toEqual({ cpuType: CpuType.arm64, cpuSubtype: 0, cms: null });
  });

  it.each([false, true])('reads the first signed slice of a fat binary (64-bit table: %s)', async (wide) => {
    const fat = await buildFatMachO([signed('arm64', fakeCms(5)), signed('x86_64', fakeCms(9))], { wide });
    expect(await readCodeSignature(memorySource(fat))).toEqual({ cpuType: CpuType.arm64, cpuSubtype: 0, cms: fakeCms(5) });
    const firstUnsigned = await buildFatMachO([{ cpu: 'arm64', signature: null }, signed('x86_64', fakeCms(9))], { wide });
    expect((await readCodeSignature(memorySource(firstUnsigned)))?.cpuType).toBe(CpuType.x86_64);
    const noneSigned = await buildFatMachO([{ cpu: 'arm64', signature: null }, { cpu: 'x86_64', signature: null }], { wide });
    expect(await readCodeSignature(memorySource(noneSigned))).toBeNull();
  });

  it.each([1, 7, 4096, 1 << 20])('gives the same answer from a forward-only stream of %i-byte chunks', async (size) => {
    const fat = await buildFatMachO([{ cpu: 'arm64', signature: null }, signed('x86_64', fakeCms(11))]);
    const source = streamedSource(chunksOf(fat, size), fat.length);
    expect(await readCodeSignature(source)).toEqual(await readCodeSignature(memorySource(fat)));
    await source.close();
  });

  it('macho.truncated when the binary ends before its signature, header or fat table', async () => {
    const binary = await buildThinMachO(signed('arm64', fakeCms(7)));
    const cmsStart = Buffer.from(binary).indexOf(Buffer.from(fakeCms(7)));
    const fat = await buildFatMachO([signed('arm64', fakeCms(5)), signed('x86_64', fakeCms(9))]);
    const cuts = [
      { whole: binary, cut: binary.subarray(0, cmsStart + 100) },
      { whole: binary, cut: binary.subarray(0, 20) },
      { whole: fat, cut: fat.subarray(0, 30) },
    ];
    for (const { whole, cut } of cuts) {
      await expect(readCodeSignature(memorySource(cut))).rejects.toMatchObject(formatError('macho.truncated'));
      // A stream that ends early, as an inflated entry whose archive lies about its size would.
      const stream = streamedSource(chunksOf(cut, 4096), whole.length);
      await expect(readCodeSignature(stream)).rejects.toMatchObject(formatError('macho.truncated'));
    }
    const fatCut = memorySource(fat.subarray(0, fat.length - 1));
    await expect(readCodeSignature(fatCut)).rejects.toMatchObject(formatError('macho.truncated'));
  });

  it('macho.invalid for files that are not Mach-O', async () => {
    const script = memorySource(new TextEncoder().encode('#!/bin/sh\necho hi\n'));
    await expect(readCodeSignature(script)).rejects.toMatchObject(formatError('macho.invalid'));
    const javaClass = Uint8Array.of(0xca, 0xfe, 0xba, 0xbe, 0x00, 0x00, 0x00, 0x34, ...new Array<number>(100).fill(0));
    await expect(readCodeSignature(memorySource(javaClass))).rejects.toMatchObject(formatError('macho.invalid'));
  });
});
