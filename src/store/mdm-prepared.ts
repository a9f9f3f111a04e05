import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { MdmStoreSchema } from './mdm-schema.js';
import { isPostgres } from './mdm-sql.js';
import { nameStatement } from './statement-names.js';

/** Stands in for a named argument while the query is built; replaced by its value on each run. */
class ArgumentSlot {
  constructor(readonly name: string) {}
}

/** What a prepared query's builder calls for each argument it takes. */
export type ArgumentOf<Args> = <K extends keyof Args & string>(name: K) => Args[K];

interface Compiled<Row> {
  readonly query: CompiledQuery<Row>;
  /** Per parameter of `query`: the argument it is, or undefined for a value fixed in the builder. */
  readonly slots: readonly (string | undefined)[];
}

/**
 * A query of the device hot path, built with Kysely once per dialect and then run with new
 * arguments: building and compiling a query costs Kysely more than SQLite takes to run it (tens
 * of microseconds for a statement with subqueries), and the same SQL text each time lets the
 * driver reuse its prepared statement (on PostgreSQL a named one, see `statement-names.ts`;
 * builders must therefore name their columns, never select `*`). Arguments are named; the builder gets stand-ins for them
 * from `arg`, which must only be used as values (not as `in` lists, which expand per element).
 */
export class PreparedQuery<Args extends Record<string, unknown>, Row, DB = MdmStoreSchema> {
  readonly #compiled = new Map<boolean, Compiled<Row>>();

  constructor(private readonly build: (db: Kysely<DB>, arg: ArgumentOf<Args>) => Compilable<Row>) {}

  /** The rows the query returns with `args`, on `db` (a connection or a transaction). */
  async execute(db: Kysely<DB>, args: Args): Promise<Row[]> {
    const { query, slots } = this.compiledFor(db);
    const parameters = query.parameters.map((value, index) => {
      const name = slots[index];
      return name === undefined ? value : args[name];
    });
    const result = await db.executeQuery<Row>({ ...query, parameters });
    return result.rows;
  }

  /** The first row, or undefined. */
  async executeTakeFirst(db: Kysely<DB>, args: Args): Promise<Row | undefined> {
    return (await this.execute(db, args))[0];
  }

  private compiledFor(db: Kysely<DB>): Compiled<Row> {
    const postgres = isPostgres(db);
    let compiled = this.#compiled.get(postgres);
    if (compiled === undefined) {
      const arg = (name: string) => new ArgumentSlot(name);
      const query = this.build(db, arg as ArgumentOf<Args>).compile();
      const slots = query.parameters.map((value) => (value instanceof ArgumentSlot ? value.name : undefined));
      if (postgres) nameStatement(query.sql);
      compiled = { query, slots };
      this.#compiled.set(postgres, compiled);
    }
    return compiled;
  }
}
