import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { requestFailed, usageError } from './cli-error.js';

/** A file sent as one part of the form, read from disk while the request is sent. */
export interface FormFile {
  readonly field: string;
  readonly path: string;
}

/**
 * A multipart/form-data request body built from text fields and files on disk. Its length is
 * known up front (sent as Content-Length), and its stream reads each file in chunks as the
 * connection takes them, so a 4 GB .ipa never sits in memory.
 */
export interface MultipartBody {
  readonly contentType: string;
  /** Bytes in the whole body. */
  readonly length: number;
  /** The body; `onProgress` hears the bytes handed out so far, after every chunk. */
  stream(onProgress?: (sentBytes: number) => void): ReadableStream<Uint8Array>;
}

/** A form file found on disk, with its size. */
export interface SizedFile extends FormFile {
  readonly size: number;
}

/**
 * Checks that every file is there, before anything is sent: a file that is missing or not a
 * regular file is a usage error.
 */
export function sizeFiles(files: readonly FormFile[]): Promise<SizedFile[]> {
  return Promise.all(files.map(sizeOf));
}

/** The body for text `fields` and `files` (already checked with {@link sizeFiles}). */
export function multipartBody(fields: Readonly<Record<string, string>>, files: readonly SizedFile[]): MultipartBody {
  const boundary = `----provisio-${randomBytes(12).toString('hex')}`;
  const textParts = Object.entries(fields).map(([name, value]) => Buffer.from(`${partHead(boundary, name)}\r\n${value}\r\n`));
  const fileParts = files.map((file) => ({
    file,
    head: Buffer.from(`${partHead(boundary, file.field, path.basename(file.path))}Content-Type: application/octet-stream\r\n\r\n`),
  }));
  const closing = Buffer.from(`--${boundary}--\r\n`);
  const length =
    sum(textParts.map((part) => part.length)) + sum(fileParts.map(({ file, head }) => head.length + file.size + CRLF.length)) + closing.length;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield* textParts;
    for (const { file, head } of fileParts) {
      yield head;
      yield* fileChunks(file);
      yield CRLF;
    }
    yield closing;
  }
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length,
    stream: (onProgress) => countedStream(chunks(), onProgress),
  };
}

const CRLF = Buffer.from('\r\n');

function partHead(boundary: string, name: string, fileName?: string): string {
  const file = fileName === undefined ? '' : `; filename="${escapeQuoted(fileName)}"`;
  return `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(name)}"${file}\r\n`;
}

/** As browsers do: a quote or line break would end the header value early. */
function escapeQuoted(text: string): string {
  return text.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

async function sizeOf(file: FormFile): Promise<SizedFile> {
  let info;
  try {
    info = await stat(file.path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw usageError(`cannot read ${file.path}: ${reason}`);
  }
  if (!info.isFile()) throw usageError(`${file.path} is not a file`);
  return { ...file, size: info.size };
}

/** The file's bytes; the length announced up front must hold, so a file changing mid-upload fails. */
async function* fileChunks(file: SizedFile): AsyncGenerator<Uint8Array> {
  let read = 0;
  if (file.size > 0) {
    for await (const chunk of createReadStream(file.path, { start: 0, end: file.size - 1 })) {
      read += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
  if (read !== file.size) throw requestFailed(`${file.path} shrank while it was being uploaded`);
}

/** A web stream over `source` that pulls one chunk at a time, so reading follows the network. */
function countedStream(source: AsyncGenerator<Uint8Array>, onProgress?: (sentBytes: number) => void): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await source.next();
      if (next.done === true) {
        controller.close();
        return;
      }
      sent += next.value.length;
      controller.enqueue(next.value);
      onProgress?.(sent);
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
