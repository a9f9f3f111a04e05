import { sql, type Kysely } from 'kysely';
import { ADMIN_THRESHOLDS, DEVICE_THRESHOLDS, type Threshold } from '../domain/expiry-thresholds.js';
import type { AffectedApp, NoticeSubject } from '../domain/notice-types.js';
import { withLifecycleTables, type LifecycleStoreSchema } from './expiry-schema.js';
import { ladderHorizon, thresholdCase } from './expiry-threshold-sql.js';
import { idIn } from './mdm-sql.js';
import type { StoreSchema } from './schema.js';
import { inScope, type Scope } from './scope.js';
import { fromMillis } from './values.js';

/** A profile or certificate within reach of the notice ladder, at the stage it is in now. */
export interface SubjectStage {
  readonly type: NoticeSubject;
  readonly id: number;
  readonly ogId: number;
  readonly name: string;
  readonly expiresAt: Date;
  readonly threshold: Threshold;
  /** True when this subject already has its notice for this stage. */
  readonly noticed: boolean;
}

/** An app whose installed versions expire at one instant: one device notice stage each. */
export interface ExpiringInstalledApp {
  readonly appId: number;
  readonly appName: string;
  readonly expiresAt: Date;
  readonly threshold: Threshold;
  /** The installed versions with this effective expiry. */
  readonly versionIds: readonly number[];
}

/** The column of `app_version_profiles` that ties a bundle to each kind of subject. */
const SUBJECT_LINK = { profile: 'avp.profile_id', certificate: 'avp.signing_certificate_id' } as const;

interface StageRow {
  readonly id: number;
  readonly og_id: number;
  readonly name: string;
  readonly expires: number;
  readonly threshold: Threshold | null;
  readonly noticeId: number | null;
}

function byNameThenId(a: AffectedApp, b: AffectedApp): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.appId - b.appId;
}

function toStage(type: NoticeSubject) {
  return (row: StageRow): SubjectStage => ({
    type,
    id: row.id,
    ogId: row.og_id,
    name: row.name,
    expiresAt: fromMillis(Number(row.expires)),
    threshold: Number(row.threshold) as Threshold,
    noticed: row.noticeId !== null,
  });
}

/**
 * The expiry scan's reads as set-based SQL: a few statements whatever the number of profiles,
 * certificates and installations, with the notice ladder evaluated in the database (see
 * `thresholdCase`).
 */
export class ExpiryScanRepository {
  private readonly db: Kysely<LifecycleStoreSchema>;

  constructor(db: Kysely<StoreSchema>) {
    this.db = withLifecycleTables(db);
  }

  /** Profiles (not superseded) and certificates in scope that the admin ladder reaches at `now`. */
  async subjectStages(scope: Scope, now: Date): Promise<SubjectStage[]> {
    const horizon = ladderHorizon(now, ADMIN_THRESHOLDS);
    const profileStage = thresholdCase('s.expiration_date', now, ADMIN_THRESHOLDS);
    const profiles = await this.db
      .selectFrom('profiles as s')
      .leftJoin('expiry_notices as n', (join) => join.on('n.subject_type', '=', 'profile').onRef('n.subject_id', '=', 's.id').on('n.threshold', '=', profileStage))
      .select(['s.id', 's.og_id', 's.name', 's.expiration_date as expires', profileStage.as('threshold'), 'n.id as noticeId'])
      .where('s.status', '<>', 'superseded')
      .where('s.expiration_date', '<', horizon)
      .where(inScope(scope, 's.og_id'))
      .orderBy('s.id')
      .execute();
    const certificateStage = thresholdCase('s.not_after', now, ADMIN_THRESHOLDS);
    const certificates = await this.db
      .selectFrom('certificates as s')
      .leftJoin('expiry_notices as n', (join) =>
        join.on('n.subject_type', '=', 'certificate').onRef('n.subject_id', '=', 's.id').on('n.threshold', '=', certificateStage),
      )
      .select(['s.id', 's.og_id', 's.common_name as name', 's.not_after as expires', certificateStage.as('threshold'), 'n.id as noticeId'])
      .where('s.not_after', '<', horizon)
      .where(inScope(scope, 's.og_id'))
      .orderBy('s.id')
      .execute();
    return [...profiles.map(toStage('profile')), ...certificates.map(toStage('certificate'))];
  }

