import type { Kysely, Selectable } from 'kysely';
import type { Device, DeviceProfile, Installation } from '../domain/model.js';
import { readDeviceProfiles, readInstallations, replaceDeviceProfiles, replaceInstallations } from './device-reports.js';
import type { ReportedInstallation, ReportedProfile } from './device-reports.js';
import { paginate, toPage } from './pagination.js';
import type { Page, PageRequest, SortOrder } from './pagination.js';
import type { DeviceTable, StoreSchema } from './schema.js';
import { inScope } from './scope.js';
import type { Scope } from './scope.js';
import { containsText, ogInScope } from './sql-filters.js';
import { recordInformationQuery, scopeArguments, touchDeviceQuery } from './device-prepared-queries.js';
import { withMdmTables } from './mdm-sql.js';
import { fromMillis, orNull, orUndefined, toMillis } from './values.js';

export type { ReportedInstallation, ReportedProfile } from './device-reports.js';

/** What a device check-in tells about a device; absent fields keep their stored value. */
export interface DeviceCheckIn {
  readonly udid: string;
  /** The OG a new device joins; an existing device stays where it is (see `move`). */
  readonly ogId: number;
  readonly seenAt: Date;
  /** Defaults to `seenAt` for a new device; pass it on re-enrollment. */
  readonly enrolledAt?: Date;
  readonly serialNumber?: string;
  readonly name?: string;
  readonly model?: string;
  readonly osVersion?: string;
  readonly userName?: string;
  readonly userEmail?: string;
}

/** What a device reports about itself (DeviceInformation); absent fields are left as stored. */
export interface DeviceFacts {
  readonly name?: string;
  readonly model?: string;
  readonly osVersion?: string;
  readonly serialNumber?: string;
}

export interface DeviceFilter {
  /** Part of the name, serial number, UDID or user name, any case. */
  readonly search?: string;
  readonly model?: string;
  /** Only devices that reported this app as installed. */
  readonly installedBundleId?: string;
  /** Only devices that reported this profile as installed. */
  readonly holdingProfileUuid?: string;
}

export type DeviceSort = 'lastSeen' | 'enrolled' | 'udid';

const ORDERS: Record<DeviceSort, SortOrder> = {
  lastSeen: { name: 'lastSeen', column: 'devices.last_seen_at', idColumn: 'devices.id', direction: 'desc' },
  enrolled: { name: 'enrolled', column: 'devices.enrolled_at', idColumn: 'devices.id', direction: 'desc' },
  udid: { name: 'udid', column: 'devices.udid', idColumn: 'devices.id', direction: 'asc' },
};

type DeviceRow = Selectable<DeviceTable>;

function sortValue(row: DeviceRow, sort: DeviceSort): string | number {
  switch (sort) {
    case 'lastSeen':
      return row.last_seen_at;
    case 'enrolled':
      return row.enrolled_at;
    case 'udid':
      return row.udid;
  }
}

function toDevice(row: DeviceRow): Device {
  return {
    id: row.id,
    ogId: row.og_id,
    udid: row.udid,
    serialNumber: orUndefined(row.serial_number),
    name: orUndefined(row.name),
    model: orUndefined(row.model),
    osVersion: orUndefined(row.os_version),
    userName: orUndefined(row.user_name),
    userEmail: orUndefined(row.user_email),
    enrolledAt: fromMillis(row.enrolled_at),
    lastSeenAt: fromMillis(row.last_seen_at),
  };
}

/** Enrolled devices and what they report over MDM; the MDM service fills these. */
export class DeviceRepository {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  /**
   * Inserts a new device (UDIDs are unique) or updates the known one. Undefined when the new
   * device's OG, or the existing device, lies outside the scope.
   */
  async upsert(scope: Scope, checkIn: DeviceCheckIn): Promise<Device | undefined> {
    if (!(await ogInScope(this.db, scope, checkIn.ogId))) {
      return undefined;
    }
    const row = await this.db
      .insertInto('devices')
      .values(deviceValues(checkIn))
      .onConflict((conflict) =>
        conflict
          .column('udid')
          .doUpdateSet((eb) => {
            const keep = <C extends Exclude<keyof DeviceTable, 'id'>>(column: C) =>
              eb.fn.coalesce(eb.ref(`excluded.${column}`), eb.ref(`devices.${column}`));
            return {
              serial_number: keep('serial_number'),
              name: keep('name'),
              model: keep('model'),
              os_version: keep('os_version'),
              user_name: keep('user_name'),
              user_email: keep('user_email'),
              last_seen_at: eb.ref('excluded.last_seen_at'),
              enrolled_at: checkIn.enrolledAt === undefined ? eb.ref('devices.enrolled_at') : eb.ref('excluded.enrolled_at'),
            };
          })
          .where(inScope(scope, 'devices.og_id')),
      )
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? undefined : toDevice(row);
  }

