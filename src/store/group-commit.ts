import { setImmediate as nextLoopTurn } from 'node:timers/promises';
import { sql, type ControlledTransaction, type Kysely } from 'kysely';
import type { DialectName } from './database-url.js';
import type { StoreSchema } from './schema.js';

/** Units one transaction takes at most, so the first ones in it are not kept waiting for long. */
const DEFAULT_MAX_UNITS = 32;
const BEGIN_UNIT = 'savepoint unit';
const END_UNIT = 'release savepoint unit';
const UNDO_UNIT = 'rollback to savepoint unit';

export interface GroupCommitOptions {
  /**
   * On PostgreSQL every statement is a round trip: savepoint commands that follow one another
   * go as one multi-statement text. SQLite runs one statement per call, in process.
   */
  readonly dialect: DialectName;
  /** Units one transaction takes at most. */
  readonly maxUnits?: number;
  /**
   * Transactions open at once (default 1), each on a connection of its own, taking units from
   * one line. On PostgreSQL a unit spends most of its time waiting for round trips, so a second
   * lane runs while the first waits; SQLite has one connection, so more lanes would only queue.
   */
  readonly lanes?: number;
}

type Work<T> = (trx: Kysely<StoreSchema>) => Promise<T>;

interface Waiting {
  readonly work: Work<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: short units of work that arrive together share one transaction, each in a
 * savepoint of its own, and none is answered before that transaction has committed. A commit
 * costs far more than a small unit of work (WAL frames written, locks taken and released), so
 * under load most of that cost is paid once for many. Each unit stays all-or-nothing: one that
 * throws is rolled back to its savepoint and gets its own error; the others go on. Should the
 * commit itself fail, every unit of it gets that error, and nothing of any remains.
 *
 * The units of one transaction run one after another, never interleaved: on SQLite they would
 * be anyway (one connection), and savepoints nest, so interleaved units could not be rolled back
 * one by one. With more than one lane, transactions on other connections run at the same time.
 */
export class GroupCommit {
  readonly #kysely: Kysely<StoreSchema>;
  readonly #maxUnits: number;
  readonly #oneTrip: boolean;
  readonly #lanes: number;
  readonly #waiting: Waiting[] = [];
  #busyLanes = 0;

  constructor(kysely: Kysely<StoreSchema>, options: GroupCommitOptions) {
    this.#kysely = kysely;
    this.#maxUnits = options.maxUnits ?? DEFAULT_MAX_UNITS;
    this.#oneTrip = options.dialect === 'postgres';
    this.#lanes = options.lanes ?? 1;
  }

  /** Runs `work` in a transaction shared with others; resolves once that transaction committed. */
  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.#busyLanes < this.#lanes) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#busyLanes++;
    try {
      while (this.#waiting.length > 0) await this.#commitBatch();
    } finally {
      this.#busyLanes--;
    }
  }

  async #commitBatch(): Promise<void> {
    const taken: Array<{ readonly waiting: Waiting; outcome?: Outcome }> = [];
    let trx: ControlledTransaction<StoreSchema>;
    try {
      trx = await this.#kysely.startTransaction().execute();
    } catch (error) {
      for (const waiting of this.#waiting.splice(0)) waiting.reject(error);
      return;
    }
    try {
      // A unit's savepoint is released as the next one begins, or by the commit.
      let unitOpen = false;
      while (taken.length < this.#maxUnits && (await this.#more())) {
        const unit = { waiting: this.#waiting.shift() as Waiting, outcome: undefined as Outcome | undefined };
        taken.push(unit);
        await this.#savepoints(trx, unitOpen ? [END_UNIT, BEGIN_UNIT] : [BEGIN_UNIT]);
        unit.outcome = await unit.waiting.work(trx).then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        unitOpen = unit.outcome.ok;
        if (!unit.outcome.ok) await this.#savepoints(trx, [UNDO_UNIT, END_UNIT]);
      }
      await trx.commit().execute();
    } catch (error) {
      await trx.rollback().execute().catch(() => undefined);
      for (const { waiting, outcome } of taken) waiting.reject(outcome?.ok === false ? outcome.error : error);
      return;
    }
    for (const { waiting, outcome } of taken) {
      if (outcome?.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome?.error);
    }
  }

  async #savepoints(trx: ControlledTransaction<StoreSchema>, commands: readonly string[]): Promise<void> {
    if (this.#oneTrip) {
      await sql.raw(commands.join('; ')).execute(trx);
      return;
    }
    for (const command of commands) await sql.raw(command).execute(trx);
  }

  /**
   * Whether another unit is waiting. When none is, the event loop gets one turn first: requests
   * that arrived meanwhile are read in it and can still join this transaction.
   */
  async #more(): Promise<boolean> {
    if (this.#waiting.length > 0) return true;
    await nextLoopTurn();
    return this.#waiting.length > 0;
  }
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };
