import { daysLeft } from '../../domain/expiry.js';
import type { NoticeSubject } from '../../domain/notice-types.js';
import type { Database } from '../../store/database.js';
import type { ExpiringApp, ExpiringCertificate, ExpiringProfile } from '../../store/expiry-listing.repository.js';
import type { Caller } from '../auth/actor.js';
import type { Clock } from '../auth/clock.js';
import { listingScope } from '../catalog/scope-checks.js';

const DAY_MS = 86_400_000;
/** Most rows of each kind in one report; the report says when there were more. */
export const EXPIRING_LIMIT = 5_000;
export const DEFAULT_EXPIRING_DAYS = 60;

/** How a profile or certificate's expiry reaches apps: how many, and their devices added up. */
export interface Reach {
  readonly daysLeft: number;
  readonly apps: number;
  /** Summed over the apps, as notices count them: a device running two of them counts twice. */
  readonly devices: number;
}

/** Everything in scope that stops within the window (or already has), soonest first. */
export interface ExpiringReport {
  readonly withinDays: number;
  readonly asOf: Date;
  readonly profiles: readonly (ExpiringProfile & Reach)[];
  readonly certificates: readonly (ExpiringCertificate & Reach)[];
  readonly apps: readonly (ExpiringApp & { readonly daysLeft: number })[];
  /** True when a kind had more than {@link EXPIRING_LIMIT} entries and only the soonest are listed. */
  readonly truncated: boolean;
}

/** The report behind `provisio expiring`: profiles, certificates and apps expiring within N days. */
export class ExpiryListingService {
  constructor(private readonly deps: { readonly database: Pick<Database, 'repositories'>; readonly clock: Clock }) {}

  async expiring(caller: Caller, withinDays: number, ogId: number | undefined): Promise<ExpiringReport> {
    const { repositories } = this.deps.database;
    const scope = await listingScope(repositories, caller, ogId);
    const now = this.deps.clock.now();
    const before = new Date(now.getTime() + withinDays * DAY_MS);
    const listing = repositories.expiryListing;
    const [profiles, certificates, apps] = [
      await listing.profiles(scope, before, EXPIRING_LIMIT + 1),
      await listing.certificates(scope, before, EXPIRING_LIMIT + 1),
      await listing.apps(scope, before, EXPIRING_LIMIT + 1),
    ];
    const truncated = [profiles, certificates, apps].some((rows) => rows.length > EXPIRING_LIMIT);
    return {
      withinDays,
      asOf: now,
      profiles: await this.withReach('profile', profiles.slice(0, EXPIRING_LIMIT), now),
      certificates: await this.withReach('certificate', certificates.slice(0, EXPIRING_LIMIT), now),
      apps: apps.slice(0, EXPIRING_LIMIT).map((app) => ({ ...app, daysLeft: daysLeft(app.expiresAt, now) })),
      truncated,
    };
  }

  private async withReach<T extends { readonly id: number; readonly expiresAt: Date }>(type: NoticeSubject, subjects: readonly T[], now: Date): Promise<(T & Reach)[]> {
    const { expiryScan } = this.deps.database.repositories;
    const ids = subjects.map((subject) => subject.id);
    const affected = await expiryScan.affectedApps(type, ids);
    const devices = await expiryScan.devicesAffected(type, ids);
    return subjects.map((subject) => {
      const apps = affected.get(subject.id) ?? [];
      return { ...subject, daysLeft: daysLeft(subject.expiresAt, now), apps: apps.length, devices: devices.get(subject.id) ?? 0 };
    });
  }
}
