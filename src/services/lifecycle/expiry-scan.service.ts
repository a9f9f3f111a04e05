import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { currentThreshold, DEVICE_THRESHOLDS } from '../../domain/expiry-thresholds.js';
import { impactOf, type ExpiryNotice } from '../../domain/notice-types.js';
import type { Database } from '../../store/database.js';
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

const DAY_MS = 86_400_000;
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
  const deviceNoticesCreated = await recordDeviceNotices(repositories, root, now);
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

async function recordAdminNotices(repositories: Repositories, root: Scope, now: Date) {
  const horizon = new Date(now.getTime() + 61 * DAY_MS);
  const subjects = await repositories.expiry.subjectsExpiringBefore(root, horizon);
  const notices: ExpiryNotice[] = [];
  for (const subject of subjects) {
    const threshold = currentThreshold(subject.expiresAt, now);
    if (threshold === null) continue;
    const impact = impactOf(await repositories.expiry.affectedApps(subject.type, subject.id));
    const notice = { ogId: subject.ogId, subjectType: subject.type, subjectId: subject.id, subjectName: subject.name, threshold, expiresAt: subject.expiresAt, impact };
    const created = await repositories.notices.record(notice, now);
    if (created !== undefined) notices.push(created);
  }
  return { examined: subjects.length, notices };
}

async function recordDeviceNotices(repositories: Repositories, root: Scope, now: Date): Promise<number> {
  const exposures = await repositories.expiry.exposuresBefore(root, new Date(now.getTime() + 31 * DAY_MS));
  let created = 0;
  for (const exposure of exposures) {
    const threshold = currentThreshold(exposure.expiresAt, now, DEVICE_THRESHOLDS);
    if (threshold === null) continue;
    const message = deviceNoticeMessage(exposure.appName, exposure.expiresAt, threshold);
    const notice = { deviceId: exposure.deviceId, appId: exposure.appId, threshold, expiresAt: exposure.expiresAt, message, email: exposure.userEmail };
    if ((await repositories.deviceNotices.record(notice, now)) !== undefined) created += 1;
  }
  return created;
}
