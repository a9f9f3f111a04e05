/**
 * A configuration that cannot be used. `problems` holds one line per bad setting, each naming
 * the flag or environment variable it came from, e.g. `--port: must be a whole number 0-65535`.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}
