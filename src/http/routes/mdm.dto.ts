import { z } from 'zod';
import { idSchema } from '../schemas.js';

/** `/mdm/apps/:id/...` parameters. */
export const appDownloadParams = z.object({ id: idSchema });

/** The signature of a download link (see DownloadLinks). */
export const signedLinkQuery = z.object({
  expires: z.string().max(20).optional(),
  signature: z.string().max(100).optional(),
});
