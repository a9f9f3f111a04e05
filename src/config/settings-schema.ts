import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseDatabaseUrl } from '../store/database-url.js';
import { parseByteSize } from './byte-size.js';
import { parseMailbox, parseSmtpUrl, parseTimeOfDay, parseTimeZone } from './schedule-and-mail.js';
import {
  DEFAULT_DATA_DIR,
  DEFAULT_EXPIRY_SCAN_TIME,
  DEFAULT_EXPIRY_TIME_ZONE,
  DEFAULT_IPA_LIMIT_BYTES,
  DEFAULT_PORT,
  DEFAULT_MDM_TOPIC,
  DEFAULT_PROFILE_LIMIT_BYTES,
  DEFAULT_PUSH_SWEEP_SECONDS,
  DEFAULT_QUEUE_RETENTION_DAYS,
  LOG_LEVELS,
} from './server-config.js';

const MIN_ADMIN_PASSWORD_LENGTH = 8;
const PEM_CERTIFICATE = '-----BEGIN CERTIFICATE-----';

/** A string setting read by `parse`, which answers `undefined` for a bad value. */
function parsedText<T>(parse: (text: string) => T | undefined, message: string) {
  return z.string().transform((text, ctx) => {
    const value = parse(text);
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return value;
  });
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

function parseBoolean(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  return FALSE_WORDS.has(word) ? false : undefined;
}

/** A switch: `true` from a command-line flag, or a yes/no word from the environment. */
function switchSetting() {
  return z
    .union([z.boolean(), z.string()])
    .transform((given, ctx) => {
      const value = typeof given === 'boolean' ? given : parseBoolean(given);
      if (value !== undefined) return value;
      ctx.addIssue({ code: 'custom', message: 'must be true or false (also 1/0, yes/no, on/off)' });
      return z.NEVER;
    })
    .default(false);
}

function parsePort(text: string): number | undefined {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  return port <= 65_535 ? port : undefined;
}

/** Keeps a database URL, with a relative SQLite file made absolute against `cwd`. */
function normalizeDatabaseUrl(text: string, cwd: string): string | undefined {
  try {
    const target = parseDatabaseUrl(text);
    if (target.dialect === 'postgres' || target.file === ':memory:') return text;
    return `sqlite:${resolve(cwd, target.file)}`;
  } catch {
    return undefined;
  }
}

function parseCount(text: string): number | undefined {
  return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

function parseBaseUrl(text: string): string | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  const usable = (url.protocol === 'http:' || url.protocol === 'https:') && url.search === '' && url.hash === '';
  return usable ? url.href.replace(/\/+$/, '') : undefined;
}

function readPemFile(path: string, ctx: z.RefinementCtx): string {
  try {
    const pem = readFileSync(path, 'utf8');
    if (pem.includes(PEM_CERTIFICATE)) return pem;
    ctx.addIssue({ code: 'custom', message: `${path} holds no PEM certificate` });
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `cannot read ${path}: ${(error as Error).message}` });
  }
  return z.NEVER;
}

/**
 * The settings as given (strings, or `true` for a bare flag) to their typed values. Defaults
 * that depend on another setting (database file, public URL) are filled in afterwards.
 */
export function settingsSchema(cwd: string) {
  const sizeMessage = 'must be a size such as 4G, 512M or a number of bytes';
  return z.object({
    host: z.string().min(1, 'must not be empty').default('0.0.0.0'),
    port: parsedText(parsePort, 'must be a whole number from 0 to 65535').default(DEFAULT_PORT),
    dataDir: z
      .string()
      .default(DEFAULT_DATA_DIR)
      .transform((dir) => resolve(cwd, dir)),
    database: parsedText(
      (text) => normalizeDatabaseUrl(text, cwd),
      'must start with postgres://, postgresql:// or sqlite: (e.g. sqlite:data/provisio.db)',
    ).optional(),
    publicUrl: parsedText(parseBaseUrl, 'must be an http:// or https:// URL without query or fragment').optional(),
    maxIpaSize: parsedText(parseByteSize, sizeMessage).default(DEFAULT_IPA_LIMIT_BYTES),
    maxProfileSize: parsedText(parseByteSize, sizeMessage).default(DEFAULT_PROFILE_LIMIT_BYTES),
    trustAnchors: z
      .string()
      .transform((path, ctx) => readPemFile(resolve(cwd, path), ctx))
      .optional(),
    allowUntrustedProfiles: switchSetting(),
    trustProxy: switchSetting(),
    logLevel: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    mdmTopic: z
      .string()
      .regex(/^com\.apple\.mgmt\.[\x21-\x7e]+$/, 'must start with com.apple.mgmt.')
      .default(DEFAULT_MDM_TOPIC),
    apnsUrl: parsedText(parseBaseUrl, 'must be an https:// URL').optional(),
    pushCertificate: z.string().transform((path) => resolve(cwd, path)).optional(),
    pushKey: z.string().transform((path) => resolve(cwd, path)).optional(),
    clientCertHeader: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,100}$/, 'must be a header name')
      .transform((name) => name.toLowerCase())
      .optional(),
    queueRetentionDays: parsedText(parseCount, 'must be a whole number of days').default(DEFAULT_QUEUE_RETENTION_DAYS),
    pushSweepSeconds: parsedText(parseCount, 'must be a whole number of seconds').default(DEFAULT_PUSH_SWEEP_SECONDS),
    expiryScanTime: parsedText(parseTimeOfDay, 'must be a time HH:MM from 00:00 to 23:59').default(DEFAULT_EXPIRY_SCAN_TIME),
    expiryTimeZone: parsedText(parseTimeZone, 'must be an IANA time zone name such as Europe/Amsterdam or UTC').default(DEFAULT_EXPIRY_TIME_ZONE),
    smtpUrl: parsedText(parseSmtpUrl, 'must be an smtp:// or smtps:// URL with a host').optional(),
    alertFrom: parsedText(parseMailbox, 'must be an address such as alerts@example.com or Provisio <alerts@example.com>').optional(),
    adminPassword: z
      .string()
      .min(MIN_ADMIN_PASSWORD_LENGTH, `must be at least ${MIN_ADMIN_PASSWORD_LENGTH} characters`)
      .optional(),
  });
}

/** The settings after validation, before defaults that depend on each other. */
export type Settings = z.output<ReturnType<typeof settingsSchema>>;
/** The name of one setting, including those only read from the environment. */
export type SettingKey = keyof Settings;
