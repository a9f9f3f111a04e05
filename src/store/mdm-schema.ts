import type { Generated } from 'kysely';
import type { Flag, Millis, StoreSchema } from './schema.js';

/** The MDM enrollment of a device: the identity bound at Authenticate and how to push it. */
export interface MdmEnrollmentTable {
  device_id: number;
  /** SHA-256 (lowercase hex) of the identity certificate every message must come with. */
  identity_sha256: string;
  topic: string;
  push_token: string | null;
  push_magic: string | null;
  /** 1 once APNs said the token will never work; cleared by the next TokenUpdate. */
  token_invalid: Generated<Flag>;
  /** 0 after CheckOut. */
  enabled: Flag;
  enrolled_at: Millis;
  updated_at: Millis;
  last_push_at: Millis | null;
}

/** One command, built once, however many devices it is queued for. */
export interface MdmCommandTable {
  id: Generated<number>;
  command_uuid: string;
  request_type: string;
  /** The command plist exactly as devices receive it. */
  body: Uint8Array;
  created_at: Millis;
}

/** One command for one device, and what the device answered. */
export interface MdmQueueTable {
  device_id: number;
  command_id: number;
  /** See `QueueStatus` in mdm-queue.repository.ts. */
  status: string;
  updated_at: Millis;
  /** The device's response body, verbatim, once it answered. */
  result: Uint8Array | null;
}

/** Who holds a periodic job for now, so servers sharing a database run it once. */
export interface MdmJobLeaseTable {
  name: string;
  holder: string;
  expires_at: Millis;
}

/** The MDM tables (migration 0005), added to the rest of the schema by the MDM repositories. */
export interface MdmSchema {
  mdm_enrollments: MdmEnrollmentTable;
  mdm_commands: MdmCommandTable;
  mdm_queue: MdmQueueTable;
  mdm_job_leases: MdmJobLeaseTable;
}

/** The whole schema as the MDM repositories see it. */
export type MdmStoreSchema = StoreSchema & MdmSchema;
