import type { Device, DeviceProfile, Installation } from '../../domain/model.js';
import type { Database } from '../../store/database.js';
import type { DeviceSort } from '../../store/device.repository.js';
import type { Page, PageRequest } from '../../store/pagination.js';
import type { Repositories } from '../../store/repositories.js';
import type { Scope } from '../../store/scope.js';
import type { Caller } from '../auth/actor.js';
import type { DeviceDetail, DeviceProfileView, InstallationView } from './catalog-views.js';
import { found, listingScope } from './scope-checks.js';

/** Filters of the device listing. */
export interface DeviceListQuery {
  readonly ogId?: number;
  /** Part of the name, serial number, UDID or user name, any case. */
  readonly search?: string;
  readonly model?: string;
  /** Only devices that reported this app as installed. */
  readonly installedBundleId?: string;
  /** Only devices that reported this profile UUID as installed. */
  readonly holdingProfileUuid?: string;
  readonly sort?: DeviceSort;
}

export interface DeviceCatalogServiceDeps {
  readonly database: Pick<Database, 'repositories'>;
}

/** Enrolled devices as they last reported, read-only (MDM check-ins fill them). */
export class DeviceCatalogService {
  constructor(private readonly deps: DeviceCatalogServiceDeps) {}

  async list(caller: Caller, query: DeviceListQuery, page: PageRequest): Promise<Page<Device>> {
    const { repositories } = this.deps.database;
    const scope = await listingScope(repositories, caller, query.ogId);
    const { search, model, installedBundleId, holdingProfileUuid } = query;
    return repositories.devices.list(scope, { search, model, installedBundleId, holdingProfileUuid }, query.sort ?? 'lastSeen', page);
  }

  /** A device with the apps and profiles it reported, matched to the catalog where possible. */
  async get(caller: Caller, id: number): Promise<DeviceDetail> {
    const { scope } = caller.actor;
    const { repositories } = this.deps.database;
    const device = found(await repositories.devices.get(scope, id), 'device');
    const installations = (await repositories.devices.installations(scope, id)) ?? [];
    const profiles = (await repositories.devices.profiles(scope, id)) ?? [];
    return {
      device,
      installations: await Promise.all(installations.map((installation) => matchInstallation(repositories, scope, installation))),
      profiles: await Promise.all(profiles.map((profile) => matchProfile(repositories, scope, device, profile))),
    };
  }
}

async function matchInstallation(repositories: Repositories, scope: Scope, installation: Installation): Promise<InstallationView> {
  const versionId = installation.appVersionId;
  const version = versionId === undefined ? undefined : await repositories.appVersions.get(scope, versionId);
  return { ...installation, appId: version?.appId };
}

/** The catalog profile with the reported UUID: the device's own group's copy first. */
async function matchProfile(repositories: Repositories, scope: Scope, device: Device, reported: DeviceProfile): Promise<DeviceProfileView> {
  const candidates = await repositories.profiles.findByUuid(scope, reported.profileUuid);
  const match = candidates.find((profile) => profile.ogId === device.ogId) ?? candidates[0];
  return { ...reported, profileId: match?.id };
}
