import type { Insertable, Selectable } from 'kysely';
import type { JsonObject, Profile, ProfileStatus, ProfileType, SignatureStatus } from '../domain/model.js';
import type { ProfileTable } from './schema.js';
import {
  fromFlag,
  fromMillis,
  orNull,
  orUndefined,
  parseJsonObject,
  parseStringArray,
  toFlag,
  toJson,
  toMillis,
} from './values.js';

/** A profile as parsed from an uploaded .mobileprovision, ready to store. */
export interface NewProfile {
  readonly ogId: number;
  readonly uuid: string;
  /** The signed file's bytes live in the blob store under this digest. */
  readonly blobSha256: string;
  readonly blobSize: number;
  readonly name: string;
  readonly appIdName: string;
  readonly applicationIdentifier: string;
  readonly bundleId: string;
  readonly wildcard: boolean;
  readonly teamId: string;
  readonly teamName: string;
  readonly type: ProfileType;
  readonly platforms: readonly string[];
  readonly creationDate: Date;
  readonly expirationDate: Date;
  readonly provisionedDevices: readonly string[];
  readonly entitlements: JsonObject;
  readonly signatureStatus: SignatureStatus;
  readonly uploadedAt: Date;
  readonly uploadedBy?: number;
  /** Stored certificates (see CertificateRepository.upsert) the profile carries. */
  readonly certificateIds: readonly number[];
}

export type ProfileRow = Selectable<ProfileTable>;

/** The row for a new profile, first of its lineage version and active. */
export function profileValues(input: NewProfile, lineageVersion: number): Insertable<ProfileTable> {
  return {
    og_id: input.ogId,
    uuid: input.uuid,
    blob_sha256: input.blobSha256.toLowerCase(),
    blob_size: input.blobSize,
    name: input.name,
    app_id_name: input.appIdName,
    application_identifier: input.applicationIdentifier,
    bundle_id: input.bundleId,
    wildcard: toFlag(input.wildcard),
    team_id: input.teamId,
    team_name: input.teamName,
    type: input.type,
    platforms: toJson(input.platforms),
    creation_date: toMillis(input.creationDate),
    expiration_date: toMillis(input.expirationDate),
    device_count: input.provisionedDevices.length,
    provisioned_devices: toJson(input.provisionedDevices),
    entitlements: toJson(input.entitlements),
    signature_status: input.signatureStatus,
    status: 'active',
    superseded_by: null,
    lineage_version: lineageVersion,
    uploaded_at: toMillis(input.uploadedAt),
    uploaded_by: orNull(input.uploadedBy),
  };
}

export function toProfile(row: ProfileRow): Profile {
  return {
    id: row.id,
    ogId: row.og_id,
    uuid: row.uuid,
    blobSha256: row.blob_sha256,
    blobSize: row.blob_size,
    name: row.name,
    appIdName: row.app_id_name,
    applicationIdentifier: row.application_identifier,
    bundleId: row.bundle_id,
    wildcard: fromFlag(row.wildcard),
    teamId: row.team_id,
    teamName: row.team_name,
    type: row.type as ProfileType,
    platforms: parseStringArray(row.platforms),
    creationDate: fromMillis(row.creation_date),
    expirationDate: fromMillis(row.expiration_date),
    deviceCount: row.device_count,
    provisionedDevices: parseStringArray(row.provisioned_devices),
    entitlements: parseJsonObject(row.entitlements),
    signatureStatus: row.signature_status as SignatureStatus,
    status: row.status as ProfileStatus,
    supersededBy: orUndefined(row.superseded_by),
    lineageVersion: row.lineage_version,
    uploadedAt: fromMillis(row.uploaded_at),
    uploadedBy: orUndefined(row.uploaded_by),
  };
}
