import type { Kysely, Selectable } from 'kysely';
import type { Certificate } from '../domain/model.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { paginate, toPage } from './pagination.js';
import type { Page, PageRequest, SortOrder } from './pagination.js';
import type { CertificateTable, StoreSchema } from './schema.js';
import { inScope } from './scope.js';
import type { Scope } from './scope.js';
import { ogInScope } from './sql-filters.js';
import { fromMillis, orNull, orUndefined, toMillis } from './values.js';

/** A certificate as read from a profile's DeveloperCertificates. */
export interface CertificateInput {
  /** Hex SHA-256 of the DER encoding, any case; stored lowercase. */
  readonly sha256: string;
  readonly sha1: string;
  readonly commonName: string;
  readonly teamId?: string;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

export interface CertificateFilter {
  /** Only certificates whose notAfter is before this instant. */
  readonly expiringBefore?: Date;
  readonly teamId?: string;
}

const BY_EXPIRY: SortOrder = {
  name: 'expiry',
  column: 'certificates.not_after',
  idColumn: 'certificates.id',
  direction: 'asc',
};

type CertificateRow = Selectable<CertificateTable>;

function toCertificate(row: CertificateRow): Certificate {
  return {
    id: row.id,
    ogId: row.og_id,
    sha256: row.sha256,
    sha1: row.sha1,
    commonName: row.common_name,
    teamId: orUndefined(row.team_id),
    serialNumber: row.serial_number,
    notBefore: fromMillis(row.not_before),
    notAfter: fromMillis(row.not_after),
  };
}

/** Distribution certificates, deduplicated by fingerprint within each OG. */
export class CertificateRepository {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Stores the certificate in the OG unless that OG already holds its fingerprint, and returns
   * the stored one either way: uploading the same certificate twice yields one row.
   */
  async upsert(scope: Scope, ogId: number, input: CertificateInput): Promise<Certificate | undefined> {
    if (!(await ogInScope(this.db, scope, ogId))) {
      return undefined;
    }
    const sha256 = input.sha256.toLowerCase();
    await this.db
      .insertInto('certificates')
      .values({
        og_id: ogId,
        sha256,
        sha1: input.sha1.toLowerCase(),
        common_name: input.commonName,
        team_id: orNull(input.teamId),
        serial_number: input.serialNumber,
        not_before: toMillis(input.notBefore),
        not_after: toMillis(input.notAfter),
        created_at: this.clock().getTime(),
      })
      .onConflict((conflict) => conflict.columns(['og_id', 'sha256']).doNothing())
      .execute();
    const row = await this.db
      .selectFrom('certificates')
      .selectAll()
      .where('og_id', '=', ogId)
      .where('sha256', '=', sha256)
      .executeTakeFirstOrThrow();
    return toCertificate(row);
  }

  async get(scope: Scope, id: number): Promise<Certificate | undefined> {
    const row = await this.db
      .selectFrom('certificates')
      .selectAll()
      .where('id', '=', id)
      .where(inScope(scope, 'certificates.og_id'))
      .executeTakeFirst();
    return row === undefined ? undefined : toCertificate(row);
  }

  /** Every stored copy of a fingerprint in scope (one per OG), oldest first. */
  async findByFingerprint(scope: Scope, sha256: string): Promise<Certificate[]> {
    const rows = await this.db
      .selectFrom('certificates')
      .selectAll()
      .where('sha256', '=', sha256.toLowerCase())
      .where(inScope(scope, 'certificates.og_id'))
      .orderBy('id')
      .execute();
    return rows.map(toCertificate);
  }

  /** The certificates a profile in scope carries, earliest expiry first; undefined when the profile is not in scope. */
  async listForProfile(scope: Scope, profileId: number): Promise<Certificate[] | undefined> {
    const profile = await this.db
      .selectFrom('profiles')
      .select('id')
      .where('id', '=', profileId)
      .where(inScope(scope, 'profiles.og_id'))
      .executeTakeFirst();
    if (profile === undefined) {
      return undefined;
    }
    const rows = await this.db
      .selectFrom('certificates')
      .innerJoin('profile_certificates', 'profile_certificates.certificate_id', 'certificates.id')
      .selectAll('certificates')
      .where('profile_certificates.profile_id', '=', profileId)
      .where(inScope(scope, 'certificates.og_id'))
      .orderBy('certificates.not_after')
      .orderBy('certificates.id')
      .execute();
    return rows.map(toCertificate);
  }

  /** Certificates in scope, earliest expiry first. */
  async list(scope: Scope, filter: CertificateFilter = {}, page: PageRequest = {}): Promise<Page<Certificate>> {
    let query = this.db.selectFrom('certificates').selectAll().where(inScope(scope, 'certificates.og_id'));
    if (filter.expiringBefore !== undefined) {
      query = query.where('not_after', '<', toMillis(filter.expiringBefore));
    }
    if (filter.teamId !== undefined) {
      query = query.where('team_id', '=', filter.teamId);
    }
    const rows = await paginate(query, BY_EXPIRY, page).execute();
    return toPage(rows, BY_EXPIRY, page, (row) => [row.not_after, row.id], toCertificate);
  }
}
