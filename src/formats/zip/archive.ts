import type { ByteSource } from '../../io/byte-source.js';
import { FormatError } from '../errors.js';
import { withTailCache } from './tail-cache.js';
import { parseCentralDirectory } from './central-directory.js';
import { locateCentralDirectory } from './end-records.js';
import type { ZipEntry } from './entry.js';
import { EntryVerifier, inflateChunks, inflateWhole, rawChunks, verifiedChunks } from './entry-data.js';
import { assertReadable, assertWithinLimits } from './entry-limits.js';
import {
  DEFAULT_OPEN_LIMITS,
  DEFAULT_READ_LIMITS,
  DEFAULT_STREAM_LIMITS,
  type ZipEntryLimits,
  type ZipOpenLimits,
} from './limits.js';
import { locateEntryData } from './local-header.js';
import { unsafePathReason } from './path-safety.js';
import { Method } from './signatures.js';

/** Entries up to this compressed size are read (and inflated) in one piece by {@link ZipArchive.read}. */
const WHOLE_READ_MAX_COMPRESSED = 8 * 1024 * 1024;

/**
 * Opens a zip archive by reading only its end records and central directory.
 *
 * The whole archive is refused (`zip.unsafe_path`) when any entry name could escape or alias
 * its folder, and (`zip.duplicate_name`) when two entries share a name. Refusing only the entry
 * would be enough for extraction, but an IPA we accept is stored and later handed to devices
 * and to other tools; no legitimate packager writes such names, and readers disagree on which
 * duplicate wins, which is exactly how an archive shows one Info.plist to us and another to
 * iOS. Failing closed also means a caller cannot forget a check.
 */
export async function openZip(file: ByteSource, limits: Partial<ZipOpenLimits> = {}): Promise<ZipArchive> {
  const { maxEntries, maxCentralDirectorySize } = { ...DEFAULT_OPEN_LIMITS, ...limits };
  const source = withTailCache(file);
  const location = await locateCentralDirectory(source);
  if (location.entryCount > maxEntries) {
    throw new FormatError(
      'zip.too_many_entries',
      `archive declares ${location.entryCount} entries, more than the limit of ${maxEntries}`,
    );
  }
  if (location.size > maxCentralDirectorySize) {
    throw new FormatError(
      'zip.too_large',
      `central directory is ${location.size} bytes, more than the limit of ${maxCentralDirectorySize}`,
    );
  }
  const directory = await source.read(location.offset, location.size);
  return new ZipArchive(source, indexByName(parseCentralDirectory(directory, location.entryCount)));
}

function indexByName(entries: readonly ZipEntry[]): Map<string, ZipEntry> {
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) {
    const reason = unsafePathReason(entry.name);
    if (reason !== null) {
      throw new FormatError('zip.unsafe_path', `entry name ${JSON.stringify(entry.name)} ${reason}`);
    }
    if (byName.has(entry.name)) {
      throw new FormatError('zip.duplicate_name', `two entries are named ${JSON.stringify(entry.name)}`);
    }
    byName.set(entry.name, entry);
  }
  return byName;
}

/** An opened archive (see {@link openZip}): its entries, and readers that fetch one entry's bytes on demand. */
export class ZipArchive {
  /** Entries in central directory order. */
  readonly entries: readonly ZipEntry[];

  constructor(
    private readonly source: ByteSource,
    private readonly byName: ReadonlyMap<string, ZipEntry>,
  ) {
    this.entries = [...byName.values()];
  }

  /** The entry with exactly this name, if any. */
  get(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /**
   * Reads a whole entry into memory, checked against the limits (`zip.bomb`), its declared size
   * (`zip.size_mismatch`) and its CRC-32 (`zip.crc_mismatch`).
   */
  async read(entry: ZipEntry, limits: Partial<ZipEntryLimits> = {}): Promise<Uint8Array> {
    assertWithinLimits(entry, { ...DEFAULT_READ_LIMITS, ...limits });
    if (entry.compressedSize <= WHOLE_READ_MAX_COMPRESSED) return this.readWhole(entry);
    const content = new Uint8Array(entry.uncompressedSize);
    let filled = 0;
    for await (const chunk of this.stream(entry, { maxSize: entry.uncompressedSize })) {
      content.set(chunk, filled);
      filled += chunk.length;
    }
    return content;
  }

  /**
   * Streams an entry's content in chunks, with the same checks as {@link read}. The CRC-32 and a
   * short size are only known at the end, so they surface as an error from the last iteration;
   * a consumer that stops early gets no verdict on them.
   */
  async *stream(entry: ZipEntry, limits: Partial<ZipEntryLimits> = {}): AsyncGenerator<Uint8Array> {
    assertReadable(entry);
    assertWithinLimits(entry, { ...DEFAULT_STREAM_LIMITS, ...limits });
    const dataOffset = await locateEntryData(this.source, entry);
    const raw = rawChunks(this.source, dataOffset, entry.compressedSize);
    const content = entry.method === Method.deflated && entry.compressedSize > 0 ? inflateChunks(raw) : raw;
    yield* verifiedChunks(entry, content);
  }

  private async readWhole(entry: ZipEntry): Promise<Uint8Array> {
    assertReadable(entry);
    const dataOffset = await locateEntryData(this.source, entry);
    const compressed = await this.source.read(dataOffset, entry.compressedSize);
    const inflate = entry.method === Method.deflated && entry.compressedSize > 0;
    const content = inflate ? await inflateWhole(entry, compressed) : compressed;
    const verifier = new EntryVerifier(entry);
    verifier.update(content);
    verifier.finish();
    return content;
  }

  /**
   * Random access to a stored (uncompressed) entry, or null when it is deflated. No CRC-32 check
   * is possible here; use it when the content carries its own integrity (a code signature).
   */
  async storedSource(entry: ZipEntry): Promise<ByteSource | null> {
    if (entry.method !== Method.stored) return null;
    assertReadable(entry);
    const dataOffset = await locateEntryData(this.source, entry);
    const archive = this.source;
    return {
      size: entry.uncompressedSize,
      read(offset, length) {
        if (offset < 0 || length < 0 || offset + length > entry.uncompressedSize) {
          return Promise.reject(new RangeError(`read of ${length} bytes at ${offset} passes the end of "${entry.name}"`));
        }
        return archive.read(dataOffset + offset, length);
      },
    };
  }
}
