import type { Kysely } from 'kysely';
import { AdminRepository } from './admin.repository.js';
import { AlertCalendarRepository } from './alert-calendar.repository.js';
import { AlertChannelRepository } from './alert-channel.repository.js';
import { AlertDeliveryRepository } from './alert-delivery.repository.js';
import { AppVersionRepository } from './app-version.repository.js';
import { AppRepository } from './app.repository.js';
import { AuditRepository } from './audit.repository.js';
import { CertificateRepository } from './certificate.repository.js';
import { CleanupRepository } from './cleanup.repository.js';
import type { Clock } from './clock.js';
import type { CommandCache } from './command-cache.js';
import { systemClock } from './clock.js';
import { DeviceRepository } from './device.repository.js';
import { ExpiryListingRepository } from './expiry-listing.repository.js';
import { ExpiryScanRepository } from './expiry-scan.repository.js';
import { ExpiryRepository } from './expiry.repository.js';
import { MdmEnrollmentRepository } from './mdm-enrollment.repository.js';
import { MdmLeaseRepository } from './mdm-lease.repository.js';
import { MdmQueueRepository } from './mdm-queue.repository.js';
import { DeviceNoticeRepository } from './notice-device.repository.js';
import { NoticeRepository } from './notice.repository.js';
import { OgRepository } from './og.repository.js';
import { ProfileRepository } from './profile.repository.js';
import { RenewalRepository } from './renewal.repository.js';
import type { StoreSchema } from './schema.js';
import { SessionRepository } from './session.repository.js';
import { TokenRepository } from './token.repository.js';

/** One of each repository, all on the same connection or transaction. */
export interface Repositories {
  readonly ogs: OgRepository;
  readonly admins: AdminRepository;
  readonly sessions: SessionRepository;
  readonly tokens: TokenRepository;
  readonly certificates: CertificateRepository;
  readonly profiles: ProfileRepository;
  readonly apps: AppRepository;
  readonly appVersions: AppVersionRepository;
  readonly devices: DeviceRepository;
  readonly audit: AuditRepository;
  readonly mdmEnrollments: MdmEnrollmentRepository;
  readonly mdmQueue: MdmQueueRepository;
  readonly mdmLeases: MdmLeaseRepository;
  readonly expiry: ExpiryRepository;
  readonly expiryScan: ExpiryScanRepository;
  readonly expiryListing: ExpiryListingRepository;
  readonly cleanup: CleanupRepository;
  readonly notices: NoticeRepository;
  readonly deviceNotices: DeviceNoticeRepository;
  readonly alertChannels: AlertChannelRepository;
  readonly alertDeliveries: AlertDeliveryRepository;
  readonly alertCalendars: AlertCalendarRepository;
  readonly renewals: RenewalRepository;
}

/** What repositories may share across connections and transactions of one database. */
export interface RepositoryCaches {
  readonly commands?: CommandCache;
}

/** Builds the repositories over `db`, which may be a transaction. */
export function createRepositories(db: Kysely<StoreSchema>, clock: Clock = systemClock, caches: RepositoryCaches = {}): Repositories {
  return {
    ogs: new OgRepository(db, clock),
    admins: new AdminRepository(db, clock),
    sessions: new SessionRepository(db, clock),
    tokens: new TokenRepository(db, clock),
    certificates: new CertificateRepository(db, clock),
    profiles: new ProfileRepository(db),
    apps: new AppRepository(db, clock),
    appVersions: new AppVersionRepository(db),
    devices: new DeviceRepository(db),
    audit: new AuditRepository(db),
    mdmEnrollments: new MdmEnrollmentRepository(db, clock),
    mdmQueue: new MdmQueueRepository(db, clock, caches.commands),
    mdmLeases: new MdmLeaseRepository(db),
    expiry: new ExpiryRepository(db),
    expiryScan: new ExpiryScanRepository(db),
    expiryListing: new ExpiryListingRepository(db),
    cleanup: new CleanupRepository(db),
    notices: new NoticeRepository(db),
    deviceNotices: new DeviceNoticeRepository(db),
    alertChannels: new AlertChannelRepository(db),
    alertDeliveries: new AlertDeliveryRepository(db),
    alertCalendars: new AlertCalendarRepository(db),
    renewals: new RenewalRepository(db),
  };
}
