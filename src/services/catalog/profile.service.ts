import type { Readable } from 'node:stream';
import type { Profile, ProfileStatus, ProfileType, ProfileUsage } from '../../domain/model.js';
import { ApiError, notFound } from '../../http/errors.js';
import type { BlobStore } from '../../io/blob-store.js';
import type { Database } from '../../store/database.js';
import type { Page, PageRequest } from '../../store/pagination.js';
import type { ProfileSort } from '../../store/profile.repository.js';
import type { Repositories } from '../../store/repositories.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Caller } from '../auth/actor.js';
import type { Clock } from '../auth/clock.js';
import type { ProfileDetail, ProfileView } from './catalog-views.js';
import { expiringBefore } from './expiry-filter.js';
import { found, listingScope } from './scope-checks.js';
import { profileView } from './view-builders.js';

/** Filters of the profile listing. */
export interface ProfileListQuery {
  readonly ogId?: number;
  /** Part of the profile name, any case. */
  readonly search?: string;
  readonly type?: ProfileType;
  readonly status?: ProfileStatus;
  /** The profile's bundle id or pattern, exactly. */
  readonly bundleId?: string;
  /** The profile's UUID, any case. */
  readonly uuid?: string;
  readonly expiringWithinDays?: number;
  readonly sort?: ProfileSort;
}

/** A profile's signed file, as devices and Xcode take it. */
export interface ProfileDownload {
  readonly profile: Profile;
  readonly fileName: string;
  readonly content: Readable;
}

export interface ProfileCatalogServiceDeps {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  readonly audit: AuditTrail;
}

/** Reading, downloading and deleting provisioning profiles. */
export class ProfileCatalogService {
  constructor(private readonly deps: ProfileCatalogServiceDeps) {}

  async list(caller: Caller, query: ProfileListQuery, page: PageRequest): Promise<Page<ProfileView>> {
    const { repositories } = this.deps.database;
    const scope = await listingScope(repositories, caller, query.ogId);
    const now = this.deps.clock.now();
    const { search, type, status, bundleId, uuid } = query;
    const filter = { search, type, status, bundleId, uuid, expiringBefore: expiringBefore(now, query.expiringWithinDays) };
    const profiles = await repositories.profiles.list(scope, filter, query.sort ?? 'expiry', page);
    return { items: profiles.items.map((profile) => profileView(profile, now)), nextCursor: profiles.nextCursor };
  }

  /** A profile with its certificates, the app versions that share it, and its lineage. */
  async get(caller: Caller, id: number): Promise<ProfileDetail> {
    const { scope } = caller.actor;
    const { profiles, certificates } = this.deps.database.repositories;
    const profile = found(await profiles.get(scope, id), 'profile');
    return {
      ...profileView(profile, this.deps.clock.now()),
      certificates: (await certificates.listForProfile(scope, id)) ?? [],
      sharedBy: (await profiles.usages(scope, id)) ?? [],
      lineage: (await profiles.lineage(scope, id)) ?? [],
    };
  }

  /** The exact signed bytes that were uploaded. */
  async download(caller: Caller, id: number): Promise<ProfileDownload> {
    const profile = found(await this.deps.database.repositories.profiles.get(caller.actor.scope, id), 'profile');
    const content = found(await this.deps.blobs.open(profile.blobSha256), 'profile file');
    return { profile, fileName: downloadName(profile), content };
  }

  /**
   * Deletes a profile no app version uses; while apps use it, refuses with `profile.in_use` and
   * lists them. The signed file stays in the blob store: another group may hold the same bytes.
   */
  async delete(caller: Caller, id: number): Promise<void> {
    const { scope } = caller.actor;
    await this.deps.database.transaction(async (repositories) => {
      const profile = found(await repositories.profiles.get(scope, id), 'profile');
      await refuseWhileUsed(repositories, caller, profile);
      if (!(await repositories.profiles.delete(scope, id))) throw notFound('profile');
      const details = { uuid: profile.uuid, name: profile.name, lineageVersion: profile.lineageVersion };
      const change = { action: 'profile.delete', objectType: 'profile', objectId: id, ogId: profile.ogId, details };
      await this.deps.audit.record(repositories, caller, change);
    });
  }
}

async function refuseWhileUsed(repositories: Repositories, caller: Caller, profile: Profile): Promise<void> {
  const usages = (await repositories.profiles.usages(caller.actor.scope, profile.id)) ?? [];
  if (usages.length === 0) return;
  const apps = appsOf(usages);
  const names = apps.map((app) => app.name).join(', ');
  throw new ApiError('conflict', `the profile is still used by ${apps.length === 1 ? 'the app' : 'the apps'} ${names}`, {
    code: 'profile.in_use',
    details: { apps },
  });
}

/** An app still using a profile, with its versions that do: what `profile.in_use` lists. */
// A type alias, not an interface, so it stays assignable to the JSON `details` of an error.
type AppUsingProfile = {
  id: number;
  name: string;
  versions: { id: number; shortVersion: string; build: string; bundleId: string }[];
};

/** The apps among the usages, each with its versions that use the profile. */
function appsOf(usages: readonly ProfileUsage[]): AppUsingProfile[] {
  const apps = new Map<number, AppUsingProfile>();
  for (const usage of usages) {
    const app = apps.get(usage.appId) ?? { id: usage.appId, name: usage.appName, versions: [] };
    app.versions.push({ id: usage.appVersionId, shortVersion: usage.shortVersion, build: usage.build, bundleId: usage.bundleId });
    apps.set(usage.appId, app);
  }
  return [...apps.values()];
}

/** `<profile name>.mobileprovision`, with anything unsafe in a header or file name replaced. */
function downloadName(profile: Profile): string {
  const base = profile.name.replace(/[^A-Za-z0-9 ._-]+/g, '_').trim();
  return `${base === '' ? profile.uuid : base}.mobileprovision`;
}
