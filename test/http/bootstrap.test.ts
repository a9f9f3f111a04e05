import { describe, expect, it } from 'vitest';
import { AuditTrail } from '../../src/services/audit/audit-trail.js';
import { bootstrapAdmin } from '../../src/services/auth/bootstrap.js';
import { verifyPassword } from '../../src/services/auth/password.js';
import type { Database } from '../../src/store/database.js';
import { availableDialects, createTestDatabase } from '../store/harness.js';
import { testClock } from './harness.js';

async function withDatabase(dialect: 'sqlite' | 'postgres', test: (database: Database) => Promise<void>): Promise<void> {
  const created = await createTestDatabase(dialect);
  try {
    await test(created.database);
  } finally {
    await created.dispose();
  }
}

function bootstrap(database: Database, password: string | undefined, printed: string[]) {
  return bootstrapAdmin({ database, audit: new AuditTrail(testClock()), password, print: (text) => void printed.push(text) });
}

describe.each(availableDialects())('first admin on %s', (dialect) => {
  it('is created in Global with a random password printed once', async () => {
    await withDatabase(dialect, async (database) => {
      const printed: string[] = [];
      const result = await bootstrap(database, undefined, printed);
      const global = await database.repositories.ogs.rootScope();
      expect(result).toMatchObject({ created: true, admin: { username: 'admin', role: 'system', homeOgId: global.ogId } });
      const password = /password: (\S+)/.exec(printed.join(''))?.[1] ?? '';
      expect(password.length).toBeGreaterThanOrEqual(20);
      const credentials = await database.repositories.admins.findForLogin('admin');
      expect(await verifyPassword(password, credentials?.passwordHash ?? '')).toBe(true);
      expect(await bootstrap(database, undefined, printed)).toEqual({ created: false });
      expect(printed.join('').match(/password:/g)).toHaveLength(1);
      const audit = await database.repositories.audit.list(global, { action: 'admin.bootstrap' });
      expect(audit.items).toMatchObject([{ actor: { kind: 'system' }, objectId: credentials?.admin.id }]);
    });
  });

  it('uses PROVISIO_ADMIN_PASSWORD when given, printing nothing', async () => {
    await withDatabase(dialect, async (database) => {
      const printed: string[] = [];
      await bootstrap(database, 'given admin password', printed);
      const credentials = await database.repositories.admins.findForLogin('admin');
      expect(await verifyPassword('given admin password', credentials?.passwordHash ?? '')).toBe(true);
      expect(printed).toEqual([]);
    });
  });

  it('creates one admin when several servers start at once', async () => {
    await withDatabase(dialect, async (database) => {
      const printed: string[] = [];
      const results = await Promise.all([1, 2, 3].map(() => bootstrap(database, undefined, printed)));
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(printed.join('').match(/password:/g)).toHaveLength(1);
      const global = await database.repositories.ogs.rootScope();
      expect((await database.repositories.admins.list(global)).items).toHaveLength(1);
    });
  });
});
