import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormatError } from '../../src/formats/errors.js';
import { buildApp } from '../../src/http/app.js';
import { domainError } from '../../src/http/errors.js';
import { FileBlobStore } from '../../src/io/blob-store.js';
import { createTestDatabase, type TestDatabase } from '../store/harness.js';
import { errorCode } from './fixtures.js';
import { testClock, testConfig } from './harness.js';

describe('error responses', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const logs: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const deps = { database: database.database, blobs: new FileBlobStore('/nonexistent'), clock: testClock() };
    app = await buildApp({ ...deps, config: testConfig('/nonexistent'), logDestination: { write: (line) => void logs.push(line) } });
    // Routes that fail the ways real handlers can, to see how each failure is answered.
    app.get('/test/crash', () => {
      throw new Error('password=hunter2 at db.internal:5432');
    });
    app.get('/test/format', () => {
      throw new FormatError('profile.not_signed', 'the profile carries no signature');
    });
    app.get('/test/domain', () => {
      throw domainError('unprocessable', 'profile.not_enterprise', 'an App Store profile cannot distribute in-house apps', {
        type: 'app-store',
      });
    });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it('answers unknown routes with 404 not_found', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(errorCode(response)).toBe('not_found');
  });

  it('answers unexpected failures with a bare 500, logging the cause', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/crash' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'internal', message: 'internal error', details: null } });
    expect(logs.join('')).toContain('request failed');
  });

  it('answers parser failures with 422 and the FormatError code', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/format' });
    expect(response.statusCode).toBe(422);
    expect(errorCode(response)).toBe('profile.not_signed');
  });

  it('answers domain rule violations with their code and details', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/domain' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ error: { code: 'profile.not_enterprise', details: { type: 'app-store' } } });
  });

  it('answers invalid JSON with 400 bad_request', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('bad_request');
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'username=admin',
    });
    expect(response.statusCode).toBe(415);
    expect(errorCode(response)).toBe('unsupported_media_type');
  });

  it('answers an oversized body with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(response.statusCode).toBe(413);
    expect(errorCode(response)).toBe('payload_too_large');
  });

  it('answers schema violations with 400 validation_failed listing the issues', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 7, extra: true } });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: { details: { in: string; issues: { path: string; message: string }[] } } }>();
    expect(errorCode(response)).toBe('validation_failed');
    expect(body.error.details.in).toBe('body');
    expect(body.error.details.issues.map((issue) => issue.path).sort()).toEqual(['/password', '/username']);
  });
});
