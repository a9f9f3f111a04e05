import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MdmSettings } from '../../config/server-config.js';
import type { BlobStore } from '../../io/blob-store.js';
import { startMdmJobs } from '../../jobs/mdm-jobs.js';
import type { RunningJob } from '../../jobs/periodic-job.js';
import { AuditTrail } from '../../services/audit/audit-trail.js';
import type { Clock } from '../../services/auth/clock.js';
import type { Database } from '../../store/database.js';
import { ApnsClient, type PushOutcome, type PushSender, type PushTarget } from '../apns/index.js';
import { FileCaStore, loadOrCreateEnrollmentCa, type EnrollmentCa } from '../enrollment/index.js';
import { AppDownloads } from './app-downloads.js';
import { AppInstallService } from './app-install.service.js';
import { CheckInService } from './check-in.service.js';
import { CommandBuilder } from './command-requests.js';
import { CommandQueueService } from './command.service.js';
import { ConnectService } from './connect.service.js';
import type { DeviceIdentityOptions } from './device-identity.js';
import { DownloadLinks } from './download-links.js';
import { EnrollmentService } from './enrollment.service.js';
import { PushDispatcher } from './push-dispatcher.js';

/** What the MDM server is built from. */
export interface MdmRuntimeDeps {
  readonly config: { readonly dataDir: string; readonly publicBaseUrl: string; readonly mdm: MdmSettings };
  readonly database: Database;
  readonly blobs: BlobStore;
  readonly clock: Clock;
  /** Pushes; an APNs client from the settings when absent. */
  readonly pushSender?: PushSender;
  readonly log: { warn(details: object, message: string): void };
}

/** The MDM server's services, and the background work to start and stop with the HTTP server. */
export interface MdmRuntime {
  readonly ca: EnrollmentCa;
  readonly identity: DeviceIdentityOptions;
  readonly checkIns: CheckInService;
  readonly connects: ConnectService;
  readonly commands: CommandQueueService;
  readonly builder: CommandBuilder;
  readonly installs: AppInstallService;
  readonly downloads: AppDownloads;
  readonly links: DownloadLinks;
  readonly enrollment: EnrollmentService;
  readonly pushes: PushDispatcher;
  startJobs(): void;
  /** Stops the jobs, lets scheduled pushes finish, closes the APNs session. */
  stop(): Promise<void>;
}

/** Loads (or creates, on first start) the enrollment CA and download secret, and wires the services. */
export async function createMdmRuntime(deps: MdmRuntimeDeps): Promise<MdmRuntime> {
  const { config, database, blobs, clock } = deps;
  const mdmDir = join(config.dataDir, 'mdm');
  const ca = await loadOrCreateEnrollmentCa(new FileCaStore(join(mdmDir, 'enrollment-ca.pem')));
  const links = await DownloadLinks.open(join(mdmDir, 'download-secret'), config.publicBaseUrl);
  const apns = deps.pushSender === undefined ? apnsFromSettings(config.mdm) : undefined;
  const sender = deps.pushSender ?? apns ?? unconfiguredPush;
  const onError = (error: unknown) => deps.log.warn({ err: error }, 'MDM background work failed');
  const pushes = new PushDispatcher({ enrollments: database.repositories.mdmEnrollments, sender, clock, onError });
  const commands = new CommandQueueService({ database, pushes, audit: new AuditTrail(clock) });
  const builder = new CommandBuilder({ database, blobs });
  let jobs: RunningJob | undefined;
  return {
    ca,
    identity: { enrollmentCa: ca.trustAnchors(), forwardedCertificateHeader: config.mdm.clientCertificateHeader },
    checkIns: new CheckInService({ database, clock }),
    connects: new ConnectService({ database, clock, log: (message, details) => deps.log.warn(details, message) }),
    commands,
    builder,
    installs: new AppInstallService({ database, profiles: builder, links, queue: commands, clock }),
    downloads: new AppDownloads({ database, blobs, links }),
    links,
    enrollment: new EnrollmentService({ database, ca, settings: { publicBaseUrl: config.publicBaseUrl, topic: config.mdm.topic } }),
    pushes,
    startJobs() {
      const { pushSweepSeconds, queueRetentionDays } = config.mdm;
      jobs ??= startMdmJobs({ repositories: database.repositories, sender, clock, pushSweepSeconds, queueRetentionDays, onError });
    },
    async stop() {
      await jobs?.stop();
      await pushes.idle();
      await apns?.close();
    },
  };
}

function apnsFromSettings(settings: MdmSettings): ApnsClient | undefined {
  if (settings.pushCertificateFile === undefined || settings.pushKeyFile === undefined) return undefined;
  return new ApnsClient({
    origin: settings.apnsOrigin,
    certificate: readFileSync(settings.pushCertificateFile),
    privateKey: readFileSync(settings.pushKeyFile),
  });
}

/** Without a push certificate nothing can be pushed: devices still get commands when they check in. */
const unconfiguredPush: PushSender = {
  push: (targets: readonly PushTarget[]) =>
    Promise.resolve(
      targets.map(
        (target): PushOutcome => ({
          status: 'failed',
          target,
          reason: 'no MDM push certificate is configured',
          statusCode: undefined,
          retryable: false,
          attempts: 0,
        }),
      ),
    ),
};
