import { describe, expect, it } from 'vitest';
import { ManualClock, MdmStoreWorld } from '../../test/mdm-server/store-world.js';
import { forEachDatabase } from '../../test/store/harness.js';
import { pruneQueue } from './queue-pruning.js';

const DAY_MS = 86_400_000;
const RETENTION_DAYS = 30;
const clock = new ManualClock(new Date('2026-01-05T08:00:00Z'));

forEachDatabase(
  (context) => {
    const world = new MdmStoreWorld(() => context.database(), clock);
    const prune = () => pruneQueue(context.database().repositories.mdmQueue, clock, RETENTION_DAYS);

    describe('pruneQueue', () => {
      it('removes answered rows once the retention has passed, and the commands no row names any more', async () => {
        const og = await world.og();
        const [a, b] = [await world.enroll(og), await world.enroll(og)];
        const start = clock.now();
        const answered = await world.queue([a, b]);
        const open = await world.queue([a]);
        const refused = await world.queue([b]);
        await world.checkIn(a);
        await world.answer(a, answered, 'acknowledged');
        await world.checkIn(b);
        await world.answer(b, answered, 'error');
        expect(await world.checkIn(b)).toBe(refused.uuid);
        await world.answer(b, refused, 'format_error');
        // A's second command stays open: the device took it and never answered.
        expect(await world.checkIn(a)).toBe(open.uuid);

        clock.set(new Date(start.getTime() + 10 * DAY_MS));
        const later = await world.queue([a]);
        await world.checkIn(a);
        await world.answer(a, later, 'acknowledged');

        // Day 30: the first answers are not older than the retention yet.
        clock.set(new Date(start.getTime() + RETENTION_DAYS * DAY_MS));
        expect(await prune()).toEqual({ queueRows: 0, commands: 0 });

        clock.set(new Date(start.getTime() + (RETENTION_DAYS + 1) * DAY_MS));
        expect(await prune()).toEqual({ queueRows: 3, commands: 2 });
        expect(await world.queueOf(a)).toEqual([
          [open.id, 'sent'],
          [later.id, 'acknowledged'],
        ]);
        expect(await world.queueOf(b)).toEqual([]);
        expect(await world.storedCommands([answered.id, open.id, refused.id, later.id])).toEqual([open.id, later.id]);

        clock.set(new Date(start.getTime() + (RETENTION_DAYS + 11) * DAY_MS));
        expect(await prune()).toEqual({ queueRows: 1, commands: 1 });
        expect(await world.queueOf(a)).toEqual([[open.id, 'sent']]);
        expect(await world.storedCommands([open.id, later.id])).toEqual([open.id]);
      });

      it('keeps commands waiting for a device, however old: pending and NotNow are not finished', async () => {
        const og = await world.og();
        const [locked, off] = [await world.enroll(og), await world.enroll(og)];
        const install = await world.queue([locked, off]);
        await world.checkIn(locked);
        await world.answer(locked, install, 'not_now');
        clock.advance(400 * DAY_MS);
        await prune();
        expect(await world.queueOf(locked)).toEqual([[install.id, 'not_now']]);
        expect(await world.queueOf(off)).toEqual([[install.id, 'pending']]);
        expect(await world.storedCommands([install.id])).toEqual([install.id]);
      });

      it('removes a command that reached no device once the retention has passed', async () => {
        const nobody = await world.queue([]);
        clock.advance((RETENTION_DAYS - 1) * DAY_MS);
        await prune();
        expect(await world.storedCommands([nobody.id])).toEqual([nobody.id]);
        clock.advance(2 * DAY_MS);
        await prune();
        expect(await world.storedCommands([nobody.id])).toEqual([]);
      });
    });
  },
  { clock: clock.store },
);
