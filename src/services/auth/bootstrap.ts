import { randomBytes } from 'node:crypto';
import type { Admin } from '../../domain/model.js';
import type { Database } from '../../store/database.js';
import { isStoreError } from '../../store/errors.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { hashPassword } from './password.js';

/** The first admin's username. */
export const BOOTSTRAP_USERNAME = 'admin';

export interface BootstrapOptions {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly audit: AuditTrail;
  /** PROVISIO_ADMIN_PASSWORD; a random password is made (and printed) when absent. */
  readonly password: string | undefined;
  /** Where a generated password is shown once: stdout, never the log. */
  readonly print: (line: string) => void;
}

/** What bootstrapping did: nothing when an admin already existed. */
export type BootstrapResult = { readonly created: false } | { readonly created: true; readonly admin: Admin };

/**
 * On a database without admins, creates `admin` with the `system` role in Global. Safe when
 * several servers start at once on one database: the losers of the race find the username
 * taken and do nothing (and print nothing).
 */
export async function bootstrapAdmin(options: BootstrapOptions): Promise<BootstrapResult> {
  const { repositories } = options.database;
  const global = await repositories.ogs.rootScope();
  if ((await repositories.admins.list(global, {}, { limit: 1 })).items.length > 0) return { created: false };
  const password = options.password ?? randomBytes(18).toString('base64url');
  const admin = await createAdmin(options, password).catch((error: unknown) => {
    if (isStoreError(error) && error.code === 'store.duplicate') return undefined;
    throw error;
  });
  if (admin === undefined) return { created: false };
  if (options.password === undefined) {
    options.print(`Created the first admin "${BOOTSTRAP_USERNAME}" with password: ${password}\n`);
    options.print('This password is shown only once. Log in and change it.\n');
  }
  return { created: true, admin };
}

async function createAdmin(options: BootstrapOptions, password: string): Promise<Admin> {
  const passwordHash = await hashPassword(password);
  return options.database.transaction(async (repositories) => {
    const global = await repositories.ogs.rootScope();
    const input = { username: BOOTSTRAP_USERNAME, passwordHash, role: 'system', homeOgId: global.ogId } as const;
    const admin = await repositories.admins.create(global, input);
    if (admin === undefined) throw new Error('Global is missing: the database is not migrated');
    const change = { action: 'admin.bootstrap', objectType: 'admin', objectId: admin.id, ogId: global.ogId };
    await options.audit.recordAs(repositories, { actor: { kind: 'system' }, remoteAddress: undefined }, change);
    return admin;
  });
}
