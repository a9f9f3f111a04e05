import type { ByteSource } from '../../io/byte-source.js';
import { FormatError } from '../errors.js';
import { HeaderSize, Limits, MachMagic } from './constants.js';
import { Fields, readRange } from './fields.js';

/** One architecture's slice of a universal ("fat") binary. */
export interface Slice {
  readonly offset: number;
  readonly size: number;
}

/** True for FAT_MAGIC and FAT_MAGIC_64 in either byte order. */
export function isFatMagic(magic: number): boolean {
  return (
    magic === MachMagic.fat32 ||
    magic === MachMagic.fat64 ||
    magic === MachMagic.fat32Swapped ||
    magic === MachMagic.fat64Swapped
  );
}

/**
 * Reads the fat header's architecture table and returns the slices in file order, which is the
 * order a forward-only stream can visit them in.
 */
export async function readFatSlices(source: ByteSource, magic: number): Promise<Slice[]> {
  const littleEndian = magic === MachMagic.fat32Swapped || magic === MachMagic.fat64Swapped;
  const wide = magic === MachMagic.fat64 || magic === MachMagic.fat64Swapped;
  const head = new Fields(await readRange(source, 0, HeaderSize.fat, 'fat header'), littleEndian);
  const count = head.u32(4);
  if (count === 0 || count > Limits.maxFatArchs) {
    throw new FormatError('macho.invalid', `fat header lists ${count} architectures`);
  }
  const archSize = wide ? HeaderSize.fatArch64 : HeaderSize.fatArch32;
  const tableEnd = HeaderSize.fat + count * archSize;
  const table = new Fields(await readRange(source, 0, tableEnd, 'fat architecture table'), littleEndian);
  const slices: Slice[] = [];
  for (let index = 0; index < count; index++) {
    const at = HeaderSize.fat + index * archSize;
    const slice = wide
      ? { offset: table.u64(at + 8), size: table.u64(at + 16) }
      : { offset: table.u32(at + 8), size: table.u32(at + 12) };
    slices.push(checkSlice(slice, tableEnd, source.size));
  }
  return sortWithoutOverlap(slices);
}

function checkSlice(slice: Slice, tableEnd: number, fileSize: number): Slice {
  if (slice.offset < tableEnd) {
    throw new FormatError('macho.invalid', `fat slice at ${slice.offset} overlaps the architecture table`);
  }
  if (slice.offset + slice.size > fileSize) {
    throw new FormatError('macho.truncated', `fat slice at ${slice.offset} runs past the end of the binary`);
  }
  return slice;
}

function sortWithoutOverlap(slices: Slice[]): Slice[] {
  const sorted = [...slices].sort((a, b) => a.offset - b.offset);
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1]!;
    if (sorted[index]!.offset < previous.offset + previous.size) {
      throw new FormatError('macho.invalid', `fat slices at ${previous.offset} and ${sorted[index]!.offset} overlap`);
    }
  }
  return sorted;
}
