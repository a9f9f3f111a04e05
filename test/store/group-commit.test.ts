import { sql, type Kysely } from 'kysely';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { GroupCommit } from '../../src/store/group-commit.js';
import type { StoreSchema } from '../../src/store/schema.js';
import { forEachDatabase } from './harness.js';

/** Tables of this test only, outside the schema the repositories know. */
async function createProbeTables(db: Kysely<StoreSchema>): Promise<void> {
  await sql`create table probe_parent (id integer primary key)`.execute(db);
  await sql`create table probe_row (
    id integer primary key,
    label text not null unique,
    parent_id integer references probe_parent (id) deferrable initially deferred
  )`.execute(db);
}

async function insertRow(db: Kysely<StoreSchema>, id: number, label: string, parentId: number | null = null): Promise<void> {
  await sql`insert into probe_row (id, label, parent_id) values (${id}, ${label}, ${parentId})`.execute(db);
}

async function labels(db: Kysely<StoreSchema>): Promise<string[]> {
  const { rows } = await sql<{ label: string }>`select label from probe_row order by id`.execute(db);
  return rows.map((row) => row.label);
}

forEachDatabase((context) => {
  const kysely = () => context.database().kysely;

  beforeAll(async () => createProbeTables(kysely()));
  beforeEach(async () => {
    await sql`delete from probe_row`.execute(kysely());
  });

  it('commits units that arrive together in one transaction, each getting its own result', async () => {
    const group = new GroupCommit(kysely(), { dialect: context.dialect });
    const transactions = new Set<Kysely<StoreSchema>>();
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((id) =>
        group.run(async (trx) => {
          transactions.add(trx);
          await insertRow(trx, id, `unit ${id}`);
          return id * 10;
        }),
      ),
    );
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(transactions.size).toBe(1);
    expect(await labels(kysely())).toEqual(['unit 1', 'unit 2', 'unit 3', 'unit 4', 'unit 5']);
  });

  it('rolls back only the unit that throws, after it wrote, and gives it its own error', async () => {
    const group = new GroupCommit(kysely(), { dialect: context.dialect });
    const outcomes = await Promise.allSettled([
      group.run((trx) => insertRow(trx, 1, 'before')),
      group.run(async (trx) => {
        await insertRow(trx, 2, 'half done');
        throw new Error('refused halfway');
      }),
      group.run((trx) => insertRow(trx, 3, 'after')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1]).toMatchObject({ reason: { message: 'refused halfway' } });
    expect(await labels(kysely())).toEqual(['before', 'after']);
  });

  it('carries on after a unit whose statement the database refused', async () => {
    const group = new GroupCommit(kysely(), { dialect: context.dialect });
    const outcomes = await Promise.allSettled([
      group.run((trx) => insertRow(trx, 1, 'taken')),
      group.run((trx) => insertRow(trx, 2, 'taken')),
      group.run((trx) => insertRow(trx, 3, 'free')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await labels(kysely())).toEqual(['taken', 'free']);
  });

  it('fails every unit of a transaction whose commit fails, and keeps none of them', async () => {
    const group = new GroupCommit(kysely(), { dialect: context.dialect });
    const outcomes = await Promise.allSettled([
      group.run((trx) => insertRow(trx, 1, 'fine')),
      // Checked only at commit: a row pointing at a parent that does not exist.
      group.run((trx) => insertRow(trx, 2, 'orphan', 404)),
      group.run((trx) => insertRow(trx, 3, 'also fine')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await labels(kysely())).toEqual([]);
    // The next transaction starts clean.
    await group.run((trx) => insertRow(trx, 4, 'later'));
    expect(await labels(kysely())).toEqual(['later']);
  });

  it('runs units one after another, never interleaved', async () => {
    const group = new GroupCommit(kysely(), { dialect: context.dialect });
    const events: string[] = [];
    await Promise.all(
      ['a', 'b', 'c'].map((name, index) =>
        group.run(async (trx) => {
          events.push(`${name} starts`);
          await insertRow(trx, index + 1, name);
          await new Promise((resolve) => setTimeout(resolve, 5));
          await sql`select count(*) from probe_row`.execute(trx);
          events.push(`${name} ends`);
        }),
      ),
    );
    expect(events).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
  });

  it('spreads more units than one transaction takes over several, and answers them all', async () => {
    const group = new GroupCommit(kysely(), { dialect: context.dialect, maxUnits: 2 });
    const unitsPerTransaction = new Map<Kysely<StoreSchema>, number>();
    const ids = [1, 2, 3, 4, 5, 6, 7];
    const answers = await Promise.all(
      ids.map((id) =>
        group.run(async (trx) => {
          unitsPerTransaction.set(trx, (unitsPerTransaction.get(trx) ?? 0) + 1);
          await insertRow(trx, id, `n${id}`);
          return id;
        }),
      ),
    );
    expect(answers).toEqual(ids);
    expect([...unitsPerTransaction.values()]).toEqual([2, 2, 2, 1]);
    expect(await labels(kysely())).toHaveLength(7);
  });

  it('answers a unit that arrives while another one runs', async () => {
    const group = new GroupCommit(kysely(), { dialect: context.dialect });
    const late = new Promise<void>((resolve) => setTimeout(resolve, 1)).then(() => group.run((trx) => insertRow(trx, 9, 'late')));
    await Promise.all([group.run((trx) => insertRow(trx, 1, 'early')), late]);
    expect(await labels(kysely())).toEqual(['early', 'late']);
  });

  it('with two lanes, commits a unit in the second while the first waits; on SQLite, whose one connection they share, in the first after it', async () => {
    const group = new GroupCommit(kysely(), { dialect: context.dialect, lanes: 2 });
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const committed: string[] = [];
    const transactions: Kysely<StoreSchema>[] = [];
    const slow = group.run(async (trx) => {
      transactions.push(trx);
      await insertRow(trx, 1, 'slow');
      await gate;
    }).then(() => committed.push('slow'));
    const quick = group.run(async (trx) => {
      transactions.push(trx);
      await insertRow(trx, 2, 'quick');
    }).then(() => committed.push('quick'));
    if (context.dialect === 'postgres') {
      await quick;
      expect(committed).toEqual(['quick']);
      // Committed, and not waiting for the other lane's transaction.
      expect(await sql<{ label: string }>`select label from probe_row`.execute(kysely()).then((result) => result.rows)).toEqual([{ label: 'quick' }]);
    } else {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(committed).toEqual([]);
    }
    release();
    await Promise.all([slow, quick]);
    expect(committed).toEqual(context.dialect === 'postgres' ? ['quick', 'slow'] : ['slow', 'quick']);
    // SQLite's second lane waits for the connection, and the first lane takes the quick unit meanwhile.
    expect(new Set(transactions).size).toBe(context.dialect === 'postgres' ? 2 : 1);
    expect(await labels(kysely())).toEqual(['slow', 'quick']);
  });
});
