import type { z } from 'zod';
import type { MultipartBody } from './multipart-body.js';
import type { ClientContext } from './run-client-command.js';
import { uploadProgress } from './upload-progress.js';

/** POSTs `body` to `path`, showing its progress on stderr as `label`, and parses the answer. */
export async function uploadWithProgress<S extends z.ZodType>(
  context: ClientContext,
  path: string,
  body: MultipartBody,
  label: string,
  schema: S,
): Promise<z.output<S>> {
  const progress = uploadProgress(context.io, context.environment, label, body.length);
  try {
    const answer = await context.client.upload(path, body, schema, (sent) => progress.update(sent));
    progress.finish();
    return answer;
  } catch (error) {
    progress.abandon();
    throw error;
  }
}
