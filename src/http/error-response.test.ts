import { describe, expect, it } from 'vitest';
import { FormatError } from '../formats/errors.js';
import { BlobStoreError } from '../io/blob-store.js';
import { StoreError } from '../store/errors.js';
import { toErrorReply } from './error-response.js';
import { ApiError, domainError, notFound } from './errors.js';

function withStatus(message: string, statusCode: number): Error {
  return Object.assign(new Error(message), { statusCode });
}

describe('toErrorReply', () => {
  it('answers an ApiError with its status, code, details and headers', () => {
    const error = new ApiError('rate_limited', 'slow down', { details: { retry: true }, headers: { 'retry-after': '5' } });
    expect(toErrorReply(error)).toEqual({
      status: 429,
      body: { error: { code: 'rate_limited', message: 'slow down', details: { retry: true } } },
      headers: { 'retry-after': '5' },
      unexpected: false,
    });
  });

  it('shows a domain code in place of the kind', () => {
    const reply = toErrorReply(domainError('unprocessable', 'profile.not_enterprise', 'not an in-house profile'));
    expect(reply.status).toBe(422);
    expect(reply.body.error).toEqual({ code: 'profile.not_enterprise', message: 'not an in-house profile', details: null });
    expect(toErrorReply(notFound('admin')).body.error.message).toBe('admin not found');
  });

  it('answers a FormatError with 422 and its code', () => {
    const reply = toErrorReply(new FormatError('plist.cycle', 'the plist refers to itself'));
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe('plist.cycle');
  });

  it.each([
    ['store.og_not_empty', 409, 'og.not_empty'],
    ['store.og_cycle', 409, 'og.cycle'],
    ['store.og_root', 409, 'og.root'],
    ['store.duplicate', 409, 'conflict'],
    ['store.bad_cursor', 400, 'pagination.bad_cursor'],
    ['store.profile_in_use', 409, 'profile.in_use'],
    ['store.missing_reference', 404, 'not_found'],
  ] as const)('maps %s to %i %s', (code, status, apiCode) => {
    const reply = toErrorReply(new StoreError(code, 'store detail'));
    expect([reply.status, reply.body.error.code, reply.unexpected]).toEqual([status, apiCode, false]);
  });

  it('maps an oversized blob to 413', () => {
    expect(toErrorReply(new BlobStoreError('blob.too_large', 'too big')).status).toBe(413);
  });

  it('keeps Fastify’s client errors and their message', () => {
    expect(toErrorReply(withStatus('Unsupported Media Type', 415)).body.error).toMatchObject({ code: 'unsupported_media_type' });
    expect(toErrorReply(withStatus('Body is not valid JSON', 400)).body.error).toMatchObject({
      code: 'bad_request',
      message: 'Body is not valid JSON',
    });
    expect(toErrorReply(withStatus('Request body is too large', 413)).body.error.code).toBe('payload_too_large');
  });

  it.each([
    ['a plain Error', new Error('connection string postgres://secret@db')],
    ['a server-side status', withStatus('upstream secret', 503)],
    ['an internal store error', new StoreError('store.migration_failed', 'migration 0002 failed')],
    ['a thrown string', 'boom'],
  ])('answers %s with a bare 500 that leaks nothing', (_name, error) => {
    const reply = toErrorReply(error);
    expect(reply).toMatchObject({ status: 500, unexpected: true });
    expect(reply.body).toEqual({ error: { code: 'internal', message: 'internal error', details: null } });
  });
});
