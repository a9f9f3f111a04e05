import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CONSOLE_DIR = fileURLToPath(new URL('../../../console', import.meta.url));

/** vite's command-line entry (its package exports only the package.json, not the bin). */
function viteCli(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
}

/**
 * Builds the console from its current sources into console/dist, which the server serves, as
 * `npm run build` does: the browser tests then test this code, not an older build.
 */
export function buildConsole(): void {
  // vitest sets NODE_ENV=test, which would give React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(process.execPath, [viteCli(), 'build', CONSOLE_DIR, '--logLevel', 'warn'], { stdio: 'inherit', env });
}
