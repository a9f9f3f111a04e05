import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { ProfileType } from '../../src/formats/profile/index.js';
import type { Database } from '../../src/store/database.js';
import { buildIpa, developerSigner, type CodeSigner, type IpaExtensionSpec } from '../../src/testkit/ipa/index.js';
import type { Validity } from '../../src/testkit/pki/index.js';
import { buildProfile, type ProfileSigner } from '../../src/testkit/profile/index.js';
import type { Agent } from '../http/fixtures.js';
import { multipartForm, type FormFile } from './multipart.js';

const DAY_MS = 86_400_000;

/** The team of most fixtures; a valid Apple team id (ten capitals and digits). */
export const TEAM = 'ACMETEAM01';
export const OTHER_TEAM = 'OTHERTEAM9';

export function daysFromNow(days: number): Date {
  return new Date(Date.now() + days * DAY_MS);
}

/** A bundle id no other test uses. */
export function uniqueBundleId(prefix = 'com.acme'): string {
  return `${prefix}.app${randomBytes(4).toString('hex')}`;
}

/** A distribution certificate of `team` with its key, valid from a year ago for two more years. */
export function codeSigner(team = TEAM, validity: Validity = { notBefore: daysFromNow(-365), notAfter: daysFromNow(730) }): CodeSigner {
  return developerSigner(team, validity);
}

export interface ProfileFixture {
  readonly bytes: Uint8Array;
  readonly uuid: string;
  readonly name: string;
}

export interface ProfileOptions {
  readonly bundleId: string;
  /** Whose certificate the profile carries, unless `certificates` says otherwise. */
  readonly signer?: CodeSigner;
  readonly certificates?: readonly Uint8Array[];
  readonly type?: ProfileType;
  readonly teamId?: string;
  readonly name?: string;
  readonly uuid?: string;
  readonly expirationDate?: Date;
  /** Who signs the profile itself; the test PKI's profile signer by default. */
  readonly profileSigner?: ProfileSigner;
}

/** A signed profile, created ten days ago and expiring in 300 days unless told otherwise. */
export function profileFor(options: ProfileOptions): ProfileFixture {
  const uuid = options.uuid ?? randomUUID().toUpperCase();
  const name = options.name ?? `Profile ${options.bundleId}`;
  const bytes = buildProfile({
    type: options.type ?? 'enterprise',
    bundleId: options.bundleId,
    teamId: options.teamId ?? TEAM,
    name,
    uuid,
    creationDate: daysFromNow(-10),
    expirationDate: options.expirationDate ?? daysFromNow(300),
    developerCertificates: options.certificates ?? [(options.signer ?? codeSigner()).certificate],
    signer: options.profileSigner,
  });
  return { bytes, uuid, name };
}

export interface AppOptions {
  readonly bundleId?: string;
  readonly displayName?: string;
  readonly shortVersion?: string;
  readonly version?: string;
  /** `null` builds an app without embedded profile. */
  readonly profile?: ProfileFixture | null;
  readonly signer?: CodeSigner | null;
  readonly extensions?: readonly IpaExtensionSpec[];
}

/** An app fixture: the .ipa bytes, and what went into it. */
export interface AppFixture {
  readonly bundleId: string;
  readonly ipa: Uint8Array;
  readonly signer: CodeSigner | null;
  readonly profile: ProfileFixture | null;
}

/** An in-house app signed by a fresh certificate of TEAM, embedding an enterprise profile that fits, unless told otherwise. */
export async function appFixture(options: AppOptions = {}): Promise<AppFixture> {
  const bundleId = options.bundleId ?? uniqueBundleId();
  const signer = options.signer === undefined ? codeSigner() : options.signer;
  const profile = options.profile === undefined ? profileFor({ bundleId, signer: signer ?? codeSigner() }) : options.profile;
  const ipa = await buildIpa({
    bundleId,
    displayName: options.displayName ?? `App ${bundleId}`,
    shortVersion: options.shortVersion ?? '1.0',
    version: options.version ?? '1',
    profile: profile?.bytes ?? null,
    signer,
    extensions: options.extensions,
  });
  return { bundleId, ipa, signer, profile };
}

/** Sends a multipart form as `agent`, with the CSRF header a console session needs. */
export function postForm(app: FastifyInstance, agent: Agent, url: string, fields: Record<string, string>, files: readonly FormFile[]) {
  const form = multipartForm(fields, files);
  const csrf = agent.csrfToken === undefined ? {} : { 'x-csrf-token': agent.csrfToken };
  const headers = { ...agent.headers, ...csrf, 'content-type': form.contentType };
  return app.inject({ method: 'POST', url, payload: form.payload, headers });
}

export interface AppUpload {
  readonly og: number;
  readonly ipa: Uint8Array;
  readonly profile?: Uint8Array;
  readonly limitedDevices?: boolean;
}

/** `POST /api/v1/apps` as a client would send it. */
export function uploadApp(app: FastifyInstance, agent: Agent, upload: AppUpload): Promise<LightMyRequestResponse> {
  const fields: Record<string, string> = { og: String(upload.og) };
  if (upload.limitedDevices !== undefined) fields.limitedDevices = String(upload.limitedDevices);
  const files: FormFile[] = [{ name: 'ipa', fileName: 'App.ipa', content: upload.ipa }];
  if (upload.profile !== undefined) files.push({ name: 'profile', fileName: 'App.mobileprovision', content: upload.profile });
  return postForm(app, agent, '/api/v1/apps', fields, files);
}

/** `POST /api/v1/profiles` as a client would send it. */
export function uploadProfile(app: FastifyInstance, agent: Agent, og: number, profile: Uint8Array): Promise<LightMyRequestResponse> {
  const file = { name: 'profile', fileName: 'Some.mobileprovision', content: profile };
  return postForm(app, agent, '/api/v1/profiles', { og: String(og) }, [file]);
}

/** How many catalog rows (and audit entries) belong to an OG: all zero after a refused upload. */
export async function catalogRows(database: Database, ogId: number): Promise<Record<string, number>> {
  const count = async (query: ReturnType<typeof sql<{ n: number | string }>>) => Number((await query.execute(database.kysely)).rows[0]?.n);
  return {
    apps: await count(sql`select count(*) as n from apps where og_id = ${ogId}`),
    appVersions: await count(sql`select count(*) as n from app_versions v join apps a on a.id = v.app_id where a.og_id = ${ogId}`),
    bundles: await count(sql`select count(*) as n from app_version_profiles b
      join app_versions v on v.id = b.app_version_id join apps a on a.id = v.app_id where a.og_id = ${ogId}`),
    profiles: await count(sql`select count(*) as n from profiles where og_id = ${ogId}`),
    certificates: await count(sql`select count(*) as n from certificates where og_id = ${ogId}`),
    // Logins are audited in the admin's home OG too; only the catalog's own entries count here.
    auditEntries: await count(sql`select count(*) as n from audit_log where og_id = ${ogId} and action not like 'auth.%'`),
  };
}

export const NOTHING_STORED = { apps: 0, appVersions: 0, bundles: 0, profiles: 0, certificates: 0, auditEntries: 0 };
