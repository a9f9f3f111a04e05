import type { Kysely } from 'kysely';
import { AdminRepository } from './admin.repository.js';
import { AppVersionRepository } from './app-version.repository.js';
import { AppRepository } from './app.repository.js';
import { AuditRepository } from './audit.repository.js';
import { CertificateRepository } from './certificate.repository.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { DeviceRepository } from './device.repository.js';
import { OgRepository } from './og.repository.js';
import { ProfileRepository } from './profile.repository.js';
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
}

/** Builds the repositories over `db`, which may be a transaction. */
export function createRepositories(db: Kysely<StoreSchema>, clock: Clock = systemClock): Repositories {
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
  };
}
