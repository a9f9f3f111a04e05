import type { Generated } from 'kysely';

/*
 * Row types as Kysely sees them, identical on SQLite and PostgreSQL:
 * - ids and timestamps are JS numbers (timestamps are epoch milliseconds; PostgreSQL int8 is
 *   parsed to number, see dialect.ts);
 * - flags are 0/1 integers (SQLite has no boolean and better-sqlite3 cannot bind one);
 * - JSON columns are JSON text (PostgreSQL jsonb is read back as text, see dialect.ts).
 * Repositories convert to the domain types in src/domain/model.ts.
 */

/** Epoch milliseconds. */
export type Millis = number;
/** 0 or 1. */
export type Flag = number;
/** JSON text. */
export type JsonText = string;

export interface OrgGroupTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  /** Materialized path of ids, `/1/4/9/`; see scope.ts. */
  path: string;
  created_at: Millis;
}

export interface AdminTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: string;
  home_og_id: number;
  disabled: Flag;
  created_at: Millis;
}

export interface ConsoleSessionTable {
  id: Generated<number>;
  id_hash: string;
  admin_id: number;
  csrf_token_hash: string;
  created_at: Millis;
  expires_at: Millis;
}

export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  og_id: number;
  role: string;
  created_by: number | null;
  created_at: Millis;
  last_used_at: Millis | null;
  revoked_at: Millis | null;
}

export interface CertificateTable {
  id: Generated<number>;
  og_id: number;
  sha256: string;
  sha1: string;
  common_name: string;
  team_id: string | null;
  serial_number: string;
  not_before: Millis;
  not_after: Millis;
  created_at: Millis;
}

export interface ProfileTable {
  id: Generated<number>;
  og_id: number;
  uuid: string;
  blob_sha256: string;
  blob_size: number;
  name: string;
  app_id_name: string;
  application_identifier: string;
  bundle_id: string;
  wildcard: Flag;
  team_id: string;
  team_name: string;
  type: string;
  platforms: JsonText;
  creation_date: Millis;
  expiration_date: Millis;
  device_count: number;
  provisioned_devices: JsonText;
  entitlements: JsonText;
  signature_status: string;
  status: string;
  superseded_by: number | null;
  lineage_version: number;
  uploaded_at: Millis;
  uploaded_by: number | null;
}

export interface ProfileCertificateTable {
  profile_id: number;
  certificate_id: number;
}

export interface AppTable {
  id: Generated<number>;
  og_id: number;
  bundle_id: string;
  name: string;
  platform: string;
  created_at: Millis;
  /** Denormalized; `NO_EXPIRY` when nothing expires (see expiry.ts). */
  effective_expiry: Millis;
}

export interface AppVersionTable {
  id: Generated<number>;
  app_id: number;
  short_version: string;
  build: string;
  ipa_sha256: string;
  ipa_size: number;
  uploaded_at: Millis;
  uploaded_by: number | null;
  status: string;
  effective_expiry: Millis;
}

export interface AppVersionProfileTable {
  app_version_id: number;
  bundle_id: string;
  profile_id: number;
  signing_certificate_id: number | null;
}

export interface DeviceTable {
  id: Generated<number>;
  og_id: number;
  udid: string;
  serial_number: string | null;
  name: string | null;
  model: string | null;
  os_version: string | null;
  user_name: string | null;
  user_email: string | null;
  enrolled_at: Millis;
  last_seen_at: Millis;
}

export interface InstallationTable {
  id: Generated<number>;
  device_id: number;
  bundle_id: string;
  app_version_id: number | null;
  short_version: string | null;
  bundle_version: string | null;
  reported_at: Millis;
}

export interface DeviceProfileTable {
  id: Generated<number>;
  device_id: number;
  profile_uuid: string;
  name: string | null;
  expires_at: Millis | null;
  reported_at: Millis;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_kind: string;
  actor_id: number | null;
  action: string;
  object_type: string | null;
  object_id: number | null;
  og_id: number;
  /** The OG's materialized path when the entry was written (null only for an OG already gone then). */
  og_path: string | null;
  remote_address: string | null;
  details: JsonText | null;
  at: Millis;
}

/** Every table of the Provisio database. */
export interface StoreSchema {
  org_groups: OrgGroupTable;
  admins: AdminTable;
  console_sessions: ConsoleSessionTable;
  api_tokens: ApiTokenTable;
  certificates: CertificateTable;
  profiles: ProfileTable;
  profile_certificates: ProfileCertificateTable;
  apps: AppTable;
  app_versions: AppVersionTable;
  app_version_profiles: AppVersionProfileTable;
  devices: DeviceTable;
  installations: InstallationTable;
  device_profiles: DeviceProfileTable;
  audit_log: AuditLogTable;
}
