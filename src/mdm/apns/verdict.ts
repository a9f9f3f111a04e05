/** What to do after one APNs attempt. */
export type Verdict = 'delivered' | 'invalid_token' | 'retry' | 'permanent';

/** Reasons that condemn the token itself (Apple's "Handling notification responses from APNs"). */
const TOKEN_REASONS = new Set(['BadDeviceToken', 'Unregistered', 'ExpiredToken', 'DeviceTokenNotForTopic']);

/**
 * Classifies an APNs answer. Only token-specific reasons mark a token invalid: `TopicDisallowed`,
 * `BadTopic`, `BadCertificate…` and friends come from our own configuration, and treating them as
 * token problems would invalidate every device's token at once. Those are `permanent` failures.
 */
export function verdictOf(statusCode: number, reason: string | undefined): Verdict {
  if (statusCode === 200) return 'delivered';
  if (statusCode === 410 || (reason !== undefined && TOKEN_REASONS.has(reason))) return 'invalid_token';
  if (statusCode === 429 || statusCode >= 500) return 'retry';
  return 'permanent';
}
