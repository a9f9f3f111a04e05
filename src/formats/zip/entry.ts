/** One central directory record: what the archive says about a file it holds. */
export interface ZipEntry {
  /** Decoded name with `/` separators; directories end with `/`. */
  readonly name: string;
  readonly isDirectory: boolean;
  /** Compression method: 0 stored, 8 deflated; anything else is `zip.unsupported` on read. */
  readonly method: number;
  /** General purpose bit flags (bit 0: encrypted, bit 3: data descriptor, bit 11: UTF-8). */
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}
