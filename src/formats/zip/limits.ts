/** Bounds applied when opening an archive. */
export interface ZipOpenLimits {
  /** More entries than this is `zip.too_many_entries`. */
  readonly maxEntries: number;
  /** A larger central directory is `zip.too_large` (it is read into memory in one piece). */
  readonly maxCentralDirectorySize: number;
}

/** Bounds applied when inflating one entry. */
export interface ZipEntryLimits {
  /** A declared uncompressed size above this is `zip.bomb`. */
  readonly maxSize: number;
  /** Uncompressed/compressed ratio above which an entry is `zip.bomb` ... */
  readonly maxRatio: number;
  /** ... once its uncompressed size is at least this (tiny files compress absurdly well). */
  readonly ratioAppliesFrom: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_OPEN_LIMITS: ZipOpenLimits = {
  maxEntries: 100_000,
  maxCentralDirectorySize: 64 * MiB,
};

/**
 * For entries read into memory. Deflate cannot exceed about 1032:1, and real metadata (plists,
 * profiles) stays far below 100:1, so 200:1 only catches crafted data.
 */
export const DEFAULT_READ_LIMITS: ZipEntryLimits = {
  maxSize: 64 * MiB,
  maxRatio: 200,
  ratioAppliesFrom: 1 * MiB,
};

/** For streamed entries the caller holds no more than a chunk, so only the ratio applies. */
export const DEFAULT_STREAM_LIMITS: ZipEntryLimits = {
  ...DEFAULT_READ_LIMITS,
  maxSize: Number.MAX_SAFE_INTEGER,
};
