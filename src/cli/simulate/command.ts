import { Command } from 'commander';
import type { CliIo } from '../io.js';
import { parseCount, parseRatio, parseSeconds } from './options.js';
import { runSimulation, type SimulateOptions } from './run-simulation.js';

/**
 * `provisio simulate`: a fleet of virtual iPhones against a Provisio server. Exit 0 when every
 * device enrolled and no request failed, 1 otherwise, 2 on usage errors.
 */
export function simulateCommand(io: CliIo, setExitCode: (code: number) => void, isTerminal = process.stderr.isTTY): Command {
  return new Command('simulate')
    .description('Enroll virtual iPhones against a server and answer its MDM commands like iOS does')
    .requiredOption('--server <url>', 'the server, e.g. http://127.0.0.1:8080')
    .requiredOption('--token <token>', 'API token of an admin of the organization group')
    .requiredOption('--og <id>', 'organization group id the devices enroll into')
    .option('--devices <n>', 'how many devices', parseCount(1_000_000), 10)
    .option('--concurrency <n>', 'devices talking to the server at once', parseCount(10_000), 50)
    .option('--locked-ratio <r>', 'share of connections during which a device is locked (0 to 1)', parseRatio, 0)
    .option('--duration <seconds>', 'keep waking devices this long; 0 = one pass, then retry NotNow', parseSeconds, 0)
    .option('--interval <seconds>', 'pause between passes over the fleet', parseSeconds, 1)
    .option('--supervised', 'devices are supervised: app installs need no user consent', false)
    .option('--no-download', 'do not download the .ipa behind an app manifest')
    .option('--collect-notices', "run the Provisio agent: after each connection, fetch and show the user's notices", false)
    .option('--json', 'print the figures as one JSON line', false)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .action(async (flags: SimulateOptions) => {
      try {
        const { clean } = await runSimulation(flags, io, isTerminal);
        setExitCode(clean ? 0 : 1);
      } catch (error) {
        io.stderr(`simulate: ${error instanceof Error ? error.message : String(error)}\n`);
        setExitCode(1);
      }
    });
}
