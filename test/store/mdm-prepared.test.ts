import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PreparedQuery, type ArgumentOf } from '../../src/store/mdm-prepared.js';
import { withMdmTables } from '../../src/store/mdm-sql.js';
import { statementNameOf } from '../../src/store/statement-names.js';
import { forEachDatabase } from './harness.js';

/** Commands of one request type whose UUID starts with a prefix: one argument, one fixed value. */
const commandsLike = new PreparedQuery((db, arg: ArgumentOf<{ prefix: string; createdAfter: number }>) =>
  db
    .selectFrom('mdm_commands')
    .select(['command_uuid', 'created_at'])
    .where('request_type', '=', 'DeviceInformation')
    .where('command_uuid', 'like', arg('prefix'))
    .where('created_at', '>', arg('createdAfter'))
    .orderBy('command_uuid'),
);

const renameCommand = new PreparedQuery((db, arg: ArgumentOf<{ from: string; to: string }>) =>
  db.updateTable('mdm_commands').set({ command_uuid: arg('to') }).where('command_uuid', '=', arg('from')).returning('command_uuid'),
);

forEachDatabase((context) => {
  describe('PreparedQuery', () => {
    async function store(uuid: string, requestType: string, createdAt: number) {
      const db = withMdmTables(context.database().kysely);
      const values = { command_uuid: uuid, request_type: requestType, body: Buffer.from('<plist/>'), created_at: createdAt };
      await db.insertInto('mdm_commands').values(values).execute();
    }

    it('runs with each call’s arguments and keeps the values fixed in the builder', async () => {
      const db = withMdmTables(context.database().kysely);
      await store('PREP-A-1', 'DeviceInformation', 10);
      await store('PREP-A-2', 'DeviceInformation', 20);
      await store('PREP-A-3', 'ProvisioningProfileList', 30);
      await store('PREP-B-1', 'DeviceInformation', 40);
      expect(await commandsLike.execute(db, { prefix: 'PREP-A-%', createdAfter: 0 })).toEqual([
        { command_uuid: 'PREP-A-1', created_at: 10 },
        { command_uuid: 'PREP-A-2', created_at: 20 },
      ]);
      expect(await commandsLike.execute(db, { prefix: 'PREP-A-%', createdAfter: 15 })).toEqual([{ command_uuid: 'PREP-A-2', created_at: 20 }]);
      expect(await commandsLike.executeTakeFirst(db, { prefix: 'PREP-B-%', createdAfter: 0 })).toEqual({ command_uuid: 'PREP-B-1', created_at: 40 });
      expect(await commandsLike.executeTakeFirst(db, { prefix: 'PREP-C-%', createdAfter: 0 })).toBeUndefined();
    });

    it('runs inside a transaction, whose rollback undoes it', async () => {
      const db = withMdmTables(context.database().kysely);
      await store('PREP-T-1', 'DeviceInformation', 1);
      await expect(
        db.transaction().execute(async (trx) => {
          expect(await renameCommand.execute(trx, { from: 'PREP-T-1', to: 'PREP-T-2' })).toEqual([{ command_uuid: 'PREP-T-2' }]);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await commandsLike.execute(db, { prefix: 'PREP-T-%', createdAfter: 0 })).toEqual([{ command_uuid: 'PREP-T-1', created_at: 1 }]);
    });

    it('compiles once: the same SQL text on every run, named on PostgreSQL', async () => {
      const db = withMdmTables(context.database().kysely);
      const texts: string[] = [];
      const spy = new PreparedQuery((inner, arg: ArgumentOf<{ n: number }>) => {
        const query = inner.selectNoFrom(sql<number>`${arg('n')} + 1`.as('m'));
        texts.push(query.compile().sql);
        return query;
      });
      expect(await spy.execute(db, { n: 1 })).toEqual([{ m: 2 }]);
      expect(await spy.execute(db, { n: 41 })).toEqual([{ m: 42 }]);
      expect(texts).toHaveLength(1);
      expect(statementNameOf(texts[0]!) !== undefined).toBe(context.dialect === 'postgres');
    });
  });
});
