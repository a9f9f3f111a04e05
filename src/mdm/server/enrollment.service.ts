import { randomUUID } from 'node:crypto';
import { notFound } from '../../http/errors.js';
import type { Database } from '../../store/database.js';
import type { Scope } from '../../store/scope.js';
import { issueEnrollmentProfile, type EnrollmentCa } from '../enrollment/index.js';

/** Where devices reach Provisio and which push topic they listen on. */
export interface EnrollmentSettings {
  readonly publicBaseUrl: string;
  readonly topic: string;
}

/**
 * Enrollment profiles per OG: each download carries a fresh device identity whose certificate
 * names the OG, so the device's Authenticate lands it there.
 */
export class EnrollmentService {
  constructor(
    private readonly deps: {
      readonly database: Pick<Database, 'repositories'>;
      readonly ca: EnrollmentCa;
      readonly settings: EnrollmentSettings;
    },
  ) {}

  /** A .mobileconfig enrolling a device into OG `ogId`; 404 for an OG outside `scope`. */
  async profileFor(scope: Scope, ogId: number): Promise<Uint8Array> {
    const og = await this.deps.database.repositories.ogs.get(scope, ogId);
    if (og === undefined) throw notFound('organization group');
    const base = this.deps.settings.publicBaseUrl;
    const issued = await issueEnrollmentProfile(this.deps.ca, {
      serverUrl: `${base}/mdm/connect`,
      checkInUrl: `${base}/mdm/checkin`,
      topic: this.deps.settings.topic,
      og: { id: og.id, name: og.name },
      name: `${og.name} devices`,
      description: 'Lets your organization install and renew its in-house apps.',
      udidHint: randomUUID(),
    });
    return issued.mobileconfig;
  }
}
