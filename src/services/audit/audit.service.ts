import type { AuditEntry } from '../../domain/model.js';
import { notFound } from '../../http/errors.js';
import type { AuditFilter } from '../../store/audit.repository.js';
import type { Database } from '../../store/database.js';
import type { Page, PageRequest } from '../../store/pagination.js';
import type { Caller } from '../auth/actor.js';

/** An audit query: the store's filters, plus an OG whose subtree the entries come from. */
export interface AuditQuery extends AuditFilter {
  readonly ogId?: number;
}

export interface AuditServiceDeps {
  readonly database: Pick<Database, 'repositories'>;
}

/** Reading the audit log, newest first, as far as the caller's scope reaches. */
export class AuditService {
  constructor(private readonly deps: AuditServiceDeps) {}

  async list(caller: Caller, query: AuditQuery, page: PageRequest): Promise<Page<AuditEntry>> {
    const { ogs, audit } = this.deps.database.repositories;
    const { ogId, ...filter } = query;
    const scope = ogId === undefined ? caller.actor.scope : await ogs.narrow(caller.actor.scope, ogId);
    if (scope === undefined) throw notFound('organization group');
    return audit.list(scope, filter, page);
  }
}
