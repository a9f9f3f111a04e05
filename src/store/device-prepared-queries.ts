import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { MdmStoreSchema } from './mdm-schema.js';
import { PreparedQuery, type ArgumentOf } from './mdm-prepared.js';
import { pathRange, type Scope } from './scope.js';

/**
 * The devices statements a device's own messages run (its inventory reports and check-ins),
 * prepared once (see `PreparedQuery`). Each names one device by id, so the scope is checked
 * with a lookup of that device's OG rather than `inScope`'s list of every OG in scope, which
 * SQLite builds anew on each run (several times what the rest of such a statement costs).
 */

/** The arguments that carry a scope into a prepared statement. */
// Types, not interfaces: a prepared query's arguments must be assignable to Record<string, unknown>.
export type ScopeArguments = { readonly scopeFrom: string; readonly scopeTo: string };

export function scopeArguments(scope: Scope): ScopeArguments {
  const { from, to } = pathRange(scope.path);
  return { scopeFrom: from, scopeTo: to };
}

/** True for the row whose OG lies in the scope given by `scopeArguments`. */
function deviceOgInScope(eb: ExpressionBuilder<MdmStoreSchema, 'devices'>, arg: ArgumentOf<ScopeArguments>) {
  return eb.exists(
    eb
      .selectFrom('org_groups as og')
      .select(sql.lit(1).as('one'))
      .whereRef('og.id', '=', 'devices.og_id')
      .where('og.path', '>=', arg('scopeFrom'))
      .where('og.path', '<', arg('scopeTo')),
  );
}

/** The device's id when it exists in scope; also a part of larger statements (see device-report-queries.ts). */
export function deviceInScope(db: Kysely<MdmStoreSchema>, arg: ArgumentOf<ScopeArguments & { deviceId: number }>) {
  return db
    .selectFrom('devices')
    .select('devices.id')
    .where('devices.id', '=', arg('deviceId'))
    .where((eb) => deviceOgInScope(eb, arg));
}

export const deviceInScopeQuery = new PreparedQuery(deviceInScope);

/** Notes when the device was last heard from. */
export const touchDeviceQuery = new PreparedQuery((db, arg: ArgumentOf<ScopeArguments & { deviceId: number; seenAt: number }>) =>
  db
    .updateTable('devices')
    .set({ last_seen_at: arg('seenAt') })
    .where('devices.id', '=', arg('deviceId'))
    .where((eb) => deviceOgInScope(eb, arg))
    .returning('devices.id'),
);

/** What a DeviceInformation answer tells; an absent (null) field keeps its stored value. */
export type ReportedInformation = {
  readonly name: string | null;
  readonly model: string | null;
  readonly osVersion: string | null;
  readonly serialNumber: string | null;
};

/** Stores a DeviceInformation answer on the device. */
export const recordInformationQuery = new PreparedQuery(
  (db, arg: ArgumentOf<ScopeArguments & ReportedInformation & { deviceId: number; seenAt: number }>) =>
    db
      .updateTable('devices')
      .set((eb) => ({
        name: eb.fn.coalesce(eb.val(arg('name')), eb.ref('devices.name')),
        model: eb.fn.coalesce(eb.val(arg('model')), eb.ref('devices.model')),
        os_version: eb.fn.coalesce(eb.val(arg('osVersion')), eb.ref('devices.os_version')),
        serial_number: eb.fn.coalesce(eb.val(arg('serialNumber')), eb.ref('devices.serial_number')),
        last_seen_at: arg('seenAt'),
      }))
      .where('devices.id', '=', arg('deviceId'))
      .where((eb) => deviceOgInScope(eb, arg))
      .returning('devices.id'),
);
