import { beforeEach, describe, expect, it } from 'vitest';
import { RecordingPushSender } from '../../test/mdm-server/harness.js';
import { ManualClock, MdmStoreWorld, type StoredDevice } from '../../test/mdm-server/store-world.js';
import { forEachDatabase } from '../../test/store/harness.js';
import { unique } from '../../test/http/fixtures.js';
import { runIfLeased } from './periodic-job.js';
import { sweepPushes } from './push-sweep.js';

const SECOND = 1000;
const REPUSH_AFTER_MS = 60 * SECOND;
const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
let sender: RecordingPushSender;

beforeEach(() => {
  sender = new RecordingPushSender();
});

forEachDatabase(
  (context) => {
    const world = new MdmStoreWorld(() => context.database(), clock);
    const sweep = (batchSize?: number) =>
      sweepPushes({ enrollments: context.database().repositories.mdmEnrollments, sender, clock, repushAfterMs: REPUSH_AFTER_MS, batchSize });
    const pushedTokens = () => sender.pushes.map((push) => push.token);
    const tokensOf = (devices: readonly StoredDevice[]) => devices.map((device) => device.token);

    describe('sweepPushes', () => {
      // The sweep reads the whole database: each test starts with nothing queued.
      beforeEach(() => world.emptyQueue());

      it('pushes devices with commands queued since they last checked in, and none of the others', async () => {
        const og = await world.og();
        const silent = await world.enroll(og);
        const checkedIn = await world.enroll(og);
        const answered = await world.enroll(og);
        const invalid = await world.enroll(og);
        const checkedOut = await world.enroll(og);
        await world.enroll(og); // and one with nothing queued
        clock.advance(SECOND);
        const command = await world.queue([silent, checkedIn, answered, invalid, checkedOut]);
        clock.advance(SECOND);
        expect(await world.checkIn(checkedIn)).toBe(command.uuid);
        await world.checkIn(answered);
        await world.answer(answered, command, 'acknowledged');
        const { mdmEnrollments } = context.database().repositories;
        await mdmEnrollments.markTokensInvalid([invalid.id]);
        await mdmEnrollments.disable(checkedOut.id);
        clock.advance(SECOND);

        expect(await sweep()).toEqual({ delivered: 1, invalidTokens: 0, failed: 0 });
        expect(pushedTokens()).toEqual(tokensOf([silent]));
        expect(sender.pushes[0]).toMatchObject({ pushMagic: `magic-${silent.udid}` });
      });

      it('waits repushAfterMs before pushing the same device again, and stops once it checks in', async () => {
        const og = await world.og();
        const device = await world.enroll(og);
        clock.advance(SECOND);
        await world.queue([device]);
        await sweep();
        clock.advance(REPUSH_AFTER_MS - SECOND);
        await sweep();
        expect(pushedTokens()).toEqual(tokensOf([device]));
        clock.advance(2 * SECOND);
        await sweep();
        expect(pushedTokens()).toEqual(tokensOf([device, device]));

        clock.advance(SECOND);
        await world.checkIn(device);
        clock.advance(2 * REPUSH_AFTER_MS);
        await sweep();
        expect(pushedTokens()).toEqual(tokensOf([device, device]));
      });

      it('leaves a device that answered NotNow alone until a new command comes', async () => {
        const og = await world.og();
        const device = await world.enroll(og);
        clock.advance(SECOND);
        const install = await world.queue([device]);
        clock.advance(SECOND);
        await world.checkIn(device);
        // Locked: iOS connects again by itself once unlocked; a push would change nothing.
        await world.answer(device, install, 'not_now');
        clock.advance(2 * REPUSH_AFTER_MS);
        await sweep();
        expect(pushedTokens()).toEqual([]);
        clock.advance(SECOND);
        await world.queue([device]);
        await sweep();
        expect(pushedTokens()).toEqual(tokensOf([device]));
      });

      it('pages through every device waiting, in batches', async () => {
        const og = await world.og();
        const devices: StoredDevice[] = [];
        for (let index = 0; index < 5; index++) devices.push(await world.enroll(og));
        clock.advance(SECOND);
        await world.queue(devices);
        expect(await sweep(2)).toEqual({ delivered: 5, invalidTokens: 0, failed: 0 });
        expect([...pushedTokens()].sort()).toEqual(tokensOf(devices).sort());
      });

      it('runs in one of two servers sharing the database, under the job lease', async () => {
        const device = await world.enroll(await world.og());
        clock.advance(SECOND);
        await world.queue([device]);
        const name = unique('mdm.push-sweep');
        const server = (holder: string, recorder: RecordingPushSender) => ({
          name,
          holder,
          intervalMs: REPUSH_AFTER_MS,
          leases: context.database().repositories.mdmLeases,
          clock,
          run: async () => void (await sweepPushes({ enrollments: context.database().repositories.mdmEnrollments, sender: recorder, clock, repushAfterMs: REPUSH_AFTER_MS })),
        });
        const [senderA, senderB] = [new RecordingPushSender(), new RecordingPushSender()];
        const [a, b] = [server('server-a', senderA), server('server-b', senderB)];
        for (let period = 0; period < 3; period++) {
          const ran = await Promise.all([runIfLeased(a), runIfLeased(b)]);
          expect(ran.filter(Boolean)).toHaveLength(1);
          clock.advance(REPUSH_AFTER_MS + SECOND);
        }
        const pushes = [...senderA.pushes, ...senderB.pushes].map((push) => push.token);
        expect(pushes).toEqual(tokensOf([device, device, device]));
        expect(senderA.pushes.length === 0 || senderB.pushes.length === 0).toBe(true);
      });

      it('marks the tokens APNs refuses invalid, and skips them from then on', async () => {
        const og = await world.og();
        const [gone, kept] = [await world.enroll(og), await world.enroll(og)];
        clock.advance(SECOND);
        await world.queue([gone, kept]);
        sender.invalidTokens.add(gone.token);
        expect(await sweep()).toEqual({ delivered: 1, invalidTokens: 1, failed: 0 });
        clock.advance(2 * REPUSH_AFTER_MS);
        sender.pushes.length = 0;
        await sweep();
        expect(pushedTokens()).toEqual(tokensOf([kept]));
      });
    });
  },
  { clock: clock.store },
);
