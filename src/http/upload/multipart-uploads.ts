import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UploadLimits } from '../../config/server-config.js';
import { ApiError } from '../errors.js';
import { saveFilePart, tooLarge } from './save-part.js';
import { UploadedFile } from './uploaded-file.js';

/** Where a server's uploads stream to, and its size limits (from the configuration). */
export interface UploadSettings {
  readonly tempDir: string;
  readonly limits: UploadLimits;
}

/** Where uploads go and how large each file field may be. */
export interface UploadOptions {
  /** A folder for temporary files, best on the same disk as the blob store. */
  readonly tempDir: string;
  /** The accepted file fields and the byte limit of each. */
  readonly fileLimits: Readonly<Record<string, number>>;
}

/** Text fields of an upload are ids and flags: small and few. */
const FIELD_LIMITS = { fields: 10, fieldSize: 1024, fieldNameSize: 100, headerPairs: 100 };

/**
 * Makes the routes of `app` (an encapsulated plugin) accept multipart uploads: each file field
 * streams to its own temporary file under a per-request folder, within its limit (413 beyond),
 * and reaches the handler as an {@link UploadedFile} in `request.body`, next to the text fields,
 * so one zod schema validates and documents the whole form. The folder is removed once the
 * response is sent, whatever the outcome, or when the client goes away.
 */
export async function acceptUploads(app: FastifyInstance, options: UploadOptions): Promise<void> {
  const folders = new WeakMap<FastifyRequest, string>();
  const largest = Math.max(...Object.values(options.fileLimits));
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    // One byte over the largest limit, so the per-field check (with its 413) sees every overflow.
    limits: { ...FIELD_LIMITS, files: Object.keys(options.fileLimits).length, fileSize: largest + 1 },
    async onFile(part: MultipartFile) {
      const folder = await folderOf(this, folders, options.tempDir);
      part.value = await saveUpload(part, folder, options.fileLimits);
    },
  });
  const cleanUp = async (request: FastifyRequest) => {
    const folder = folders.get(request);
    folders.delete(request);
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  };
  app.addHook('onSend', async (request, reply, payload) => {
    await cleanUp(request);
    // A refused upload leaves the rest of its body unread: closing the connection after the
    // answer stops the client sending gigabytes nobody reads, and frees the socket.
    if (!request.raw.complete) void reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onResponse', cleanUp);
  app.addHook('onRequestAbort', cleanUp);
}

async function folderOf(request: FastifyRequest, folders: WeakMap<FastifyRequest, string>, tempDir: string): Promise<string> {
  let folder = folders.get(request);
  if (folder === undefined) {
    await mkdir(tempDir, { recursive: true });
    folder = await mkdtemp(path.join(tempDir, 'upload-'));
    folders.set(request, folder);
  }
  return folder;
}

async function saveUpload(part: MultipartFile, folder: string, fileLimits: UploadOptions['fileLimits']): Promise<UploadedFile> {
  const limit = fileLimits[part.fieldname];
  if (limit === undefined) {
    part.file.resume();
    throw new ApiError('bad_request', `unexpected file field "${part.fieldname}"; expected ${Object.keys(fileLimits).join(' or ')}`, {
      code: 'upload.unexpected_file',
    });
  }
  const destination = path.join(folder, `${part.fieldname}-${randomUUID()}`);
  const size = await saveFilePart(part.file, destination, part.fieldname, limit);
  // Busboy cuts a file at the plugin's fileSize; the per-field limit is lower, but be sure.
  if (part.file.truncated) throw tooLarge(part.fieldname, limit);
  return new UploadedFile(destination, size);
}
