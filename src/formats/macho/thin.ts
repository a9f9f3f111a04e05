import type { ByteSource } from '../../io/byte-source.js';
import { FormatError } from '../errors.js';
import { HeaderSize, LC_CODE_SIGNATURE, Limits, MachMagic } from './constants.js';
import { Fields, readRange } from './fields.js';
import type { Slice } from './fat.js';

/** A thin Mach-O image's header fields and where its code signature lies, if it has one. */
export interface ThinImage {
  readonly cpuType: number;
  readonly cpuSubtype: number;
  /** Absolute offset and size of the LC_CODE_SIGNATURE data, or null when unsigned. */
  readonly signature: Slice | null;
}

interface Layout {
  readonly littleEndian: boolean;
  readonly headerSize: number;
}

/** Reads the header and load commands of the image at `slice` (the whole file when thin). */
export async function readThinImage(source: ByteSource, slice: Slice, magic: number): Promise<ThinImage> {
  const layout = layoutOf(magic, slice.offset);
  const header = new Fields(await readRange(source, slice.offset, layout.headerSize, 'Mach-O header'), layout.littleEndian);
  const commandCount = header.u32(16);
  const commandBytes = header.u32(20);
  const commandsEnd = layout.headerSize + commandBytes;
  if (commandBytes > Limits.maxLoadCommandBytes || commandsEnd > slice.size) {
    throw new FormatError('macho.invalid', `load commands of ${commandBytes} bytes do not fit a ${slice.size}-byte image`);
  }
  const commands = new Fields(
    await readRange(source, slice.offset + layout.headerSize, commandBytes, 'load commands'),
    layout.littleEndian,
  );
  const signature = findCodeSignature(commands, commandCount);
  return {
    cpuType: header.u32(4),
    cpuSubtype: header.u32(8),
    signature: signature === null ? null : placeSignature(signature, slice, commandsEnd),
  };
}

/** True for MH_MAGIC and MH_MAGIC_64 in either byte order. */
export function isThinMagic(magic: number): boolean {
  return (
    magic === MachMagic.thin32 ||
    magic === MachMagic.thin64 ||
    magic === MachMagic.thin32Swapped ||
    magic === MachMagic.thin64Swapped
  );
}

function layoutOf(magic: number, offset: number): Layout {
  if (!isThinMagic(magic)) {
    throw new FormatError('macho.invalid', `no Mach-O image at ${offset} (magic 0x${magic.toString(16)})`);
  }
  return {
    littleEndian: magic === MachMagic.thin32Swapped || magic === MachMagic.thin64Swapped,
    headerSize: magic === MachMagic.thin64 || magic === MachMagic.thin64Swapped ? HeaderSize.thin64 : HeaderSize.thin32,
  };
}

/** Walks the load commands for LC_CODE_SIGNATURE; returns its dataoff and datasize. */
function findCodeSignature(commands: Fields, count: number): Slice | null {
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 8 > commands.bytes.length) {
      throw new FormatError('macho.invalid', `load command ${index} starts past the end of the load commands`);
    }
    const kind = commands.u32(at);
    const size = commands.u32(at + 4);
    if (size < 8 || size % 4 !== 0 || at + size > commands.bytes.length) {
      throw new FormatError('macho.invalid', `load command ${index} has an impossible size of ${size}`);
    }
    if (kind === LC_CODE_SIGNATURE) {
      if (size < 16) throw new FormatError('macho.invalid', `LC_CODE_SIGNATURE is only ${size} bytes`);
      return { offset: commands.u32(at + 8), size: commands.u32(at + 12) };
    }
    at += size;
  }
  return null;
}

function placeSignature(signature: Slice, slice: Slice, commandsEnd: number): Slice {
  if (signature.offset < commandsEnd) {
    throw new FormatError('macho.invalid', `code signature at ${signature.offset} overlaps the load commands`);
  }
  if (signature.offset + signature.size > slice.size) {
    throw new FormatError(
      'macho.truncated',
      `code signature (${signature.size} bytes at ${signature.offset}) runs past the end of its ${slice.size}-byte image`,
    );
  }
  return { offset: slice.offset + signature.offset, size: signature.size };
}
