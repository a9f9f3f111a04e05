import { join } from 'node:path';
import type { z } from 'zod';
import { ConfigError } from './errors.js';
import { ADMIN_PASSWORD_ENV, SERVER_OPTIONS, type Environment, type ServerFlags, type ServerOptionKey } from './options.js';
import type { ServerConfig } from './server-config.js';
import { SQLITE_FILE_NAME } from './server-config.js';
import { settingsSchema, type SettingKey, type Settings } from './settings-schema.js';

type RawValue = string | boolean;

/** What was given for each setting, and the flag or variable it came from. */
interface GivenSettings {
  readonly values: Partial<Record<SettingKey, RawValue>>;
  readonly sources: Partial<Record<SettingKey, string>>;
}

/**
 * Reads the settings of `provisio serve`: a command-line flag wins over its environment variable,
 * which wins over the default. Relative paths are resolved against `cwd`. Throws `ConfigError`
 * naming every bad flag or variable at once; the result is deeply frozen.
 */
export function loadServerConfig(flags: ServerFlags, env: Environment, cwd: string = process.cwd()): ServerConfig {
  const given = gatherSettings(flags, env);
  const result = settingsSchema(cwd).safeParse(given.values);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => describeIssue(issue, given.sources)));
  }
  const settings = result.data;
  if (settings.smtpUrl !== undefined && settings.alertFrom === undefined) {
    throw new ConfigError([`${flagOf('alertFrom')}: is needed with ${given.sources.smtpUrl ?? flagOf('smtpUrl')}, as the From address of email`]);
  }
  return deepFreeze(toServerConfig(settings));
}

function flagOf(key: ServerOptionKey): string {
  return flagName(SERVER_OPTIONS.find((option) => option.key === key)?.flag ?? key);
}

function gatherSettings(flags: ServerFlags, env: Environment): GivenSettings {
  const values: Partial<Record<SettingKey, RawValue>> = {};
  const sources: Partial<Record<SettingKey, string>> = {};
  const take = (key: SettingKey, value: RawValue | undefined, source: string): void => {
    if (value === undefined || value === '' || values[key] !== undefined) return;
    values[key] = value;
    sources[key] = source;
  };
  for (const option of SERVER_OPTIONS) {
    take(option.key, flags[option.key], flagName(option.flag));
    take(option.key, env[option.env], option.env);
  }
  take('adminPassword', env[ADMIN_PASSWORD_ENV], ADMIN_PASSWORD_ENV);
  return { values, sources };
}

/** `--port <port>` → `--port`. */
function flagName(flag: string): string {
  return flag.split(' ')[0] ?? flag;
}

function describeIssue(issue: z.core.$ZodIssue, sources: GivenSettings['sources']): string {
  const key = issue.path[0];
  const source = typeof key === 'string' ? (sources[key as SettingKey] ?? key) : 'configuration';
  return `${source}: ${issue.message}`;
}

function toServerConfig(settings: Settings): ServerConfig {
  return {
    host: settings.host,
    port: settings.port,
    dataDir: settings.dataDir,
    databaseUrl: settings.database ?? `sqlite:${join(settings.dataDir, SQLITE_FILE_NAME)}`,
    publicBaseUrl: settings.publicUrl ?? `http://localhost:${settings.port}`,
    adminPassword: settings.adminPassword,
    uploadLimits: { ipaBytes: settings.maxIpaSize, profileBytes: settings.maxProfileSize },
    trust: { extraAnchorsPem: settings.trustAnchors, allowUntrustedProfiles: settings.allowUntrustedProfiles },
    trustProxy: settings.trustProxy,
    logLevel: settings.logLevel,
    mdm: {
      topic: settings.mdmTopic,
      apnsOrigin: settings.apnsUrl,
      pushCertificateFile: settings.pushCertificate,
      pushKeyFile: settings.pushKey,
      clientCertificateHeader: settings.clientCertHeader,
      queueRetentionDays: settings.queueRetentionDays,
      pushSweepSeconds: settings.pushSweepSeconds,
    },
    expiry: { scanTime: settings.expiryScanTime, timeZone: settings.expiryTimeZone },
    smtp: settings.smtpUrl === undefined || settings.alertFrom === undefined ? undefined : { url: settings.smtpUrl, from: settings.alertFrom },
  };
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) deepFreeze(child as object);
  }
  return Object.freeze(value);
}
