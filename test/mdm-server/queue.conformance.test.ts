import { describe, expect, it } from 'vitest';
import { sql, type Kysely, type KyselyPlugin } from 'kysely';
import { buildCommand } from '../../src/mdm/commands/index.js';
import { CommandCache } from '../../src/store/command-cache.js';
import type { Database } from '../../src/store/database.js';
import { MdmQueueRepository } from '../../src/store/mdm-queue.repository.js';
import { INLINE_BODY_BYTES } from '../../src/store/mdm-queue-status.js';
import type { StoreSchema } from '../../src/store/schema.js';
import { withMdmTables } from '../../src/store/mdm-sql.js';
import { createOg, unique } from '../http/fixtures.js';
import { forEachDatabase } from '../store/harness.js';

/** Enrolls `count` devices in a new OG straight in the database; returns the OG and device ids. */
async function enrolledDevices(database: Database, count: number) {
  const og = await createOg(database);
  const prefix = unique('udid');
  const db = withMdmTables(database.kysely);
  const ids: number[] = [];
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, index) => ({
      og_id: og.id,
      udid: `${prefix}-${start + index}`,
      enrolled_at: 0,
      last_seen_at: 0,
    }));
    const inserted = await db.insertInto('devices').values(rows).returning('id').execute();
    ids.push(...inserted.map((row) => row.id));
    await db
      .insertInto('mdm_enrollments')
      .values(inserted.map((row) => ({ device_id: row.id, identity_sha256: `${prefix}-${row.id}`, topic: 't', enabled: 1, enrolled_at: 0, updated_at: 0 })))
      .execute();
  }
  return { og, ids };
}

async function queueCommand(database: Database, deviceIds: readonly number[]) {
  const { mdmQueue, ogs } = database.repositories;
  const command = buildCommand('ProvisioningProfileList', {});
  const id = await mdmQueue.addCommand(command);
  const queued = await mdmQueue.fanOut(await ogs.rootScope(), id, { kind: 'devices', deviceIds });
  return { id, uuid: command.commandUuid, queued };
}

/** Profile-sized bytes that pass for CMS (a SEQUENCE first), each fill value its own command. */
function largeProfile(fill: number): Uint8Array {
  const bytes = new Uint8Array(20_000).fill(fill);
  bytes[0] = 0x30;
  return bytes;
}

/** `db` with a count of the statements run through it. */
function countingStatements(db: Kysely<StoreSchema>) {
  let statements = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: (args) => {
      statements++;
      return Promise.resolve(args.result);
    },
  };
  return { db: db.withPlugin(plugin), statements: () => statements };
}

const answer = (uuid: string) => new TextEncoder().encode(`<plist><dict><key>CommandUUID</key><string>${uuid}</string></dict></plist>`);

