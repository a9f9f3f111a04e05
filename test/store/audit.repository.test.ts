import { describe, expect, it } from 'vitest';
import { AuditRepository } from '../../src/store/audit.repository.js';
import type { NewAuditEntry } from '../../src/store/audit.repository.js';
import { createScopedOg, day } from './builders.js';
import type { ScopedOg } from './builders.js';
import { forEachDatabase } from './harness.js';
import { collectAll } from './paging.js';

function entry(og: ScopedOg, overrides: Partial<NewAuditEntry> = {}): NewAuditEntry {
  return { actor: { kind: 'admin', id: 7 }, action: 'profile.upload', ogId: og.og.id, at: day(1), ...overrides };
}

forEachDatabase((context) => {
  const repositories = () => context.database().repositories;

  describe('audit log', () => {
    it('appends entries and reads them back whole', async () => {
      const acme = await createScopedOg(repositories());
      const written = await repositories().audit.append(
        entry(acme, {
          actor: { kind: 'token', id: 3 },
          objectType: 'profile',
          objectId: 42,
          remoteAddress: '203.0.113.9',
          details: { uuid: 'A1B2', devices: 1200, apps: ['com.acme.app'] },
        }),
      );
      const system = await repositories().audit.append(entry(acme, { actor: { kind: 'system' }, action: 'profile.expire', at: day(2) }));
      expect(written).toMatchObject({ actor: { kind: 'token', id: 3 }, objectId: 42, details: { uuid: 'A1B2', devices: 1200, apps: ['com.acme.app'] } });
      expect(system).toMatchObject({ actor: { kind: 'system' }, objectType: undefined, details: undefined, remoteAddress: undefined });
      expect((await repositories().audit.list(acme.scope)).items).toEqual([system, written]);
    });

    it('shows entries from the OG and below only', async () => {
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      const globex = await createScopedOg(repositories());
      const inAcme = await repositories().audit.append(entry(acme));
      const inEast = await repositories().audit.append(entry(east));
      const { audit } = repositories();
      expect((await audit.list(acme.scope)).items.map((e) => e.id).sort()).toEqual([inAcme.id, inEast.id].sort());
      expect((await audit.list(east.scope)).items).toEqual([inEast]);
      expect((await audit.list(globex.scope)).items).toEqual([]);
    });

    it('keeps the entries of a deleted OG visible from where it was, and only there', async () => {
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      const globex = await createScopedOg(repositories());
      const inEast = await repositories().audit.append(entry(east, { action: 'og.delete' }));
      expect(await repositories().ogs.delete(acme.scope, east.og.id)).toBe(true);
      const { audit } = repositories();
      expect((await audit.list(acme.scope)).items).toEqual([inEast]);
      expect((await audit.list(globex.scope)).items).toEqual([]);
    });

    it('pages newest first through equal timestamps, with filters', async () => {
      const acme = await createScopedOg(repositories());
      const audit = new AuditRepository(context.database().kysely);
      const ids: number[] = [];
      for (const [at, action] of [[1, 'a'], [2, 'b'], [2, 'a'], [2, 'a'], [3, 'b']] as const) {
        ids.push((await audit.append(entry(acme, { at: day(at), action, actor: { kind: 'admin', id: at } }))).id);
      }
      const listed = await collectAll((page) => audit.list(acme.scope, {}, { ...page, limit: 2 }));
      expect(listed.map((e) => e.id)).toEqual([ids[4], ids[3], ids[2], ids[1], ids[0]]);
      const filtered = await audit.list(acme.scope, { action: 'a', since: day(2), until: day(3), actor: { kind: 'admin', id: 2 } });
      expect(filtered.items.map((e) => e.id)).toEqual([ids[3], ids[2]]);
      expect((await audit.list(acme.scope, { actor: { kind: 'system' } })).items).toEqual([]);
    });

    it('refuses an admin or token actor without an id at the database level', async () => {
      const acme = await createScopedOg(repositories());
      const row = { actor_kind: 'admin', actor_id: null, action: 'x', og_id: acme.og.id, at: 0 };
      await expect(context.database().kysely.insertInto('audit_log').values(row).execute()).rejects.toThrow();
    });

    it('offers no way to change or remove an entry', () => {
      const methods = Object.getOwnPropertyNames(AuditRepository.prototype).filter((name) => name !== 'constructor');
      expect(methods.sort()).toEqual(['append', 'list']);
    });
  });
});
