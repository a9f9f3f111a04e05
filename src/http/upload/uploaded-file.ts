import { z } from 'zod';

/**
 * A file part of a multipart upload, already streamed to a temporary file. Only the upload
 * plugin makes these, so a text field posing as a file (a path sent as a string) never passes
 * {@link uploadedFileSchema}.
 */
export class UploadedFile {
  constructor(
    /** The temporary file; removed when the response has been sent. */
    readonly path: string,
    readonly size: number,
  ) {}
}

/** A file field of a multipart body: binary in the OpenAPI document, an {@link UploadedFile} in handlers. */
export function uploadedFileSchema(description: string) {
  return z
    .custom<UploadedFile>((value) => value instanceof UploadedFile, 'must be a file part')
    .meta({ type: 'string', format: 'binary', description });
}
