import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Admin, AdminRole, OrgGroup } from '../../src/domain/model.js';
import { hashPassword } from '../../src/services/auth/password.js';
import { hashSecret, newApiToken } from '../../src/services/auth/secrets.js';
import type { Database } from '../../src/store/database.js';

/** The password of every admin the fixtures create. */
export const TEST_PASSWORD = 'test-password-1234';

// A cheap scrypt cost keeps fixtures fast; verification reads the cost from the hash.
let testPasswordHash: Promise<string> | undefined;
function passwordHash(): Promise<string> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD, { logN: 10, r: 8, p: 1 });
  return testPasswordHash;
}

/** A name no other test uses. */
export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** A client address no other test uses, so the login limiter of one test never slows another. */
export function uniqueAddress(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0] ?? 0}.${bytes[1] ?? 0}.${bytes[2] ?? 0}`;
}

export async function createOg(database: Database, parentId?: number, name = unique('og')): Promise<OrgGroup> {
  const { ogs } = database.repositories;
  const global = await ogs.rootScope();
  const og = await ogs.create(global, parentId ?? global.ogId, name);
  if (og === undefined) throw new Error(`OG ${parentId} does not exist`);
  return og;
}

export async function createAdmin(
  database: Database,
  homeOgId: number,
  role: AdminRole,
  username = unique('admin'),
): Promise<Admin> {
  const { ogs, admins } = database.repositories;
  const input = { username, passwordHash: await passwordHash(), role, homeOgId };
  const admin = await admins.create(await ogs.rootScope(), input);
  if (admin === undefined) throw new Error(`OG ${homeOgId} does not exist`);
  return admin;
}

/** How a test client authenticates: a session cookie with its CSRF token, a bearer token, or nothing. */
export interface Agent {
  readonly headers: Readonly<Record<string, string>>;
  readonly csrfToken?: string;
  readonly remoteAddress?: string;
}

export const anonymous: Agent = { headers: {} };

export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Agent> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((candidate) => candidate.name === 'provisio_session');
  const body = response.json<{ csrfToken: string }>();
  return { headers: { cookie: `provisio_session=${cookie?.value ?? ''}` }, csrfToken: body.csrfToken };
}

/** A new admin in `ogId` with `role`, logged in to the console. */
export async function adminAgent(app: FastifyInstance, database: Database, ogId: number, role: AdminRole) {
  const admin = await createAdmin(database, ogId, role);
  return { admin, agent: await login(app, admin.username) };
}

/** A bearer token for `ogId` with `role`, made directly in the store. */
export async function tokenAgent(database: Database, ogId: number, role: AdminRole) {
  const secret = newApiToken();
  const { ogs, tokens } = database.repositories;
  const token = await tokens.create(await ogs.rootScope(), { name: unique('token'), tokenHash: hashSecret(secret), ogId, role });
  if (token === undefined) throw new Error(`OG ${ogId} does not exist`);
  return { token, secret, agent: { headers: { authorization: `Bearer ${secret}` } } satisfies Agent };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Sends a request as `agent`, adding the CSRF header to unsafe requests when the agent has one. */
export function call(
  app: FastifyInstance,
  agent: Agent,
  method: Method,
  url: string,
  payload?: object,
): Promise<LightMyRequestResponse> {
  const csrf = method !== 'GET' && agent.csrfToken !== undefined ? { 'x-csrf-token': agent.csrfToken } : {};
  return app.inject({
    method,
    url,
    headers: { ...agent.headers, ...csrf },
    ...(payload === undefined ? {} : { payload }),
    ...(agent.remoteAddress === undefined ? {} : { remoteAddress: agent.remoteAddress }),
  });
}

/** The error code of an error response, after checking the body has the one error shape. */
export function errorCode(response: LightMyRequestResponse): string {
  const body = response.json<{ error: { code: string; message: string; details: unknown } }>();
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message']);
  expect(typeof body.error.message).toBe('string');
  return body.error.code;
}
