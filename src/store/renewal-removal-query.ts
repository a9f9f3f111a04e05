import type { Kysely } from 'kysely';
import { PreparedQuery, type ArgumentOf } from './mdm-prepared.js';
import type { RenewalStoreSchema } from './renewal-schema.js';

/**
 * The renewals whose new profile the device holds while it still holds the old one, by its
 * recorded profiles, and whose removal is not open for it yet; with both OG paths, so the
 * caller keeps only renewals of the device's OG or an OG above it. Prepared once: it runs after
 * every ProvisioningProfileList a device answers.
 */
export const earnedRemovalsQuery = new PreparedQuery((db: Kysely<RenewalStoreSchema>, arg: ArgumentOf<{ deviceId: number }>) =>
  db
    .selectFrom('device_profiles as held')
    .innerJoin('renewals as r', 'r.new_uuid', 'held.profile_uuid')
    .innerJoin('org_groups as renewal_og', 'renewal_og.id', 'r.og_id')
    .innerJoin('devices as d', 'd.id', 'held.device_id')
    .innerJoin('org_groups as device_og', 'device_og.id', 'd.og_id')
    .select(['r.id', 'r.remove_command_id', 'renewal_og.path as renewal_path', 'device_og.path as device_path'])
    .where('held.device_id', '=', arg('deviceId'))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('device_profiles as old')
          .select('old.profile_uuid')
          .whereRef('old.device_id', '=', 'held.device_id')
          .whereRef('old.profile_uuid', '=', 'r.old_uuid'),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('mdm_queue as q')
            .select('q.command_id')
            .whereRef('q.device_id', '=', 'held.device_id')
            .whereRef('q.command_id', '=', 'r.remove_command_id')
            .where('q.status', 'in', ['pending', 'sent', 'not_now']),
        ),
      ),
    ),
);
