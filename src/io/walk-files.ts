import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Expands paths into files: a file is taken as given (whatever its name), a directory is walked
 * recursively for names accepted by `include`. Results keep the argument order; each directory's
 * files come sorted so output is stable across machines.
 */
export async function expandPaths(
  paths: readonly string[],
  include: (name: string) => boolean,
): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (info.isDirectory()) files.push(...(await walk(path, include)));
    else files.push(path);
  }
  return files;
}

async function walk(directory: string, include: (name: string) => boolean): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path, include)));
    else if (entry.isFile() && include(entry.name)) files.push(path);
  }
  return files;
}
