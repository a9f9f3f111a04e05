import type { ByteSource } from '../../io/byte-source.js';
import { FormatError } from '../errors.js';
import { LittleEndian } from './little-endian.js';
import {
  MAX_COMMENT_LENGTH,
  RecordSize,
  SATURATED_16,
  SATURATED_32,
  Signature,
} from './signatures.js';

/** Where the central directory is, from the end records. */
export interface CentralDirectoryLocation {
  readonly entryCount: number;
  readonly offset: number;
  readonly size: number;
}

/**
 * Reads the end of central directory record (searched for in the last 64 KiB + 22 bytes only)
 * and, when its fields are saturated, the ZIP64 locator and end record it points to.
 */
export async function locateCentralDirectory(source: ByteSource): Promise<CentralDirectoryLocation> {
  const tailLength = Math.min(source.size, RecordSize.endOfCentralDirectory + MAX_COMMENT_LENGTH);
  const tailStart = source.size - tailLength;
  const tail = new LittleEndian(await source.read(tailStart, tailLength));
  const eocdInTail = findEndRecord(tail);
  if (eocdInTail === null) {
    throw await missingEndRecordError(source);
  }
  const eocdOffset = tailStart + eocdInTail;
  const classic = readClassicEndRecord(tail, eocdInTail);
  const zip64 = isSaturated(classic) ? await readZip64EndRecord(source, eocdOffset) : null;
  if (zip64 === null) assertSingleDisk(classic);
  const location = zip64 ?? classic;
  const directoryEnd = zip64 === null ? eocdOffset : zip64.recordOffset;
  if (location.offset + location.size > directoryEnd) {
    throw new FormatError(
      'zip.truncated',
      `central directory (${location.size} bytes at ${location.offset}) runs past its end record at ${directoryEnd}`,
    );
  }
  return { entryCount: location.entryCount, offset: location.offset, size: location.size };
}

/**
 * Scans backwards for the signature. A candidate whose comment length reaches exactly the end of
 * the file wins, since a signature can also occur by chance inside a comment; failing that, the
 * last candidate whose comment fits (some tools append junk after the archive).
 */
function findEndRecord(tail: LittleEndian): number | null {
  let loose: number | null = null;
  for (let at = tail.length - RecordSize.endOfCentralDirectory; at >= 0; at--) {
    if (tail.u32(at) !== Signature.endOfCentralDirectory) continue;
    const end = at + RecordSize.endOfCentralDirectory + tail.u16(at + 20);
    if (end === tail.length) return at;
    if (end < tail.length) loose ??= at;
  }
  return loose;
}

async function missingEndRecordError(source: ByteSource): Promise<FormatError> {
  const head = source.size >= 4 ? new LittleEndian(await source.read(0, 4)) : null;
  if (head !== null && head.u32(0) === Signature.localHeader) {
    return new FormatError('zip.truncated', 'starts like a zip but has no end of central directory record');
  }
  return new FormatError('zip.not_a_zip', 'no end of central directory record: not a zip archive');
}

interface ClassicEndRecord extends CentralDirectoryLocation {
  readonly disk: number;
  readonly directoryDisk: number;
  readonly entriesOnDisk: number;
}

function readClassicEndRecord(tail: LittleEndian, at: number): ClassicEndRecord {
  return {
    disk: tail.u16(at + 4),
    directoryDisk: tail.u16(at + 6),
    entriesOnDisk: tail.u16(at + 8),
    entryCount: tail.u16(at + 10),
    size: tail.u32(at + 12),
    offset: tail.u32(at + 16),
  };
}

function isSaturated(record: ClassicEndRecord): boolean {
  return (
    record.entryCount === SATURATED_16 ||
    record.entriesOnDisk === SATURATED_16 ||
    record.size === SATURATED_32 ||
    record.offset === SATURATED_32
  );
}

interface Zip64EndRecord extends CentralDirectoryLocation {
  readonly recordOffset: number;
}

/**
 * Returns null when no locator precedes the classic record: an archive may legitimately hold
 * exactly 65,535 entries without being ZIP64.
 */
async function readZip64EndRecord(source: ByteSource, eocdOffset: number): Promise<Zip64EndRecord | null> {
  const locatorOffset = eocdOffset - RecordSize.zip64Locator;
  if (locatorOffset < 0) return null;
  const locator = new LittleEndian(await source.read(locatorOffset, RecordSize.zip64Locator));
  if (locator.u32(0) !== Signature.zip64Locator) return null;
  if (locator.u32(4) !== 0 || locator.u32(16) > 1) {
    throw new FormatError('zip.unsupported', 'multi-disk (spanned) archives are not supported');
  }
  const recordOffset = locator.u64(8);
  if (recordOffset + RecordSize.zip64EndOfCentralDirectory > locatorOffset) {
    throw new FormatError('zip.truncated', `ZIP64 end record at ${recordOffset} runs past its locator`);
  }
  const record = new LittleEndian(await source.read(recordOffset, RecordSize.zip64EndOfCentralDirectory));
  if (record.u32(0) !== Signature.zip64EndOfCentralDirectory) {
    throw new FormatError('zip.corrupt', `no ZIP64 end record at ${recordOffset}`);
  }
  if (record.u32(16) !== 0 || record.u32(20) !== 0 || record.u64(24) !== record.u64(32)) {
    throw new FormatError('zip.unsupported', 'multi-disk (spanned) archives are not supported');
  }
  return { recordOffset, entryCount: record.u64(32), size: record.u64(40), offset: record.u64(48) };
}

function assertSingleDisk(record: ClassicEndRecord): void {
  if (record.disk !== 0 || record.directoryDisk !== 0 || record.entriesOnDisk !== record.entryCount) {
    throw new FormatError('zip.unsupported', 'multi-disk (spanned) archives are not supported');
  }
}
