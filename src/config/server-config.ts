/** Log levels Fastify's logger (pino) understands. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Size limits applied while an upload streams in, before anything is stored. */
export interface UploadLimits {
  readonly ipaBytes: number;
  readonly profileBytes: number;
}

/** How profile signatures are judged. */
export interface TrustSettings {
  /** PEM text of extra root certificates, read from `--trust-anchors`. */
  readonly extraAnchorsPem: string | undefined;
  /** Accept `untrusted` signatures (never `tampered` ones); for test labs only. */
  readonly allowUntrustedProfiles: boolean;
}

/** How Provisio acts as an MDM server. */
export interface MdmSettings {
  /** The MDM push certificate's topic (`com.apple.mgmt.…`), written into enrollment profiles. */
  readonly topic: string;
  /** APNs origin; Apple's production one unless set (tests point it at a local server). */
  readonly apnsOrigin: string | undefined;
  /** PEM files of the MDM push certificate and its key; without them nothing is pushed. */
  readonly pushCertificateFile: string | undefined;
  readonly pushKeyFile: string | undefined;
  /** Header (lower case) a TLS-terminating proxy forwards the device's client certificate in. */
  readonly clientCertificateHeader: string | undefined;
  /** Answered commands are pruned from the queue after this many days. */
  readonly queueRetentionDays: number;
  /** Seconds between sweeps re-pushing devices with waiting commands; 0 turns the sweep off. */
  readonly pushSweepSeconds: number;
}

/** When the daily expiry scan runs (it also runs at start and on demand). */
export interface ExpiryScheduleSettings {
  /** Wall-clock `HH:MM` in `timeZone`. */
  readonly scanTime: string;
  /** An IANA time zone name, e.g. `Europe/Amsterdam`. */
  readonly timeZone: string;
}

/** The mail server for alert and device-user email. */
export interface SmtpSettings {
  /** `smtp://` or `smtps://`, possibly with credentials: never log it. */
  readonly url: string;
  /** The From address. */
  readonly from: string;
}

/** The validated, frozen settings of one `provisio serve` process. */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** Absolute path of the data folder (SQLite file, blobs). */
  readonly dataDir: string;
  /** `sqlite:<absolute file>` or a PostgreSQL URL; may hold a password, so never log it. */
  readonly databaseUrl: string;
  /** Where browsers and devices reach this server, without a trailing slash. */
  readonly publicBaseUrl: string;
  /** Password for the first admin; read from the environment only. */
  readonly adminPassword: string | undefined;
  readonly uploadLimits: UploadLimits;
  readonly trust: TrustSettings;
  /** Take client addresses from X-Forwarded-For (only behind a reverse proxy). */
  readonly trustProxy: boolean;
  readonly logLevel: LogLevel;
  readonly mdm: MdmSettings;
  readonly expiry: ExpiryScheduleSettings;
  /** Undefined when no SMTP server is configured: then no email goes out. */
  readonly smtp: SmtpSettings | undefined;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_DATA_DIR = './data';
export const SQLITE_FILE_NAME = 'provisio.db';
export const DEFAULT_IPA_LIMIT_BYTES = 4 * 1024 ** 3;
export const DEFAULT_PROFILE_LIMIT_BYTES = 1024 ** 2;
export const DEFAULT_MDM_TOPIC = 'com.apple.mgmt.provisio.unconfigured';
export const DEFAULT_QUEUE_RETENTION_DAYS = 30;
export const DEFAULT_PUSH_SWEEP_SECONDS = 300;
export const DEFAULT_EXPIRY_SCAN_TIME = '02:00';
export const DEFAULT_EXPIRY_TIME_ZONE = 'UTC';
