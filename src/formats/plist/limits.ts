import { plistError } from './errors.js';

/** Bounds that keep parsing of hostile input cheap; every parser entry point takes a partial override. */
export interface PlistLimits {
  /** Deepest allowed nesting of arrays and dictionaries, empty ones included (a root container is depth 1). */
  readonly maxDepth: number;
  /** Most values (dictionary keys included) one parse may decode. */
  readonly maxNodes: number;
  /**
   * Largest accepted input, in bytes (for string input: UTF-16 code units). The binary reader
   * also caps the total size of the strings and data it decodes at this value, because a shared
   * object referenced many times is copied once per reference.
   */
  readonly maxBytes: number;
}

/** The limits used when a caller overrides nothing. */
export const DEFAULT_PLIST_LIMITS: PlistLimits = Object.freeze({
  maxDepth: 256,
  maxNodes: 1_000_000,
  maxBytes: 64 * 1024 * 1024,
});

/** Fills in the defaults for every limit the caller did not set. */
export function resolveLimits(overrides: Partial<PlistLimits> = {}): PlistLimits {
  return {
    maxDepth: overrides.maxDepth ?? DEFAULT_PLIST_LIMITS.maxDepth,
    maxNodes: overrides.maxNodes ?? DEFAULT_PLIST_LIMITS.maxNodes,
    maxBytes: overrides.maxBytes ?? DEFAULT_PLIST_LIMITS.maxBytes,
  };
}

/** Rejects input longer than `maxBytes` before any work is done on it. */
export function checkInputSize(length: number, limits: PlistLimits): void {
  if (length > limits.maxBytes) {
    throw plistError('plist.too_large', `input is ${length} bytes, more than the limit of ${limits.maxBytes}`);
  }
}

/** Rejects opening a container when `depth` containers are already open. */
export function checkDepth(depth: number, limits: PlistLimits): void {
  if (depth >= limits.maxDepth) {
    throw plistError('plist.too_deep', `nesting exceeds the limit of ${limits.maxDepth} levels`);
  }
}

/** Counts decoded values and decoded payload bytes against the limits of one parse. */
export class DecodeBudget {
  private nodesLeft: number;
  private bytesLeft: number;

  constructor(private readonly limits: PlistLimits) {
    this.nodesLeft = limits.maxNodes;
    this.bytesLeft = limits.maxBytes;
  }

  /** Accounts for one decoded value. */
  takeNode(): void {
    if (this.nodesLeft <= 0) {
      throw plistError('plist.too_many_nodes', `more than ${this.limits.maxNodes} values`);
    }
    this.nodesLeft--;
  }

  /** Accounts for `count` bytes of decoded string or data content. */
  takeBytes(count: number): void {
    if (count > this.bytesLeft) {
      throw plistError('plist.too_large', `decoded content exceeds the limit of ${this.limits.maxBytes} bytes`);
    }
    this.bytesLeft -= count;
  }
}
