import { describe, expect, it } from 'vitest';
import { appsCommand } from '../../src/cli/apps/command.js';
import type { ClientEnvironment } from '../../src/cli/client/client-environment.js';
import { bufferIo } from '../../src/cli/io.js';
import { writeBuild } from './builds.js';
import { runClient, useCliServer } from './harness.js';

const server = useCliServer({ maxIpaSize: '6M' });

/** ANSI "erase to end of line", which the bar sends before the final line. */
const CLEAR_LINE = '\u001b[K';

describe('large uploads', () => {
  it('draws a live progress bar on a terminal, then leaves the plain final line', async () => {
    const token = await server().createToken('app-admin');
    const build = await writeBuild(server().workDir, { filler: 5_000_000 });
    const io = bufferIo();
    let exitCode = -1;
    const environment: ClientEnvironment = {
      env: { PROVISIO_SERVER: server().url, PROVISIO_TOKEN: token },
      stderrIsTty: true,
      columns: 100,
      now: () => performance.now(),
    };
    const command = appsCommand(io, (code) => (exitCode = code), environment);

    await command.parseAsync(['upload', build.ipaPath, '--og', 'Global'], { from: 'user' });

    expect(exitCode).toBe(0);
    const redraws = io.err().split('\r').filter((part) => /\[[=> ]+\]/.test(part));
    expect(redraws.length).toBeGreaterThan(0);
    expect(redraws.at(-1)).toMatch(/ 100% {2}5\.0 MB \/ 5\.0 MB {2}[\d.]+ [kMG]?B\/s/);
    const finalLine = io.err().split('\r').at(-1) ?? '';
    expect(finalLine.startsWith(CLEAR_LINE)).toBe(true);
    expect(finalLine.slice(CLEAR_LINE.length)).toMatch(/^uploaded .*\.ipa: 5\.0 MB in [\d.]+ s \([\d.]+ [kMG]?B\/s\)\n$/);
    expect(io.err()).not.toContain(token);
  });

  it('explains a file the server refuses as too large', async () => {
    const token = await server().createToken('app-admin');
    const build = await writeBuild(server().workDir, { filler: 8_000_000 });
    const run = await runClient(server(), token, 'apps', 'upload', build.ipaPath, '--og', 'Global');
    // The server answers 413 while the body is still coming and closes the connection: whether
    // that answer reaches the client first depends on socket buffers, so both outcomes are valid.
    expect(run.err).toMatch(/\[payload_too_large\] \(HTTP 413\)|cut the upload off[^]*--max-ipa-size/);
    expect(run.code).toBe(1);
  });
});
