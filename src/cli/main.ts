import { Command, CommanderError } from 'commander';

/** Builds the `provisio` command tree. Each subcommand lives in its own file. */
export function buildProgram(): Command {
  const program = new Command('provisio')
    .description('Keeps in-house iOS apps alive: inspect, track and renew provisioning profiles.')
    .exitOverride();
  return program;
}

/** Runs the CLI with the given arguments and resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
}
