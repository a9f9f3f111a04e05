/**
 * Random access to bytes that may not fit in memory (an uploaded IPA on disk).
 * Parsers in src/formats take this interface, never a path, so they stay free of I/O.
 */
export interface ByteSource {
  readonly size: number;
  /** Reads exactly `length` bytes at `offset`, or throws when the source is shorter. */
  read(offset: number, length: number): Promise<Uint8Array>;
}
