import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { FileBlobStore } from '../../src/io/blob-store.js';
import { createTestDatabase, type TestDatabase } from '../store/harness.js';
import { createAdmin, createOg, TEST_PASSWORD } from './fixtures.js';
import { testClock, testConfig } from './harness.js';

describe('app setup', () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const config = testConfig('/nonexistent', { publicUrl: 'https://mdm.example.com', logLevel: 'silent' });
    app = await buildApp({ config, database: database.database, blobs: new FileBlobStore('/nonexistent'), clock: testClock() });
  });

  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it('refuses to register an API route that declares no permission', () => {
    expect(() => app.get('/api/v1/unguarded', () => 'open to all')).toThrow(/declares no permission/);
  });

  it('marks the session cookie Secure behind an https public URL', async () => {
    const admin = await createAdmin(database.database, (await createOg(database.database)).id, 'read-only');
    const payload = { username: admin.username, password: TEST_PASSWORD };
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers: { host: 'provisio.example.com' } });
    expect(response.statusCode).toBe(200);
    expect(response.cookies[0]).toMatchObject({ name: 'provisio_session', secure: true, httpOnly: true, sameSite: 'Strict' });
    // A browser on the server itself, over plain http (demo mode): a Secure cookie would be dropped by some.
    const local = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers: { host: '127.0.0.1:8080' } });
    expect(local.cookies[0]).toMatchObject({ name: 'provisio_session', httpOnly: true });
    expect(local.cookies[0]?.secure).toBeUndefined();
  });
});
