import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { impactOf, type ExpiryNotice, type NoticeSubject } from '../../domain/notice-types.js';
import type { Database } from '../../store/database.js';
import type { SubjectStage } from '../../store/expiry-scan.repository.js';
import type { Repositories } from '../../store/repositories.js';
import type { Scope } from '../../store/scope.js';
import type { Clock } from '../auth/clock.js';
import { deviceNoticeMessage } from './device-notice-text.js';

/** What one scan found and wrote. */
export interface ScanReport {
  readonly ranAt: Date;
  /** Profiles and certificates within 60 days of expiry or expired. */
  readonly subjectsExamined: number;
  readonly noticesCreated: number;
  readonly deviceNoticesCreated: number;
  readonly versionsMarkedExpired: number;
  readonly profilesMarkedExpired: number;
}

/** Told about the notices a scan created, after they are committed (email, webhooks). */
export interface NoticeListener {
  noticesCreated(notices: readonly ExpiryNotice[]): Promise<void>;
}

export interface ExpiryScanDeps {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly clock: Clock;
  readonly listener?: NoticeListener;
  /** This process, as holder of the scan lease; a random one by default. */
  readonly holder?: string;
}

const LEASE_NAME = 'expiry.scan';
/** Longer than any scan takes; a crashed holder's lease lapses after it. */
const LEASE_MS = 15 * 60_000;

/**
 * The expiry engine: judges every profile, certificate and installed app version against the
 * notice thresholds, records console and device notices (unique keys make re-runs harmless),
 * and marks what has expired. Servers sharing a database take a lease row first, so only one
 * scans at a time; the others return null.
 */
export class ExpiryScanService {
  private readonly holder: string;

  constructor(private readonly deps: ExpiryScanDeps) {
    this.holder = deps.holder ?? `${hostname()}:${process.pid}:${randomUUID()}`;
  }

  async scan(): Promise<ScanReport | null> {
    const { mdmLeases } = this.deps.database.repositories;
    const now = this.deps.clock.now();
    if (!(await mdmLeases.acquire(LEASE_NAME, this.holder, now, new Date(now.getTime() + LEASE_MS)))) return null;
    try {
      const { report, notices } = await this.deps.database.transaction((repositories) => scanAt(repositories, now));
      if (notices.length > 0) await this.deps.listener?.noticesCreated(notices);
      return report;
    } finally {
      await mdmLeases.release(LEASE_NAME, this.holder);
    }
  }
}

async function scanAt(repositories: Repositories, now: Date): Promise<{ report: ScanReport; notices: ExpiryNotice[] }> {
  const root = await repositories.ogs.rootScope();
  const { examined, notices } = await recordAdminNotices(repositories, root, now);
  const deviceNoticesCreated = await recordDeviceNotices(repositories, now);
  const versionsMarkedExpired = await repositories.expiry.markExpiredVersions(now);
  const profilesMarkedExpired = await repositories.profiles.markExpired(root, now);
  const report = {
    ranAt: now,
    subjectsExamined: examined,
    noticesCreated: notices.length,
    deviceNoticesCreated,
    versionsMarkedExpired,
    profilesMarkedExpired,
  };
  return { report, notices };
}

/** One notice per subject at the stage it reached, with the apps, OGs and devices it affects. */
async function recordAdminNotices(repositories: Repositories, root: Scope, now: Date) {
  const stages = await repositories.expiryScan.subjectStages(root, now);
  const due = stages.filter((stage) => !stage.noticed);
  const impacts = {
    profile: await repositories.expiryScan.affectedApps('profile', idsOf(due, 'profile')),
    certificate: await repositories.expiryScan.affectedApps('certificate', idsOf(due, 'certificate')),
  };
  const devices = {
    profile: await repositories.expiryScan.devicesAffected('profile', idsOf(due, 'profile')),
    certificate: await repositories.expiryScan.devicesAffected('certificate', idsOf(due, 'certificate')),
  };
  const notices = due.map((stage) => ({
    ogId: stage.ogId,
    subjectType: stage.type,
    subjectId: stage.id,
    subjectName: stage.name,
    threshold: stage.threshold,
    expiresAt: stage.expiresAt,
    impact: impactOf(impacts[stage.type].get(stage.id) ?? [], devices[stage.type].get(stage.id) ?? 0),
  }));
  return { examined: stages.length, notices: await repositories.notices.recordAll(notices, now) };
}

function idsOf(stages: readonly SubjectStage[], type: NoticeSubject): number[] {
  return stages.filter((stage) => stage.type === type).map((stage) => stage.id);
}

/**
 * From 30 days before expiry, a notice stage per app, expiry and threshold; every device running
 * such a version gets it through the device channel and by email. Returns how many devices a new
 * stage reaches (each device has one installation per app).
 */
async function recordDeviceNotices(repositories: Repositories, now: Date): Promise<number> {
  const apps = await repositories.expiryScan.expiringInstalledApps(now);
  const stages = apps.map((app) => ({ ...app, message: deviceNoticeMessage(app.appName, app.expiresAt, app.threshold) }));
  const recorded = await repositories.deviceNotices.recordStages(stages, now);
  const isNew = new Set(recorded.map((stage) => `${stage.appId}@${stage.expiresAt.getTime()}@${stage.threshold}`));
  const reached = apps.filter((app) => isNew.has(`${app.appId}@${app.expiresAt.getTime()}@${app.threshold}`)).flatMap((app) => app.versionIds);
  const installs = await repositories.expiryScan.installationsPerVersion(reached);
  return [...installs.values()].reduce((sum, count) => sum + count, 0);
}
