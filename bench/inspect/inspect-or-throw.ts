import type { TrustAnchors } from '../../src/formats/cms/index.js';
import { inspectFile, type InspectedFile } from '../../src/services/inspect.service.js';

/**
 * What `provisio inspect` does for each file (open, inspect, close), failing loudly: a bench
 * that timed a fast error would report nonsense.
 */
export async function inspectOrThrow(path: string, trust: TrustAnchors): Promise<InspectedFile> {
  const result = await inspectFile(path, trust);
  if (result.kind === 'error') throw new Error(`${path}: ${result.error.code}: ${result.error.message}`);
  return result;
}
