/**
 * Every setting of `provisio serve`, with the command-line flag and the environment variable
 * that set it. The serve command builds its commander options from this list, and config errors
 * name the flag or variable from it, so the two can never drift apart.
 */
export const SERVER_OPTIONS = [
  { key: 'host', flag: '--host <address>', env: 'PROVISIO_HOST', description: 'address to listen on (default 0.0.0.0)' },
  { key: 'port', flag: '--port <port>', env: 'PROVISIO_PORT', description: 'TCP port (default 8080)' },
  { key: 'dataDir', flag: '--data-dir <dir>', env: 'PROVISIO_DATA_DIR', description: 'data folder (default ./data)' },
  {
    key: 'database',
    flag: '--database <url>',
    env: 'DATABASE_URL',
    description: 'sqlite:<file> or postgres://… (default: SQLite file in the data folder)',
  },
  {
    key: 'publicUrl',
    flag: '--public-url <url>',
    env: 'PROVISIO_PUBLIC_URL',
    description: 'base URL devices and browsers reach this server at (default http://localhost:<port>)',
  },
  {
    key: 'maxIpaSize',
    flag: '--max-ipa-size <size>',
    env: 'PROVISIO_MAX_IPA_SIZE',
    description: 'largest accepted .ipa upload, e.g. 4G (default 4G)',
  },
  {
    key: 'maxProfileSize',
    flag: '--max-profile-size <size>',
    env: 'PROVISIO_MAX_PROFILE_SIZE',
    description: 'largest accepted .mobileprovision upload, e.g. 1M (default 1M)',
  },
  {
    key: 'trustAnchors',
    flag: '--trust-anchors <file>',
    env: 'PROVISIO_TRUST_ANCHORS',
    description: 'PEM file of extra root certificates trusted for profile signatures',
  },
  {
    key: 'allowUntrustedProfiles',
    flag: '--allow-untrusted-profiles',
    env: 'PROVISIO_ALLOW_UNTRUSTED_PROFILES',
    description: 'accept profiles whose signature does not chain to a trusted root (test labs only)',
  },
  {
    key: 'trustProxy',
    flag: '--trust-proxy',
    env: 'PROVISIO_TRUST_PROXY',
    description: 'take the client address from X-Forwarded-For (only behind a reverse proxy)',
  },
  {
    key: 'logLevel',
    flag: '--log-level <level>',
    env: 'PROVISIO_LOG_LEVEL',
    description: 'fatal, error, warn, info, debug, trace or silent (default info)',
  },
  { key: 'mdmTopic', flag: '--mdm-topic <topic>', env: 'PROVISIO_MDM_TOPIC', description: 'MDM push topic, com.apple.mgmt.…' },
  { key: 'apnsUrl', flag: '--apns-url <url>', env: 'PROVISIO_APNS_URL', description: 'APNs origin (default https://api.push.apple.com)' },
  { key: 'pushCertificate', flag: '--push-certificate <file>', env: 'PROVISIO_PUSH_CERTIFICATE', description: 'PEM file of the MDM push certificate' },
  { key: 'pushKey', flag: '--push-key <file>', env: 'PROVISIO_PUSH_KEY', description: "PEM file of the MDM push certificate's private key" },
  {
    key: 'clientCertHeader',
    flag: '--client-cert-header <name>',
    env: 'PROVISIO_CLIENT_CERT_HEADER',
    description: "header in which a TLS proxy forwards the device's client certificate",
  },
  {
    key: 'queueRetentionDays',
    flag: '--queue-retention-days <days>',
    env: 'PROVISIO_QUEUE_RETENTION_DAYS',
    description: 'days answered MDM commands are kept (default 30)',
  },
  {
    key: 'pushSweepSeconds',
    flag: '--push-sweep-seconds <seconds>',
    env: 'PROVISIO_PUSH_SWEEP_SECONDS',
    description: 'seconds between re-pushes of devices with waiting commands; 0 = off (default 300)',
  },
  {
    key: 'expiryScanTime',
    flag: '--expiry-scan-time <HH:MM>',
    env: 'PROVISIO_EXPIRY_SCAN_TIME',
    description: 'wall-clock time of the daily expiry scan (default 02:00)',
  },
  {
    key: 'expiryTimeZone',
    flag: '--expiry-time-zone <zone>',
    env: 'PROVISIO_EXPIRY_TIME_ZONE',
    description: 'IANA time zone of --expiry-scan-time, e.g. Europe/Amsterdam (default UTC)',
  },
  {
    key: 'smtpUrl',
    flag: '--smtp-url <url>',
    env: 'PROVISIO_SMTP_URL',
    description: 'smtp:// or smtps:// server for alert and device-user email, user:password@ included if needed',
  },
  {
    key: 'alertFrom',
    flag: '--alert-from <address>',
    env: 'PROVISIO_ALERT_FROM',
    description: 'From address of alert and device-user email (needed with --smtp-url)',
  },
] as const;

/** The name of one server setting. */
export type ServerOptionKey = (typeof SERVER_OPTIONS)[number]['key'];

/** Settings given on the command line, as commander parsed them (boolean flags are `true`). */
export type ServerFlags = Readonly<Partial<Record<ServerOptionKey, string | boolean | undefined>>>;

/** The process environment, or a test's stand-in for it. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Variables read only from the environment: secrets never belong on a command line. */
export const ADMIN_PASSWORD_ENV = 'PROVISIO_ADMIN_PASSWORD';
