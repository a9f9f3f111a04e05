import { RecordBuilder } from '../zip/index.js';
import { buildCodeDirectory, codeDirectoryLength } from './code-directory.js';
import { CPU_LAYOUTS, type CpuLayout, type MachOCpu } from './cpu.js';
import { buildSuperBlob, superBlobLength } from './super-blob.js';

/** How an image is signed. */
export interface MachOSignatureSpec {
  readonly identifier: string;
  readonly teamId?: string;
  /**
   * Produces the CMS over the CodeDirectory (e.g. `signCms(codeDirectory, { detached: true, ... })`),
   * or returns fixed bytes. Omit for an ad-hoc signature: an empty CMS blob wrapper.
   */
  readonly sign?: (codeDirectory: Uint8Array) => Uint8Array | Promise<Uint8Array>;
  /** Bytes reserved for the CMS before it exists, as codesign does; default 16 KiB. */
  readonly cmsReserve?: number;
}

export interface MachOImageSpec {
  readonly cpu: MachOCpu;
  /** Bytes of stand-in machine code in __TEXT; default 16 KiB. */
  readonly codeSize?: number;
  /** null: no LC_CODE_SIGNATURE at all. */
  readonly signature: MachOSignatureSpec | null;
}

const MH_EXECUTE = 2;
const MH_FLAGS = 0x00200085;
const LC_SEGMENT = 0x1;
const LC_SEGMENT_64 = 0x19;
const LC_CODE_SIGNATURE = 0x1d;
const SEGMENT_ALIGN = 0x4000;
const UNSIGNED_LINKEDIT = 256;

interface ImageLayout {
  readonly cpu: CpuLayout;
  readonly headerSize: number;
  readonly commandsSize: number;
  readonly textSize: number;
  readonly linkeditSize: number;
}

/**
 * A thin MH_EXECUTE image: header, __TEXT and __LINKEDIT segments, LC_CODE_SIGNATURE pointing
 * at a SuperBlob whose CodeDirectory hashes every page before it.
 */
export async function buildThinMachO(spec: MachOImageSpec): Promise<Uint8Array> {
  const layout = planImage(spec);
  const image = new Uint8Array(layout.textSize + layout.linkeditSize);
  image.set(headerAndCommands(layout, spec.signature !== null));
  fillCode(image, layout.headerSize + layout.commandsSize, layout.textSize);
  if (spec.signature !== null) {
    image.set(await signImage(image.subarray(0, layout.textSize), layout, spec.signature), layout.textSize);
  }
  return image;
}

function planImage(spec: MachOImageSpec): ImageLayout {
  const cpu = CPU_LAYOUTS[spec.cpu];
  const headerSize = cpu.is64 ? 32 : 28;
  const segmentSize = cpu.is64 ? 72 : 56;
  const commandsSize = 2 * segmentSize + (spec.signature === null ? 0 : 16);
  const textSize = roundUp(headerSize + commandsSize + (spec.codeSize ?? 16 * 1024), SEGMENT_ALIGN);
  const linkeditSize =
    spec.signature === null
      ? UNSIGNED_LINKEDIT
      : roundUp(
          superBlobLength(
            codeDirectoryLength(spec.signature.identifier, spec.signature.teamId, textSize),
            cmsReserve(spec.signature),
          ),
          16,
        );
  return { cpu, headerSize, commandsSize, textSize, linkeditSize };
}

function headerAndCommands(layout: ImageLayout, signed: boolean): Uint8Array {
  const { cpu } = layout;
  const record = new RecordBuilder(layout.headerSize + layout.commandsSize, cpu.littleEndian)
    .u32(cpu.is64 ? 0xfeedfacf : 0xfeedface)
    .u32(cpu.cpuType)
    .u32(cpu.cpuSubtype)
    .u32(MH_EXECUTE)
    .u32(signed ? 3 : 2)
    .u32(layout.commandsSize)
    .u32(MH_FLAGS);
  if (cpu.is64) record.u32(0);
  const textBase = cpu.is64 ? 0x100000000 : SEGMENT_ALIGN;
  segment(record, cpu.is64, '__TEXT', textBase, 0, layout.textSize, 5);
  segment(record, cpu.is64, '__LINKEDIT', textBase + layout.textSize, layout.textSize, layout.linkeditSize, 1);
  if (signed) record.u32(LC_CODE_SIGNATURE).u32(16).u32(layout.textSize).u32(layout.linkeditSize);
  return record.build();
}

function segment(
  record: RecordBuilder,
  is64: boolean,
  name: string,
  address: number,
  fileOffset: number,
  fileSize: number,
  protection: number,
): void {
  const vmSize = roundUp(fileSize, SEGMENT_ALIGN);
  record.u32(is64 ? LC_SEGMENT_64 : LC_SEGMENT).u32(is64 ? 72 : 56).fixedAscii(name, 16);
  if (is64) {
    record.u64(address).u64(vmSize).u64(fileOffset).u64(fileSize);
  } else {
    record.u32(address).u32(vmSize).u32(fileOffset).u32(fileSize);
  }
  record.u32(protection).u32(protection).u32(0).u32(0);
}

/** Deterministic stand-in for machine code, so page hashes differ from page to page. */
function fillCode(image: Uint8Array, from: number, to: number): void {
  for (let at = from; at < to; at++) image[at] = (at * 31 + (at >>> 12)) & 0xff;
}

async function signImage(code: Uint8Array, layout: ImageLayout, signature: MachOSignatureSpec): Promise<Uint8Array> {
  const codeDirectory = buildCodeDirectory({
    identifier: signature.identifier,
    teamId: signature.teamId,
    code,
    textSize: layout.textSize,
  });
  const cms = signature.sign === undefined ? null : await signature.sign(codeDirectory);
  if (cms !== null && cms.length > cmsReserve(signature)) {
    throw new Error(`CMS of ${cms.length} bytes exceeds the ${cmsReserve(signature)} bytes reserved`);
  }
  return buildSuperBlob(codeDirectory, cms);
}

function cmsReserve(signature: MachOSignatureSpec): number {
  return signature.cmsReserve ?? 16 * 1024;
}

function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}
