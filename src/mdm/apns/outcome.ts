import type { PushAttempt } from './send-push.js';
import type { PushOutcome, PushTarget } from './types.js';
import { verdictOf } from './verdict.js';

/**
 * What one attempt means for its target: a final outcome, or `null` to try again. Temporary
 * problems become a retryable failure once `attempts` reaches `maxAttempts`.
 */
export function outcomeOf(target: PushTarget, attempt: PushAttempt, attempts: number, maxAttempts: number): PushOutcome | null {
  const exhausted = attempts >= maxAttempts;
  if (attempt.kind === 'transport') {
    return exhausted ? { status: 'failed', target, reason: attempt.reason, statusCode: undefined, retryable: true, attempts } : null;
  }
  const { statusCode } = attempt;
  const reason = attempt.reason ?? `HTTP ${statusCode}`;
  switch (verdictOf(statusCode, attempt.reason)) {
    case 'delivered':
      return { status: 'delivered', target, apnsId: attempt.apnsId, attempts };
    case 'invalid_token': {
      const invalidSince = attempt.timestamp === undefined ? undefined : new Date(attempt.timestamp);
      return { status: 'invalid_token', target, reason, invalidSince, attempts };
    }
    case 'permanent':
      return { status: 'failed', target, reason, statusCode, retryable: false, attempts };
    case 'retry':
      return exhausted ? { status: 'failed', target, reason, statusCode, retryable: true, attempts } : null;
  }
}
