import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/http/errors.js';
import { ExpiryListingService } from '../../src/services/lifecycle/expiry-listing.service.js';
import { forEachDatabase } from '../store/harness.js';
import { appExpiringAt, createScopedOg, inDays, manualClock, NOW } from '../lifecycle/world.js';
import { callerIn } from './callers.js';

const DAY_MS = 86_400_000;

forEachDatabase((context) => {
  describe('what expires within N days', () => {
    it('lists profiles, certificates and apps of the scope with days left and devices, soonest first', async () => {
      const database = context.database();
      const parent = await createScopedOg(database.repositories);
      const child = await createScopedOg(database.repositories, parent);
      const stranger = await createScopedOg(database.repositories);
      const soon = await appExpiringAt(database, child, inDays(20), 3);
      const later = await appExpiringAt(database, parent, inDays(45), 1);
      await appExpiringAt(database, parent, inDays(90), 2);
      const elsewhere = await appExpiringAt(database, stranger, inDays(10), 1);
      const listing = new ExpiryListingService({ database, clock: manualClock(NOW) });

      const report = await listing.expiring(callerIn(parent), 60, undefined);
      expect(report.profiles.map((row) => [row.id, row.daysLeft, row.apps, row.devices])).toEqual([
        [soon.profile.id, 20, 1, 3],
        [later.profile.id, 45, 1, 1],
      ]);
      expect(report.apps.map((row) => [row.id, row.ogId, row.daysLeft, row.devices])).toEqual([
        [soon.app.id, child.og.id, 20, 3],
        [later.app.id, parent.og.id, 45, 1],
      ]);
      expect(report).toMatchObject({ withinDays: 60, certificates: [], truncated: false });

      const narrowed = await listing.expiring(callerIn(parent), 30, child.og.id);
      expect(narrowed.profiles.map((row) => row.id)).toEqual([soon.profile.id]);
      expect((await listing.expiring(callerIn(stranger), 60, undefined)).apps.map((row) => row.id)).toEqual([elsewhere.app.id]);
    });

    it('lists an expiring certificate with the apps it signed, and what has expired', async () => {
      const database = context.database();
      const og = await createScopedOg(database.repositories);
      // The profile outlives its certificate, so the certificate decides when the app stops.
      const { certificate, app } = await appExpiringAt(database, og, inDays(400), 2);
      const clock = manualClock(new Date(certificate.notAfter.getTime() + 2 * DAY_MS));
      const report = await new ExpiryListingService({ database, clock }).expiring(callerIn(og), 7, undefined);
      expect(report.certificates.map((row) => [row.id, row.daysLeft, row.apps, row.devices])).toEqual([[certificate.id, -2, 1, 2]]);
      expect(report.apps.map((row) => [row.id, row.daysLeft])).toEqual([[app.id, -2]]);
    });

    it('answers 404 for a group outside the scope', async () => {
      const database = context.database();
      const og = await createScopedOg(database.repositories);
      const stranger = await createScopedOg(database.repositories);
      const listing = new ExpiryListingService({ database, clock: manualClock(NOW) });
      await expect(listing.expiring(callerIn(og), 60, stranger.og.id)).rejects.toSatisfy((error) => error instanceof ApiError && error.status === 404);
    });
  });
});
