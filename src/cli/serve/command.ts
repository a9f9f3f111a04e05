import { Command } from 'commander';
import { ConfigError, loadServerConfig, SERVER_OPTIONS, type ServerFlags } from '../../config/index.js';
import { closeOnSignals, startServer } from '../../http/server.js';
import type { CliIo } from '../io.js';

/** `provisio serve`: the API and console, until SIGTERM or SIGINT. */
export function serveCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const command = new Command('serve').description('Run the Provisio server: API, console and MDM endpoints');
  for (const option of SERVER_OPTIONS) command.option(option.flag, `${option.description} [env ${option.env}]`);
  return command.action(async (flags: ServerFlags) => {
    let config;
    try {
      config = loadServerConfig(flags, process.env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr(`provisio serve: ${error.message}\n`);
      setExitCode(2);
      return;
    }
    const server = await startServer(config, { print: io.stdout });
    io.stdout(`Provisio is listening on ${server.url} (console and API); data in ${config.dataDir}\n`);
    closeOnSignals(server, { onClosed: (error) => setExitCode(error ? 1 : 0) });
  });
}
