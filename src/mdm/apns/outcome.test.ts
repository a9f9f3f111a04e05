import { describe, expect, it } from 'vitest';
import { outcomeOf } from './outcome.js';
import type { PushAttempt } from './send-push.js';

const target = { token: 'ab'.repeat(32), pushMagic: 'M', topic: 'com.apple.mgmt.External.x' };

function answer(statusCode: number, reason?: string, timestamp?: number): PushAttempt {
  return { kind: 'answer', statusCode, apnsId: 'ID', reason, timestamp };
}

describe('outcomeOf', () => {
  it('ends on delivery, token problems and our own problems, whatever the attempt', () => {
    expect(outcomeOf(target, answer(200), 1, 3)).toEqual({ status: 'delivered', target, apnsId: 'ID', attempts: 1 });
    expect(outcomeOf(target, answer(410, 'Unregistered', 1_767_225_600_000), 2, 3)).toEqual({
      status: 'invalid_token',
      target,
      reason: 'Unregistered',
      invalidSince: new Date(1_767_225_600_000),
      attempts: 2,
    });
    expect(outcomeOf(target, answer(413), 1, 3)).toMatchObject({ status: 'failed', reason: 'HTTP 413', retryable: false });
  });

  it('asks for another attempt on temporary problems until the attempts run out', () => {
    const transport: PushAttempt = { kind: 'transport', reason: 'stream closed with code 2' };
    expect(outcomeOf(target, answer(429, 'TooManyRequests'), 2, 3)).toBeNull();
    expect(outcomeOf(target, transport, 2, 3)).toBeNull();
    expect(outcomeOf(target, answer(429, 'TooManyRequests'), 3, 3)).toMatchObject({
      status: 'failed',
      reason: 'TooManyRequests',
      statusCode: 429,
      retryable: true,
    });
    expect(outcomeOf(target, transport, 3, 3)).toMatchObject({ status: 'failed', statusCode: undefined, retryable: true, attempts: 3 });
  });
});
