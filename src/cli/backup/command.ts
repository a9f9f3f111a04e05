import { Command } from 'commander';
import { ConfigError, loadServerConfig } from '../../config/index.js';
import { backupEmbeddedDatabase } from '../../store/backup.js';
import { StoreError } from '../../store/errors.js';
import type { CliIo } from '../io.js';

interface BackupFlags {
  readonly dataDir?: string;
  readonly database?: string;
}

/** `provisio backup FILE`: a consistent copy of the embedded database, safe while the server runs. */
export function backupCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('backup')
    .description('Copy the embedded (SQLite) database to FILE while the server keeps running')
    .argument('<file>', 'where to write the copy')
    .option('--data-dir <dir>', 'data folder of the server [env PROVISIO_DATA_DIR]')
    .option('--database <url>', 'sqlite:<file> URL, when not the default one in the data folder [env DATABASE_URL]')
    .action(async (file: string, flags: BackupFlags) => {
      try {
        const config = loadServerConfig(flags, process.env);
        const result = await backupEmbeddedDatabase(config.databaseUrl, file);
        io.stdout(`backed up ${result.pages} pages to ${result.file}\n`);
      } catch (error) {
        if (!(error instanceof ConfigError || error instanceof StoreError)) throw error;
        io.stderr(`provisio backup: ${error.message}\n`);
        setExitCode(1);
      }
    });
}