  async get(scope: Scope, id: number): Promise<Device | undefined> {
    const row = await this.db.selectFrom('devices').selectAll().where('id', '=', id).where(inScope(scope, 'devices.og_id')).executeTakeFirst();
    return row === undefined ? undefined : toDevice(row);
  }

  async findByUdid(scope: Scope, udid: string): Promise<Device | undefined> {
    const row = await this.db
      .selectFrom('devices')
      .selectAll()
      .where('udid', '=', udid)
      .where(inScope(scope, 'devices.og_id'))
      .executeTakeFirst();
    return row === undefined ? undefined : toDevice(row);
  }

  async list(scope: Scope, filter: DeviceFilter = {}, sort: DeviceSort = 'lastSeen', page: PageRequest = {}): Promise<Page<Device>> {
    const order = ORDERS[sort];
    const rows = await paginate(this.filtered(scope, filter), order, page).execute();
    return toPage(rows, order, page, (row) => [sortValue(row, sort), row.id], toDevice);
  }

  /** Notes a check-in; false when the device is not in scope. */
  async touch(scope: Scope, id: number, seenAt: Date): Promise<boolean> {
    const row = await touchDeviceQuery.executeTakeFirst(withMdmTables(this.db), { ...scopeArguments(scope), deviceId: id, seenAt: toMillis(seenAt) });
    return row !== undefined;
  }

  /**
   * Stores what the device said of itself in a DeviceInformation answer (absent facts keep
   * their stored value); false when the device is not in scope.
   */
  async recordInformation(scope: Scope, id: number, facts: DeviceFacts, seenAt: Date): Promise<boolean> {
    const row = await recordInformationQuery.executeTakeFirst(withMdmTables(this.db), {
      ...scopeArguments(scope),
      deviceId: id,
      seenAt: toMillis(seenAt),
      name: orNull(facts.name),
      model: orNull(facts.model),
      osVersion: orNull(facts.osVersion),
      serialNumber: orNull(facts.serialNumber),
    });
    return row !== undefined;
  }

  /** Moves a device in scope to another OG in scope. */
  async move(scope: Scope, id: number, ogId: number): Promise<Device | undefined> {
    if (!(await ogInScope(this.db, scope, ogId))) {
      return undefined;
    }
    const row = await this.db
      .updateTable('devices')
      .set({ og_id: ogId })
      .where('id', '=', id)
      .where(inScope(scope, 'devices.og_id'))
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? undefined : toDevice(row);
  }

  /** Replaces the device's installed apps with a new InstalledApplicationList report. */
  async recordInstallations(scope: Scope, deviceId: number, items: readonly ReportedInstallation[], reportedAt: Date): Promise<boolean> {
    return replaceInstallations(this.db, scope, deviceId, items, reportedAt);
  }

  async installations(scope: Scope, deviceId: number): Promise<Installation[] | undefined> {
    return (await this.get(scope, deviceId)) === undefined ? undefined : readInstallations(this.db, deviceId);
  }

  /** Replaces the device's installed profiles with a new ProvisioningProfileList report. */
  async recordProfiles(scope: Scope, deviceId: number, items: readonly ReportedProfile[], reportedAt: Date): Promise<boolean> {
    return replaceDeviceProfiles(this.db, scope, deviceId, items, reportedAt);
  }

  async profiles(scope: Scope, deviceId: number): Promise<DeviceProfile[] | undefined> {
    return (await this.get(scope, deviceId)) === undefined ? undefined : readDeviceProfiles(this.db, deviceId);
  }

  private filtered(scope: Scope, filter: DeviceFilter) {
    let query = this.db.selectFrom('devices').selectAll().where(inScope(scope, 'devices.og_id'));
    const { search, model, installedBundleId, holdingProfileUuid } = filter;
    if (search !== undefined) {
      const columns = ['devices.name', 'devices.serial_number', 'devices.udid', 'devices.user_name'];
      query = query.where((eb) => eb.or(columns.map((column) => containsText(column, search))));
    }
    if (model !== undefined) query = query.where('model', '=', model);
    if (installedBundleId !== undefined) {
      query = query.where('id', 'in', (eb) =>
        eb.selectFrom('installations').select('device_id').where('bundle_id', '=', installedBundleId),
      );
    }
    if (holdingProfileUuid !== undefined) {
      query = query.where('id', 'in', (eb) =>
        eb.selectFrom('device_profiles').select('device_id').where('profile_uuid', '=', holdingProfileUuid),
      );
    }
    return query;
  }
}

function deviceValues(checkIn: DeviceCheckIn) {
  return {
    og_id: checkIn.ogId,
    udid: checkIn.udid,
    serial_number: orNull(checkIn.serialNumber),
    name: orNull(checkIn.name),
    model: orNull(checkIn.model),
    os_version: orNull(checkIn.osVersion),
    user_name: orNull(checkIn.userName),
    user_email: orNull(checkIn.userEmail),
    enrolled_at: toMillis(checkIn.enrolledAt ?? checkIn.seenAt),
    last_seen_at: toMillis(checkIn.seenAt),
  };
}
