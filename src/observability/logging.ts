import type { FastifyServerOptions } from 'fastify';
import type { LogLevel } from '../config/server-config.js';
import { REDACTED, REDACTED_LOG_PATHS } from './log-redaction.js';

/** Fastify's logger options (pino's, with Fastify's additions). */
export type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/** Where log lines go: stdout by default; tests pass a collector. */
export interface LogDestination {
  write(line: string): void;
}

export interface LogSettings {
  readonly level: LogLevel;
  readonly destination?: LogDestination;
}

/**
 * Options for Fastify's logger (pino): one JSON object per line, secrets redacted wherever
 * they appear under the names listed in log-redaction.ts.
 */
export function loggerOptions(settings: LogSettings): LoggerOptions {
  return {
    level: settings.level,
    redact: { paths: [...REDACTED_LOG_PATHS], censor: REDACTED },
    ...(settings.destination === undefined ? {} : { stream: settings.destination }),
  };
}