  /**
   * Per subject, the apps that stop working with it (for a profile, those with a bundle under it;
   * for a certificate, those with a bundle it signed) and the devices running those versions.
   * Apps by name; subjects without apps are absent from the map.
   */
  async affectedApps(type: NoticeSubject, subjectIds: readonly number[]): Promise<Map<number, AffectedApp[]>> {
    if (subjectIds.length === 0) return new Map();
    const link = SUBJECT_LINK[type];
    const versions = await this.db
      .selectFrom('app_version_profiles as avp')
      .innerJoin('app_versions as v', 'v.id', 'avp.app_version_id')
      .innerJoin('apps', 'apps.id', 'v.app_id')
      .select([sql<number>`${sql.ref(link)}`.as('subjectId'), 'v.id as versionId', 'apps.id as appId', 'apps.name as name', 'apps.og_id as ogId'])
      .distinct()
      .where(idIn(this.db, link, subjectIds))
      .execute();
    const installs = await this.installationsPerVersion(versions.map((version) => version.versionId));
    const apps = new Map<number, Map<number, AffectedApp>>();
    for (const { subjectId, versionId, ...app } of versions) {
      const ofSubject = apps.get(Number(subjectId)) ?? new Map<number, AffectedApp>();
      // A device has one installation per bundle id, and every version of an app has the app's
      // bundle id: adding up the versions' installations counts each device once.
      const devices = (ofSubject.get(app.appId)?.devices ?? 0) + (installs.get(versionId) ?? 0);
      ofSubject.set(app.appId, { ...app, devices });
      apps.set(Number(subjectId), ofSubject);
    }
    return new Map([...apps].map(([subjectId, ofSubject]) => [subjectId, [...ofSubject.values()].sort(byNameThenId)]));
  }

  /**
   * Apps installed somewhere whose effective expiry the device ladder reaches at `now`, one
   * entry per app and expiry, with the versions that have it.
   */
  async expiringInstalledApps(now: Date): Promise<ExpiringInstalledApp[]> {
    const stage = thresholdCase('v.effective_expiry', now, DEVICE_THRESHOLDS);
    const rows = await this.db
      .selectFrom('app_versions as v')
      .innerJoin('apps', 'apps.id', 'v.app_id')
      .select(['apps.id as appId', 'apps.name as appName', 'v.id as versionId', 'v.effective_expiry as expires', stage.as('threshold')])
      .where('v.effective_expiry', '<', ladderHorizon(now, DEVICE_THRESHOLDS))
      .where((eb) => eb.exists(eb.selectFrom('installations as i').select('i.id').whereRef('i.app_version_id', '=', 'v.id')))
      .orderBy('apps.id')
      .orderBy('v.effective_expiry')
      .orderBy('v.id')
      .execute();
    const apps = new Map<string, ExpiringInstalledApp>();
    for (const row of rows) {
      const key = `${row.appId}@${row.expires}`;
      const known = apps.get(key);
      const versionIds = [...(known?.versionIds ?? []), row.versionId];
      apps.set(key, { appId: row.appId, appName: row.appName, expiresAt: fromMillis(Number(row.expires)), threshold: Number(row.threshold) as Threshold, versionIds });
    }
    return [...apps.values()];
  }

  /**
   * Per subject, the devices running any app version under it, each counted once however many
   * of the affected apps it has (the per-app counts add up to more).
   */
  async devicesAffected(type: NoticeSubject, subjectIds: readonly number[]): Promise<Map<number, number>> {
    if (subjectIds.length === 0) return new Map();
    const link = SUBJECT_LINK[type];
    const rows = await this.db
      .selectFrom('app_version_profiles as avp')
      .innerJoin('installations as i', 'i.app_version_id', 'avp.app_version_id')
      .select([sql<number>`${sql.ref(link)}`.as('subjectId'), (eb) => eb.fn.count<number | string>('i.device_id').distinct().as('devices')])
      .where(idIn(this.db, link, subjectIds))
      .groupBy(link)
      .execute();
    return new Map(rows.map((row) => [Number(row.subjectId), Number(row.devices)]));
  }

  /** Installations per app version: an index-only count, whatever the number of devices. */
  async installationsPerVersion(versionIds: readonly number[]): Promise<Map<number, number>> {
    if (versionIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('installations as i')
      .select(['i.app_version_id as versionId', (eb) => eb.fn.countAll<number | string>().as('installs')])
      .where(idIn(this.db, 'i.app_version_id', [...new Set(versionIds)]))
      .groupBy('i.app_version_id')
      .execute();
    return new Map(rows.map((row) => [Number(row.versionId), Number(row.installs)]));
  }
}
