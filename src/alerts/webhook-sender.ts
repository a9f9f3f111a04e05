import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff.js';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature.js';

/** One attempt's outcome, for the delivery log. */
export interface DeliveryAttempt {
  readonly attempt: number;
  readonly outcome: 'delivered' | 'failed';
  readonly statusCode: number | undefined;
  readonly error: string | undefined;
  readonly at: Date;
}

export interface WebhookRequest {
  readonly url: string;
  readonly secret: string;
  readonly payload: unknown;
}

export interface WebhookSenderOptions {
  readonly policy?: RetryPolicy;
  readonly now?: () => Date;
  /** Per attempt. */
  readonly timeoutMs?: number;
  readonly onAttempt?: (attempt: DeliveryAttempt) => Promise<void>;
}

/** 2xx is delivered; 4xx other than 408/429 will never succeed by retrying. */
function retryable(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/**
 * Posts a signed JSON webhook, retrying failures with exponential backoff and jitter. Every
 * attempt is reported to `onAttempt` (the delivery log). Resolves with the attempts made.
 */
export async function sendWebhook(request: WebhookRequest, options: WebhookSenderOptions = {}): Promise<DeliveryAttempt[]> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const now = options.now ?? (() => new Date());
  const body = JSON.stringify(request.payload);
  const attempts: DeliveryAttempt[] = [];
  for (let attempt = 1; attempt <= policy.attempts; attempt += 1) {
    if (attempt > 1) await sleep(backoffDelay(policy, attempt - 1));
    const result = await postOnce(request, body, now(), options.timeoutMs ?? 10_000);
    const record = { attempt, ...result, at: now() };
    attempts.push(record);
    await options.onAttempt?.(record);
    if (result.outcome === 'delivered' || (result.statusCode !== undefined && !retryable(result.statusCode))) break;
  }
  return attempts;
}

async function postOnce(request: WebhookRequest, body: string, at: Date, timeoutMs: number) {
  const timestamp = Math.floor(at.getTime() / 1000);
  const headers = {
    'content-type': 'application/json',
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signWebhook(request.secret, timestamp, body),
  };
  try {
    const response = await fetch(request.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    await response.arrayBuffer();
    const ok = response.status >= 200 && response.status < 300;
    return { outcome: ok ? ('delivered' as const) : ('failed' as const), statusCode: response.status, error: ok ? undefined : `HTTP ${response.status}` };
  } catch (error) {
    return { outcome: 'failed' as const, statusCode: undefined, error: error instanceof Error ? error.message : String(error) };
  }
}