forEachDatabase((context) => {
  describe('fan-out', () => {
    it('queues one command for 40,000 devices in one statement, beyond any bind-parameter limit', async () => {
      const database = context.database();
      const { ids } = await enrolledDevices(database, 40_000);
      const { queued, id } = await queueCommand(database, ids);
      expect(queued).toBe(40_000);
      const db = withMdmTables(database.kysely);
      const row = await db.selectFrom('mdm_queue').select(sql<number>`count(*)`.as('n')).where('command_id', '=', id).executeTakeFirstOrThrow();
      expect(Number(row.n)).toBe(40_000);
    }, 60_000);

    it('reaches every enrolled device of a scope, or only those with an app installed', async () => {
      const database = context.database();
      const { og, ids } = await enrolledDevices(database, 5);
      const { ogs, devices, mdmQueue } = database.repositories;
      const scope = await ogs.scopeFor(og.id);
      if (scope === undefined) throw new Error('no scope');
      const root = await ogs.rootScope();
      await devices.recordInstallations(root, ids[1]!, [{ bundleId: 'com.acme.sales' }], new Date());
      await devices.recordInstallations(root, ids[3]!, [{ bundleId: 'com.acme.sales' }], new Date());
      const all = await mdmQueue.addCommand(buildCommand('DeviceInformation', { queries: ['OSVersion'] }));
      expect(await mdmQueue.fanOut(scope, all, { kind: 'all' })).toBe(5);
      const byApp = await mdmQueue.addCommand(buildCommand('InstalledApplicationList', {}));
      expect(await mdmQueue.fanOut(scope, byApp, { kind: 'app', bundleId: 'com.acme.sales' })).toBe(2);
      expect((await mdmQueue.next(ids[3]!, true))?.commandId).toBe(all);
      expect((await mdmQueue.next(ids[3]!, false))?.commandId).toBe(byApp);
      expect((await mdmQueue.next(ids[0]!, false))?.commandId).toBe(all);
      expect(await mdmQueue.next(ids[0]!, false)).toBeUndefined();
    });

    it('skips devices outside the scope and devices that checked out', async () => {
      const database = context.database();
      const mine = await enrolledDevices(database, 2);
      const theirs = await enrolledDevices(database, 1);
      const { ogs, mdmQueue, mdmEnrollments } = database.repositories;
      await mdmEnrollments.disable(mine.ids[1]!);
      const scope = await ogs.scopeFor(mine.og.id);
      if (scope === undefined) throw new Error('no scope');
      const id = await mdmQueue.addCommand(buildCommand('ProvisioningProfileList', {}));
      expect(await mdmQueue.fanOut(scope, id, { kind: 'devices', deviceIds: [...mine.ids, ...theirs.ids] })).toBe(1);
    });
  });

  describe('delivery', () => {
    it('hands out commands in the order they were queued, each once per connection', async () => {
      const database = context.database();
      const { ids } = await enrolledDevices(database, 1);
      const device = ids[0]!;
      const first = await queueCommand(database, ids);
      const second = await queueCommand(database, ids);
      const { mdmQueue } = database.repositories;
      expect((await mdmQueue.next(device, true))?.commandUuid).toBe(first.uuid);
      expect((await mdmQueue.recordAnswer(device, first.uuid, 'acknowledged', answer(first.uuid)))?.commandId).toBe(first.id);
      expect((await mdmQueue.next(device, false))?.commandUuid).toBe(second.uuid);
      expect(await mdmQueue.next(device, false)).toBeUndefined();
      // Never answered: offered again when the device opens its next connection.
      expect((await mdmQueue.next(device, true))?.commandUuid).toBe(second.uuid);
    });

    it('hands every device the stored bytes of a large command, read once and then remembered, and never a rolled-back command under a reused id', async () => {
      const database = context.database();
      const { ids } = await enrolledDevices(database, 3);
      const commands = new CommandCache();
      const queue = (db: Kysely<StoreSchema>) => new MdmQueueRepository(db, undefined, commands);
      const big = buildCommand('InstallProvisioningProfile', { profile: largeProfile(7) });
      const id = await database.repositories.mdmQueue.addCommand(big);
      await database.repositories.mdmQueue.fanOut(await database.repositories.ogs.rootScope(), id, { kind: 'devices', deviceIds: ids });
      for (const device of ids) {
        const handed = await queue(database.kysely).next(device, true);
        expect(handed?.commandUuid).toBe(big.commandUuid);
        expect(Buffer.from(handed?.body ?? []).equals(Buffer.from(big.bytes))).toBe(true);
      }
      expect(commands.get(id, big.commandUuid)).toBeDefined();

      // A command inserted, handed out (and so remembered) and rolled back: its id may be given again.
      const device = ids[0]!;
      const doomed = buildCommand('InstallProvisioningProfile', { profile: largeProfile(1) });
      await expect(
        database.kysely.transaction().execute(async (trx) => {
          const repository = queue(trx);
          await repository.queueForDevice(device, await repository.addCommand(doomed));
          expect((await repository.next(device, false))?.commandUuid).toBe(doomed.commandUuid);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      const replacement = buildCommand('InstallProvisioningProfile', { profile: largeProfile(2) });
      const repository = queue(database.kysely);
      await repository.queueForDevice(device, await repository.addCommand(replacement));
      const handed = await repository.next(device, false);
      expect(handed?.commandUuid).toBe(replacement.commandUuid);
      expect(Buffer.from(handed?.body ?? []).equals(Buffer.from(replacement.bytes))).toBe(true);
    });

    it('hands out a small command with its queue row in one statement, and reads one at the size limit on its own', async () => {
      const database = context.database();
      const { ids } = await enrolledDevices(database, 1);
      const device = ids[0]!;
      const { mdmQueue, ogs } = database.repositories;
      const small = buildCommand('DeviceInformation', { queries: ['OSVersion', 'SerialNumber'] });
      const atLimit = { commandUuid: unique('at-limit'), requestType: 'InstallProvisioningProfile', bytes: largeProfile(3).subarray(0, INLINE_BODY_BYTES) };
      for (const command of [small, atLimit]) {
        await mdmQueue.fanOut(await ogs.rootScope(), await mdmQueue.addCommand(command), { kind: 'devices', deviceIds: [device] });
      }
      const counted = countingStatements(database.kysely);
      const queue = new MdmQueueRepository(counted.db);
      const handed = [await queue.next(device, true), await queue.next(device, false)];
      handed.forEach((command, index) => {
        const expected = [small, atLimit][index]!;
        expect(command?.commandUuid).toBe(expected.commandUuid);
        expect(command?.requestType).toBe(expected.requestType);
        expect(Buffer.from(command?.body ?? []).equals(Buffer.from(expected.bytes))).toBe(true);
      });
      // PostgreSQL: one statement takes the small one with its bytes; the one at the limit is taken, then read.
      // SQLite: a statement more for each, to find the row before marking it.
      expect(counted.statements()).toBe(context.dialect === 'postgres' ? 1 + 2 : 2 + 3);
    });

    it('does not offer a NotNow command again in the same connection, but on the next one', async () => {
      const database = context.database();
      const { ids } = await enrolledDevices(database, 1);
      const device = ids[0]!;
      const install = await queueCommand(database, ids);
      const list = await queueCommand(database, ids);
      const { mdmQueue } = database.repositories;
      expect((await mdmQueue.next(device, true))?.commandUuid).toBe(install.uuid);
      await mdmQueue.recordAnswer(device, install.uuid, 'not_now', answer(install.uuid));
      expect((await mdmQueue.next(device, false))?.commandUuid).toBe(list.uuid);
      await mdmQueue.recordAnswer(device, list.uuid, 'acknowledged', answer(list.uuid));
      expect(await mdmQueue.next(device, false)).toBeUndefined();
      expect((await mdmQueue.next(device, true))?.commandUuid).toBe(install.uuid);
    });

    it('offers every command declined in earlier connections again, in order, each once per connection', async () => {
      const database = context.database();
      const { ids } = await enrolledDevices(database, 1);
      const device = ids[0]!;
      const [first, second, third] = [await queueCommand(database, ids), await queueCommand(database, ids), await queueCommand(database, ids)];
      const { mdmQueue } = database.repositories;
      expect((await mdmQueue.next(device, true))?.commandUuid).toBe(first.uuid);
      await mdmQueue.recordAnswer(device, first.uuid, 'not_now', answer(first.uuid));
      expect((await mdmQueue.next(device, false))?.commandUuid).toBe(second.uuid);
      await mdmQueue.recordAnswer(device, second.uuid, 'not_now', answer(second.uuid));
      // Third offered and left unanswered: the connection ends.
      expect((await mdmQueue.next(device, false))?.commandUuid).toBe(third.uuid);

      expect((await mdmQueue.next(device, true))?.commandUuid).toBe(first.uuid);
      await mdmQueue.recordAnswer(device, first.uuid, 'acknowledged', answer(first.uuid));
      expect((await mdmQueue.next(device, false))?.commandUuid).toBe(second.uuid);
      await mdmQueue.recordAnswer(device, second.uuid, 'not_now', answer(second.uuid));
      expect((await mdmQueue.next(device, false))?.commandUuid).toBe(third.uuid);
      await mdmQueue.recordAnswer(device, third.uuid, 'acknowledged', answer(third.uuid));
      expect(await mdmQueue.next(device, false)).toBeUndefined();
    });

    it('queues a follow-up only while none of its kind is pending for that device', async () => {
      const database = context.database();
      const { ids } = await enrolledDevices(database, 2);
      const [a, b] = [ids[0]!, ids[1]!];
      const { mdmQueue } = database.repositories;
      const first = buildCommand('ProvisioningProfileList', {});
      expect(await mdmQueue.queueUnlessPending(a, first)).toBe(true);
      // Still pending for a: a second list is neither queued nor stored.
      const second = buildCommand('ProvisioningProfileList', {});
      expect(await mdmQueue.queueUnlessPending(a, second)).toBe(false);
      const db = withMdmTables(database.kysely);
      expect(await db.selectFrom('mdm_commands').select('id').where('command_uuid', '=', second.commandUuid).executeTakeFirst()).toBeUndefined();
      // Another kind, or another device, is not held back.
      expect(await mdmQueue.queueUnlessPending(a, buildCommand('InstalledApplicationList', {}))).toBe(true);
      expect(await mdmQueue.queueUnlessPending(b, second)).toBe(true);
      expect((await mdmQueue.next(a, true))?.commandUuid).toBe(first.commandUuid);
      // Offered, so no longer pending: the next one of the kind is queued behind the rest.
      const third = buildCommand('ProvisioningProfileList', {});
      expect(await mdmQueue.queueUnlessPending(a, third)).toBe(true);
      const page = await mdmQueue.history(await database.repositories.ogs.rootScope(), a);
      expect(page.items.map((entry) => [entry.commandUuid, entry.status])).toEqual([
        [third.commandUuid, 'pending'],
        [expect.any(String), 'pending'],
        [first.commandUuid, 'sent'],
      ]);
    });

    it('on a new connection reopens sent and declined rows, keeping their last change, and hands out the first', async () => {
      const database = context.database();
      const { ids } = await enrolledDevices(database, 2);
      const [device, other] = [ids[0]!, ids[1]!];
      const [first, second, third] = [await queueCommand(database, ids), await queueCommand(database, ids), await queueCommand(database, ids)];
      const { mdmQueue } = database.repositories;
      expect((await mdmQueue.next(device, true))?.commandUuid).toBe(first.uuid);
      await mdmQueue.recordAnswer(device, first.uuid, 'not_now', answer(first.uuid));
      expect((await mdmQueue.next(device, false))?.commandUuid).toBe(second.uuid);
      // Marks the last changes, to see which rows the new connection changes.
      const db = withMdmTables(database.kysely);
      await db.updateTable('mdm_queue').set({ updated_at: 1234 }).where('device_id', '=', device).execute();
      // Third pending, first declined, second sent and unanswered: the first is handed out again.
      expect((await mdmQueue.next(device, true))?.commandUuid).toBe(first.uuid);
      const rows = await db.selectFrom('mdm_queue').select(['status', 'updated_at']).where('device_id', '=', device).orderBy('command_id').execute();
      expect(rows.map((row) => row.status)).toEqual(['sent', 'pending', 'pending']);
      expect(rows.map((row) => Number(row.updated_at) === 1234)).toEqual([false, true, true]);
      expect((await mdmQueue.next(device, false))?.commandUuid).toBe(second.uuid);
      expect((await mdmQueue.next(device, false))?.commandUuid).toBe(third.uuid);
      expect(await mdmQueue.next(device, false)).toBeUndefined();
      // The other device's rows were not touched.
      expect((await mdmQueue.next(other, true))?.commandUuid).toBe(first.uuid);
    });

    it("never records an answer to another device's command", async () => {
      const database = context.database();
      const { ids } = await enrolledDevices(database, 2);
      const [a, b] = [ids[0]!, ids[1]!];
      const forA = await queueCommand(database, [a]);
      const { mdmQueue, ogs } = database.repositories;
      expect(await mdmQueue.next(b, true)).toBeUndefined();
      expect(await mdmQueue.recordAnswer(b, forA.uuid, 'acknowledged', answer(forA.uuid))).toBeUndefined();
      const history = await mdmQueue.history(await ogs.rootScope(), a);
      expect(history.items).toMatchObject([{ commandUuid: forA.uuid, status: 'pending' }]);
    });

    it('stores the answer verbatim and pages the history newest first', async () => {
      const database = context.database();
      const { ids } = await enrolledDevices(database, 1);
      const device = ids[0]!;
      const commands = [await queueCommand(database, ids), await queueCommand(database, ids), await queueCommand(database, ids)];
      const { mdmQueue, ogs } = database.repositories;
      await mdmQueue.next(device, true);
      await mdmQueue.recordAnswer(device, commands[0]!.uuid, 'error', answer(commands[0]!.uuid));
      const root = await ogs.rootScope();
      const first = await mdmQueue.history(root, device, { limit: 2 });
      expect(first.items.map((item) => item.commandUuid)).toEqual([commands[2]!.uuid, commands[1]!.uuid]);
      const rest = await mdmQueue.history(root, device, { limit: 2, cursor: first.nextCursor });
      expect(rest.items).toMatchObject([{ commandUuid: commands[0]!.uuid, status: 'error' }]);
      expect(Buffer.from(rest.items[0]!.result ?? []).toString()).toBe(Buffer.from(answer(commands[0]!.uuid)).toString());
      const other = await ogs.scopeFor((await createOg(database)).id);
      if (other === undefined) throw new Error('no scope');
      expect((await mdmQueue.history(other, device)).items).toEqual([]);
    });
  });

  describe('retention', () => {
    it('prunes answered rows older than the cutoff and commands nobody waits for, never open ones', async () => {
      const database = context.database();
      const { ids } = await enrolledDevices(database, 2);
      const [a, b] = [ids[0]!, ids[1]!];
      const done = await queueCommand(database, [a]);
      const open = await queueCommand(database, [b]);
      const { mdmQueue, ogs } = database.repositories;
      await mdmQueue.next(a, true);
      await mdmQueue.recordAnswer(a, done.uuid, 'acknowledged', answer(done.uuid));
      const pruned = await mdmQueue.prune(new Date(Date.now() + 60_000));
      expect(pruned.queueRows).toBeGreaterThanOrEqual(1);
      const root = await ogs.rootScope();
      expect((await mdmQueue.history(root, a)).items).toEqual([]);
      expect((await mdmQueue.history(root, b)).items).toMatchObject([{ commandUuid: open.uuid, status: 'pending' }]);
      const db = withMdmTables(database.kysely);
      const left = await db.selectFrom('mdm_commands').select('id').where('id', 'in', [done.id, open.id]).execute();
      expect(left.map((row) => row.id)).toEqual([open.id]);
    });

    it('keeps answered rows younger than the cutoff', async () => {
      const database = context.database();
      const { ids } = await enrolledDevices(database, 1);
      const done = await queueCommand(database, ids);
      const { mdmQueue, ogs } = database.repositories;
      await mdmQueue.next(ids[0]!, true);
      await mdmQueue.recordAnswer(ids[0]!, done.uuid, 'acknowledged', answer(done.uuid));
      await mdmQueue.prune(new Date(Date.now() - 60_000));
      expect((await mdmQueue.history(await ogs.rootScope(), ids[0]!)).items).toHaveLength(1);
    });
  });

  describe('job leases', () => {
    it('lets one holder run a job until its lease expires', async () => {
      const { mdmLeases } = context.database().repositories;
      const job = unique('job');
      const now = new Date();
      const later = new Date(now.getTime() + 60_000);
      expect(await mdmLeases.acquire(job, 'server-a', now, later)).toBe(true);
      expect(await mdmLeases.acquire(job, 'server-b', now, later)).toBe(false);
      expect(await mdmLeases.acquire(job, 'server-a', now, later)).toBe(true);
      expect(await mdmLeases.acquire(job, 'server-b', new Date(later.getTime() + 1), new Date(later.getTime() + 60_000))).toBe(true);
    });
  });
});
