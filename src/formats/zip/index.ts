/**
 * A zip reader over a {@link ByteSource}: reads the end records, the central directory and the
 * entries asked for, never the whole archive.
 *
 * Error codes: `zip.not_a_zip`, `zip.truncated`, `zip.corrupt`, `zip.unsupported`,
 * `zip.too_many_entries`, `zip.too_large`, `zip.unsafe_path`, `zip.duplicate_name`, `zip.bomb`,
 * `zip.size_mismatch`, `zip.crc_mismatch`.
 */
export { openZip, ZipArchive } from './archive.js';
export type { ZipEntry } from './entry.js';
export {
  DEFAULT_OPEN_LIMITS,
  DEFAULT_READ_LIMITS,
  DEFAULT_STREAM_LIMITS,
  type ZipEntryLimits,
  type ZipOpenLimits,
} from './limits.js';
export { memorySource } from './memory-source.js';
export { throughZlib } from './through-zlib.js';
