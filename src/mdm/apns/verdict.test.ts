import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict.js';

describe('verdictOf', () => {
  it('sorts APNs answers into delivered, token problems, retries and our own problems', () => {
    expect(verdictOf(200, undefined)).toBe('delivered');
    expect(verdictOf(410, 'Unregistered')).toBe('invalid_token');
    expect(verdictOf(410, 'ExpiredToken')).toBe('invalid_token');
    expect(verdictOf(400, 'BadDeviceToken')).toBe('invalid_token');
    expect(verdictOf(400, 'DeviceTokenNotForTopic')).toBe('invalid_token');
    expect(verdictOf(429, 'TooManyRequests')).toBe('retry');
    expect(verdictOf(500, 'InternalServerError')).toBe('retry');
    expect(verdictOf(503, 'ServiceUnavailable')).toBe('retry');
    expect(verdictOf(400, 'TopicDisallowed')).toBe('permanent');
    expect(verdictOf(400, 'BadTopic')).toBe('permanent');
    expect(verdictOf(403, 'BadCertificate')).toBe('permanent');
    expect(verdictOf(413, 'PayloadTooLarge')).toBe('permanent');
  });
});
