export { ConfigError } from './errors.js';
export { loadServerConfig } from './load-server-config.js';
export { ADMIN_PASSWORD_ENV, SERVER_OPTIONS } from './options.js';
export type { Environment, ServerFlags, ServerOptionKey } from './options.js';
export { LOG_LEVELS } from './server-config.js';
export type { ExpiryScheduleSettings, LogLevel, ServerConfig, SmtpSettings, TrustSettings, UploadLimits } from './server-config.js';
