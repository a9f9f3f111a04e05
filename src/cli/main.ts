import { Command, CommanderError } from 'commander';
import { appsCommand } from './apps/command.js';
import { backupCommand } from './backup/command.js';
import { expiringCommand } from './expiring/command.js';
import { inspectCommand } from './inspect/command.js';
import { ogsCommand } from './ogs/command.js';
import { profilesCommand } from './profiles/command.js';
import { rolloutsCommand } from './rollouts/command.js';
import { serveCommand } from './serve/command.js';
import { simulateCommand } from './simulate/command.js';
import { processIo, type CliIo } from './io.js';

/** Builds the `provisio` command tree. Each subcommand lives in its own folder. */
export function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('provisio')
    .description('Keeps in-house iOS apps alive: inspect, track and renew provisioning profiles.')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  for (const command of [serveCommand(io, setExitCode), inspectCommand(io, setExitCode), backupCommand(io, setExitCode)]) {
    program.addCommand(command.configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).exitOverride());
  }
  program.addCommand(appsCommand(io, setExitCode));
  program.addCommand(profilesCommand(io, setExitCode));
  program.addCommand(rolloutsCommand(io, setExitCode));
  program.addCommand(ogsCommand(io, setExitCode));
  program.addCommand(expiringCommand(io, setExitCode));
  program.addCommand(simulateCommand(io, setExitCode));
  return program;
}

/** Runs the CLI with the given arguments and resolves to the process exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
}
