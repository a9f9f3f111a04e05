import type { Generated, Kysely } from 'kysely';
import type { MdmSchema } from './mdm-schema.js';
import type { Flag, JsonText, Millis, StoreSchema } from './schema.js';

/** An applied renewal (migration 0007); per-device progress lives in the MDM queue. */
export interface RenewalTable {
  id: Generated<number>;
  og_id: number;
  old_profile_id: number | null;
  old_uuid: string;
  old_name: string;
  old_expiration_date: Millis;
  new_profile_id: number | null;
  new_uuid: string;
  new_name: string;
  new_expiration_date: Millis;
  apply_to_all_apps: Flag;
  /** The apps it reached, as `RenewedApp[]` JSON. */
  apps: JsonText;
  /** The bundle ids whose devices got the new profile (JSON array). */
  bundle_ids: JsonText;
  install_command_id: number;
  remove_command_id: number;
  device_count: number;
  created_by: number | null;
  created_at: Millis;
  completed_at: Millis | null;
  /** `RolloutCounts` JSON once complete. */
  final_rollout: JsonText | null;
}

export interface RenewalStoreSchema extends StoreSchema, MdmSchema {
  renewals: RenewalTable;
}

/** The same connection or transaction, typed with the renewal and MDM tables (see withMdmTables). */
export function withRenewalTables(db: Kysely<StoreSchema>): Kysely<RenewalStoreSchema> {
  return db as unknown as Kysely<RenewalStoreSchema>;
}
