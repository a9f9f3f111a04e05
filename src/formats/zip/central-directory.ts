import { FormatError } from '../errors.js';
import type { ZipEntry } from './entry.js';
import { decodeEntryName } from './entry-name.js';
import { LittleEndian } from './little-endian.js';
import { RecordSize, SATURATED_16, SATURATED_32, Signature, ZIP64_EXTRA_ID } from './signatures.js';

/** Parses `entryCount` central directory records from the directory's bytes. */
export function parseCentralDirectory(bytes: Uint8Array, entryCount: number): ZipEntry[] {
  const directory = new LittleEndian(bytes);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < entryCount; index++) {
    const record = readRecord(directory, at, index);
    entries.push(record.entry);
    at = record.next;
  }
  return entries;
}

function readRecord(directory: LittleEndian, at: number, index: number): { entry: ZipEntry; next: number } {
  requireBytes(directory, at, RecordSize.centralHeader, index);
  if (directory.u32(at) !== Signature.centralHeader) {
    throw new FormatError('zip.corrupt', `central directory record ${index} has a bad signature`);
  }
  const nameLength = directory.u16(at + 28);
  const extraLength = directory.u16(at + 30);
  const commentLength = directory.u16(at + 32);
  const recordLength = RecordSize.centralHeader + nameLength + extraLength + commentLength;
  requireBytes(directory, at, recordLength, index);

  const nameStart = at + RecordSize.centralHeader;
  const flags = directory.u16(at + 8);
  const name = decodeEntryName(directory.bytes.subarray(nameStart, nameStart + nameLength), flags);
  const extraStart = nameStart + nameLength;
  const zip64Extra = findExtraField(directory, extraStart, extraStart + extraLength, ZIP64_EXTRA_ID);
  const wide = applyZip64Extra(zip64Extra, {
    uncompressedSize: directory.u32(at + 24),
    compressedSize: directory.u32(at + 20),
    localHeaderOffset: directory.u32(at + 42),
    diskStart: directory.u16(at + 34),
  });
  if (wide.diskStart !== 0) {
    throw new FormatError('zip.unsupported', `entry "${name}" starts on disk ${wide.diskStart}`);
  }
  const entry: ZipEntry = {
    name,
    isDirectory: name.endsWith('/'),
    method: directory.u16(at + 10),
    flags,
    crc32: directory.u32(at + 16),
    compressedSize: wide.compressedSize,
    uncompressedSize: wide.uncompressedSize,
    localHeaderOffset: wide.localHeaderOffset,
  };
  return { entry, next: at + recordLength };
}

function requireBytes(directory: LittleEndian, at: number, length: number, index: number): void {
  if (at + length > directory.length) {
    throw new FormatError('zip.truncated', `central directory ends inside record ${index}`);
  }
}

interface WideFields {
  uncompressedSize: number;
  compressedSize: number;
  localHeaderOffset: number;
  diskStart: number;
}

/**
 * The ZIP64 extra field holds, in this order, only the values whose classic fields are
 * saturated: uncompressed size, compressed size, local header offset, disk number.
 */
function applyZip64Extra(body: Uint8Array | null, fields: WideFields): WideFields {
  if (body === null) return fields;
  const values = new LittleEndian(body);
  let at = 0;
  const take = (saturated: boolean, current: number, width: 4 | 8): number => {
    if (!saturated) return current;
    if (at + width > values.length) {
      throw new FormatError('zip.corrupt', 'ZIP64 extra field is shorter than the values it must carry');
    }
    const value = width === 8 ? values.u64(at) : values.u32(at);
    at += width;
    return value;
  };
  return {
    uncompressedSize: take(fields.uncompressedSize === SATURATED_32, fields.uncompressedSize, 8),
    compressedSize: take(fields.compressedSize === SATURATED_32, fields.compressedSize, 8),
    localHeaderOffset: take(fields.localHeaderOffset === SATURATED_32, fields.localHeaderOffset, 8),
    diskStart: take(fields.diskStart === SATURATED_16, fields.diskStart, 4),
  };
}

/**
 * The body of the first extra field with `id` among those between `start` and `end` of the
 * directory, or null. Trailing padding shorter than a header is ignored.
 */
function findExtraField(directory: LittleEndian, start: number, end: number, id: number): Uint8Array | null {
  let at = start;
  while (at + 4 <= end) {
    const fieldId = directory.u16(at);
    const fieldEnd = at + 4 + directory.u16(at + 2);
    if (fieldEnd > end) {
      throw new FormatError('zip.corrupt', `extra field 0x${fieldId.toString(16)} runs past its record`);
    }
    if (fieldId === id) return directory.bytes.subarray(at + 4, fieldEnd);
    at = fieldEnd;
  }
  return null;
}
