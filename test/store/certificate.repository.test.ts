import { describe, expect, it } from 'vitest';
import { CertificateRepository } from '../../src/store/certificate.repository.js';
import { certificateInput, createProfile, createScopedOg, day, defined } from './builders.js';
import { forEachDatabase } from './harness.js';
import { collectAll } from './paging.js';

forEachDatabase((context) => {
  const repositories = () => context.database().repositories;

  describe('upsert', () => {
    it('stores a fingerprint once per OG, whatever the hex case', async () => {
      const { certificates } = repositories();
      const acme = await createScopedOg(repositories());
      const input = certificateInput();
      const first = defined(await certificates.upsert(acme.scope, acme.og.id, input));
      const again = await certificates.upsert(acme.scope, acme.og.id, { ...input, sha256: input.sha256.toUpperCase() });
      expect(again).toEqual(first);
      expect(first).toMatchObject({ ogId: acme.og.id, sha256: input.sha256, notAfter: input.notAfter, teamId: 'ABCDE12345' });
      expect(await certificates.findByFingerprint(acme.scope, input.sha256)).toEqual([first]);
    });

    it('keeps one copy per OG, each seen from its own subtree', async () => {
      const { certificates } = repositories();
      const acme = await createScopedOg(repositories());
      const east = await createScopedOg(repositories(), acme);
      const globex = await createScopedOg(repositories());
      const input = certificateInput({ teamId: undefined });
      const inAcme = defined(await certificates.upsert(acme.scope, acme.og.id, input));
      const inEast = defined(await certificates.upsert(east.scope, east.og.id, input));
      expect(inEast.id).not.toBe(inAcme.id);
      expect(inEast.teamId).toBeUndefined();
      expect((await certificates.findByFingerprint(acme.scope, input.sha256)).map((c) => c.id)).toEqual([inAcme.id, inEast.id]);
      expect(await certificates.findByFingerprint(east.scope, input.sha256)).toEqual([inEast]);
      expect(await certificates.findByFingerprint(globex.scope, input.sha256)).toEqual([]);
      expect(await certificates.get(globex.scope, inAcme.id)).toBeUndefined();
    });

    it('refuses an OG outside the scope', async () => {
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      expect(await repositories().certificates.upsert(acme.scope, globex.og.id, certificateInput())).toBeUndefined();
    });
  });

  describe('reads', () => {
    it("lists a profile's certificates, earliest expiry first", async () => {
      const { certificates, profiles } = repositories();
      const acme = await createScopedOg(repositories());
      const globex = await createScopedOg(repositories());
      const late = defined(await certificates.upsert(acme.scope, acme.og.id, certificateInput({ notAfter: day(900) })));
      const early = defined(await certificates.upsert(acme.scope, acme.og.id, certificateInput({ notAfter: day(30) })));
      const { profile } = await createProfile(repositories(), acme);
      const withTwo = await createProfile(repositories(), acme, { certificateIds: [late.id, early.id, late.id] });
      expect(await certificates.listForProfile(acme.scope, withTwo.profile.id)).toEqual([early, late]);
      expect(await certificates.listForProfile(acme.scope, profile.id)).toHaveLength(1);
      expect(await certificates.listForProfile(globex.scope, profile.id)).toBeUndefined();
      expect((await profiles.list(acme.scope, { certificateId: early.id })).items.map((p) => p.id)).toEqual([withTwo.profile.id]);
    });

    it('pages by expiry through equal dates, with filters', async () => {
      const acme = await createScopedOg(repositories());
      const certificates = new CertificateRepository(context.database().kysely);
      const ids: number[] = [];
      for (const notAfter of [day(50), day(10), day(50), day(50), day(10), day(70)]) {
        ids.push(defined(await certificates.upsert(acme.scope, acme.og.id, certificateInput({ notAfter }))).id);
      }
      await certificates.upsert(acme.scope, acme.og.id, certificateInput({ notAfter: day(20), teamId: 'OTHERTEAM1' }));
      const listed = await collectAll((page) => certificates.list(acme.scope, { teamId: 'ABCDE12345' }, { ...page, limit: 2 }));
      const expected = [ids[1], ids[4], ids[0], ids[2], ids[3], ids[5]];
      expect(listed.map((certificate) => certificate.id)).toEqual(expected);
      const soon = await certificates.list(acme.scope, { expiringBefore: day(50) });
      expect(soon.items.map((certificate) => certificate.notAfter)).toEqual([day(10), day(10), day(20)]);
    });
  });
});
