import { RecordBuilder } from '../zip/index.js';
import { CPU_LAYOUTS } from './cpu.js';
import { buildThinMachO, type MachOImageSpec } from './image.js';

export interface FatOptions {
  /** FAT_MAGIC_64 with 64-bit offsets instead of FAT_MAGIC. */
  readonly wide?: boolean;
}

/** A universal binary holding one thin image per spec, each aligned as its architecture wants. */
export async function buildFatMachO(slices: readonly MachOImageSpec[], options: FatOptions = {}): Promise<Uint8Array> {
  const images = await Promise.all(slices.map((slice) => buildThinMachO(slice)));
  const wide = options.wide === true;
  const tableEnd = 8 + slices.length * (wide ? 32 : 20);
  const placements: { offset: number; alignment: number }[] = [];
  let end = tableEnd;
  slices.forEach((slice, index) => {
    const alignment = CPU_LAYOUTS[slice.cpu].alignment;
    const offset = Math.ceil(end / 2 ** alignment) * 2 ** alignment;
    placements.push({ offset, alignment });
    end = offset + images[index]!.length;
  });
  const binary = new Uint8Array(end);
  binary.set(fatHeader(slices, images, placements, wide));
  images.forEach((image, index) => binary.set(image, placements[index]!.offset));
  return binary;
}

function fatHeader(
  slices: readonly MachOImageSpec[],
  images: readonly Uint8Array[],
  placements: readonly { offset: number; alignment: number }[],
  wide: boolean,
): Uint8Array {
  const header = new RecordBuilder(8 + slices.length * (wide ? 32 : 20), false)
    .u32(wide ? 0xcafebabf : 0xcafebabe)
    .u32(slices.length);
  slices.forEach((slice, index) => {
    const cpu = CPU_LAYOUTS[slice.cpu];
    const { offset, alignment } = placements[index]!;
    header.u32(cpu.cpuType).u32(cpu.cpuSubtype);
    if (wide) {
      header.u64(offset).u64(images[index]!.length).u32(alignment).u32(0);
    } else {
      header.u32(offset).u32(images[index]!.length).u32(alignment);
    }
  });
  return header.build();
}
