import { setImmediate as nextLoopTurn } from 'node:timers/promises';
import type { ControlledTransaction, Kysely } from 'kysely';
import type { StoreSchema } from './schema.js';

/** Works one transaction takes at most, so the ones first in it are not kept waiting for long. */
const DEFAULT_MAX_WORKS = 32;
const SAVEPOINT = 'work';

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
 * Units run one after another, never interleaved: on SQLite they would be anyway (one
 * connection), and savepoints nest, so interleaved units could not be rolled back one by one.
 */
export class GroupCommit {
  readonly #kysely: Kysely<StoreSchema>;
  readonly #maxWorks: number;
  readonly #waiting: Waiting[] = [];
  #draining = false;

  constructor(kysely: Kysely<StoreSchema>, { maxWorks = DEFAULT_MAX_WORKS }: { readonly maxWorks?: number } = {}) {
    this.#kysely = kysely;
    this.#maxWorks = maxWorks;
  }

  /** Runs `work` in a transaction shared with others; resolves once that transaction committed. */
  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#waiting.length > 0) await this.#commitBatch();
    } finally {
      this.#draining = false;
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
      while (taken.length < this.#maxWorks && (await this.#more())) {
        const unit = { waiting: this.#waiting.shift() as Waiting, outcome: undefined as Outcome | undefined };
        taken.push(unit);
        unit.outcome = await runInSavepoint(trx, unit.waiting.work);
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

async function runInSavepoint(trx: ControlledTransaction<StoreSchema>, work: Work<unknown>): Promise<Outcome> {
  const unit = await trx.savepoint(SAVEPOINT).execute();
  try {
    const value = await work(unit);
    await unit.releaseSavepoint(SAVEPOINT).execute();
    return { ok: true, value };
  } catch (error) {
    await unit.rollbackToSavepoint(SAVEPOINT).execute();
    await unit.releaseSavepoint(SAVEPOINT).execute();
    return { ok: false, error };
  }
}
