import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Marks a folder as the demo's, so a later start may wipe it. */
const MARKER = '.provisio-demo';

/** The data folder is not the demo's to wipe. */
export class DataDirRefused extends Error {
  override readonly name = 'DataDirRefused';
}

/**
 * Gives the demo a fresh data folder: creates it, or wipes one an earlier demo made. A folder
 * with other content is refused rather than wiped: `--data-dir ./data` must never delete a real
 * server's database.
 */
export function freshDemoDataDir(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(join(dir, MARKER))) throw new DataDirRefused(`${dir} is not empty and was not made by the demo; choose another --data-dir`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MARKER), 'Made by `npm run demo`, which wipes this folder at every start.\n');
}
