import { FormatError } from '../errors.js';
import type { ZipEntry } from './entry.js';
import type { ZipEntryLimits } from './limits.js';
import { Flag, Method } from './signatures.js';

/** Refuses encrypted entries and methods other than stored and deflated. */
export function assertReadable(entry: ZipEntry): void {
  if ((entry.flags & (Flag.encrypted | Flag.strongEncryption)) !== 0) {
    throw new FormatError('zip.unsupported', `"${entry.name}" is encrypted`);
  }
  if (entry.method !== Method.stored && entry.method !== Method.deflated) {
    throw new FormatError('zip.unsupported', `"${entry.name}" uses compression method ${entry.method}`);
  }
  if (entry.method === Method.stored && entry.compressedSize !== entry.uncompressedSize) {
    throw new FormatError(
      'zip.size_mismatch',
      `stored entry "${entry.name}" declares ${entry.compressedSize} bytes stored, ${entry.uncompressedSize} of content`,
    );
  }
}

/** Refuses, before inflating anything, an entry whose declared sizes break the limits. */
export function assertWithinLimits(entry: ZipEntry, limits: ZipEntryLimits): void {
  if (entry.uncompressedSize > limits.maxSize) {
    throw new FormatError(
      'zip.bomb',
      `"${entry.name}" declares ${entry.uncompressedSize} bytes, more than the limit of ${limits.maxSize}`,
    );
  }
  if (entry.uncompressedSize < limits.ratioAppliesFrom) return;
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (ratio > limits.maxRatio) {
    throw new FormatError(
      'zip.bomb',
      `"${entry.name}" would inflate ${Math.round(ratio)}:1, more than the limit of ${limits.maxRatio}:1`,
    );
  }
}
