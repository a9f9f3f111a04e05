import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { parseCount } from '../cli/simulate/options.js';
import { processIo, type CliIo } from '../cli/io.js';
import { closeOnSignals } from '../http/server.js';
import { readyBanner } from './banner.js';
import { DataDirRefused, freshDemoDataDir } from './data-dir.js';
import { startDemo, type DemoWorld } from './start-demo.js';

interface DemoFlags {
  readonly port: number;
  readonly devices: number;
  readonly dataDir: string;
}

const DEFAULT_PORT = 8080;
const DEFAULT_DEVICES = 100;
const DEFAULT_DATA_DIR = './data-demo';

/**
 * `npm run demo`: a server on a fresh embedded database filled with a demo world, until Ctrl-C.
 * Resolves to the exit status once the demo has stopped (2 on usage errors, 1 when it failed).
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let flags: DemoFlags;
  try {
    flags = demoCommand(io).parse([...argv], { from: 'user' }).opts<DemoFlags>();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const dataDir = resolve(flags.dataDir);
  try {
    freshDemoDataDir(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirRefused)) throw error;
    io.stderr(`demo: ${error.message}\n`);
    return 2;
  }
  const started = performance.now();
  let world: DemoWorld;
  try {
    world = await startDemo({
      dataDir,
      port: flags.port,
      devices: flags.devices,
      progress: (step) => io.stderr(`  ${step}…\n`),
      warn: (problem) => io.stderr(`demo: ${problem}\n`),
    });
  } catch (error) {
    io.stderr(`demo: could not start: ${describeStartFailure(error, flags.port)}\n`);
    return 1;
  }
  io.stdout(readyBanner(world, Math.round((performance.now() - started) / 1000)));
  return new Promise((done) => {
    closeOnSignals(world, {
      onClosed: (error) => {
        if (error) io.stderr(`demo: stopping failed: ${error instanceof Error ? error.message : 'unknown error'}\n`);
        else io.stdout('Provisio demo stopped.\n');
        done(error ? 1 : 0);
      },
    });
  });
}

function describeStartFailure(error: unknown, port: number): string {
  if (!(error instanceof Error)) return 'unknown error';
  const inUse = 'code' in error && error.code === 'EADDRINUSE';
  return inUse ? `port ${port} is taken (is Provisio already running?); try --port ${port + 1}` : error.message;
}

function demoCommand(io: CliIo): Command {
  return new Command('provisio-demo')
    .description('Start Provisio on a fresh database filled with a demo world and simulated iPhones')
    .option('--port <port>', 'port to listen on (localhost only)', parseCount(65_535), DEFAULT_PORT)
    .option('--devices <n>', 'how many simulated iPhones', parseCount(10_000), DEFAULT_DEVICES)
    .option('--data-dir <dir>', 'folder for the demo database, wiped at every start', DEFAULT_DATA_DIR)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
}
