import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A stored blob's identity: the SHA-256 of its bytes (lowercase hex) and its length. */
export interface BlobInfo {
  readonly sha256: string;
  readonly size: number;
}

/** What to store: a file path, bytes in memory, or a stream of chunks (an upload). */
export type BlobSource = string | Uint8Array | AsyncIterable<Uint8Array | string>;

export interface PutOptions {
  /** Refuse blobs longer than this many bytes (`blob.too_large`); the store's limit by default. */
  readonly maxBytes?: number;
}

/**
 * Content-addressed storage for uploaded IPAs and signed profiles. Storing the same bytes twice
 * yields the same digest and one copy.
 */
export interface BlobStore {
  put(source: BlobSource, options?: PutOptions): Promise<BlobInfo>;
  /** The blob's bytes, or undefined when no blob has this digest. */
  open(sha256: string): Promise<Readable | undefined>;
  has(sha256: string): Promise<boolean>;
  /** Removes the blob; false when it was not there. The caller checks nothing refers to it. */
  delete(sha256: string): Promise<boolean>;
  /** The blob's file on disk, for stores that keep files (random access, sendfile). */
  path?(sha256: string): string;
}

/**
 * Codes: `blob.too_large` (the source exceeded the size limit; nothing was kept) and
 * `blob.bad_digest` (a digest that is not 64 hex digits, e.g. a path traversal attempt).
 */
export type BlobStoreErrorCode = 'blob.too_large' | 'blob.bad_digest';

export class BlobStoreError extends Error {
  override readonly name = 'BlobStoreError';

  constructor(
    readonly code: BlobStoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** 2 GiB: larger than any IPA we expect, small enough to stop a runaway upload. */
export const DEFAULT_MAX_BLOB_BYTES = 2 * 1024 ** 3;

const DIGEST = /^[0-9a-f]{64}$/;

function normalizedDigest(sha256: string): string {
  const digest = sha256.toLowerCase();
  if (!DIGEST.test(digest)) {
    throw new BlobStoreError('blob.bad_digest', 'a blob digest is 64 hexadecimal digits');
  }
  return digest;
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

function readableOf(source: BlobSource): AsyncIterable<Uint8Array | string> {
  if (typeof source === 'string') {
    return createReadStream(source);
  }
  return source instanceof Uint8Array ? Readable.from([source]) : source;
}

/** Hashes and counts the bytes passing through, failing once they exceed `maxBytes`. */
class Digester extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      done(new BlobStoreError('blob.too_large', `the blob exceeds ${this.maxBytes} bytes`));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/**
 * Blobs as files under `<dataDir>/blobs/ab/cd/<sha256>`. A blob is written to a temporary file in
 * `<dataDir>/blobs/tmp` while it is hashed, then renamed into place: readers never see a partial
 * file, and storing identical content twice just replaces a file with the same bytes.
 */
export class FileBlobStore implements BlobStore {
  private readonly root: string;
  private readonly temporary: string;

  constructor(
    dataDir: string,
    private readonly options: { readonly maxBytes?: number } = {},
  ) {
    this.root = path.join(dataDir, 'blobs');
    this.temporary = path.join(this.root, 'tmp');
  }

  async put(source: BlobSource, options: PutOptions = {}): Promise<BlobInfo> {
    await mkdir(this.temporary, { recursive: true });
    const temporaryFile = path.join(this.temporary, `${randomUUID()}.part`);
    const digester = new Digester(options.maxBytes ?? this.options.maxBytes ?? DEFAULT_MAX_BLOB_BYTES);
    try {
      await pipeline(readableOf(source), digester, createWriteStream(temporaryFile, { flags: 'wx', flush: true }));
      const info = { sha256: digester.digest(), size: digester.size };
      const finalFile = this.path(info.sha256);
      await mkdir(path.dirname(finalFile), { recursive: true });
      await rename(temporaryFile, finalFile);
      return info;
    } catch (error) {
      await rm(temporaryFile, { force: true });
      throw error;
    }
  }

  async open(sha256: string): Promise<Readable | undefined> {
    try {
      const handle = await open(this.path(sha256), 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.path(sha256))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(sha256: string): Promise<boolean> {
    try {
      await rm(this.path(sha256));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  path(sha256: string): string {
    const digest = normalizedDigest(sha256);
    return path.join(this.root, digest.slice(0, 2), digest.slice(2, 4), digest);
  }
}
