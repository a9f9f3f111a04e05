/**
 * MDM push over APNs: the {@link PushSender} interface services depend on, and the HTTP/2
 * client that implements it against Apple (or a local server in tests).
 */
export type { PushOutcome, PushSender, PushTarget } from './types.js';
export { APNS_PRODUCTION_ORIGIN, ApnsClient, type ApnsClientOptions } from './apns-client.js';
export { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retry-policy.js';
export { verdictOf, type Verdict } from './verdict.js';
