import { sql } from 'kysely';
import type { ColumnDataType, CreateTableBuilder, Expression, Kysely } from 'kysely';
import type { DialectName } from '../database-url.js';

/** A column type: a name Kysely knows, or raw SQL. */
type DataTypeExpression = ColumnDataType | Expression<unknown>;

/**
 * The few column definitions that differ between SQLite and PostgreSQL, so the migrations
 * themselves are written once.
 */
export interface SchemaKit {
  /**
   * Adds the `id` primary key: `integer primary key autoincrement` on SQLite (an alias of the
   * rowid, and never reusing ids of deleted rows, which the audit log still names), a bigint
   * identity on PostgreSQL.
   */
  withId<TB extends string, C extends string>(table: CreateTableBuilder<TB, C>): CreateTableBuilder<TB, C | 'id'>;
  /** jsonb on PostgreSQL, text on SQLite. */
  readonly json: DataTypeExpression;
  /**
   * Text compared byte by byte, so the range scan in scope.ts finds exactly the paths under a
   * prefix. PostgreSQL's default collation may ignore punctuation such as `/`; SQLite's BINARY
   * default already compares bytes.
   */
  readonly bytewiseText: DataTypeExpression;
}

export function schemaKit(dialect: DialectName): SchemaKit {
  const postgres = dialect === 'postgres';
  return {
    withId: (table) =>
      postgres
        ? table.addColumn('id', 'bigint', (column) => column.primaryKey().generatedByDefaultAsIdentity())
        : table.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement()),
    json: postgres ? 'jsonb' : 'text',
    bytewiseText: postgres ? sql`text collate "C"` : 'text',
  };
}

/** Creates `<table>_<columns>_idx` (or `_key` when unique). */
export async function createIndex(
  db: Kysely<unknown>,
  table: string,
  columns: readonly string[],
  options: { readonly unique?: boolean } = {},
): Promise<void> {
  const suffix = options.unique === true ? 'key' : 'idx';
  const name = `${table}_${columns.join('_')}_${suffix}`;
  const builder = db.schema.createIndex(name).on(table).columns([...columns]);
  await (options.unique === true ? builder.unique() : builder).execute();
}

/** `check (<column> in (<values>))`, for columns holding one of a few words. */
export function oneOf(column: string, values: readonly string[]) {
  return sql<boolean>`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

/** Epoch milliseconds: int8 on PostgreSQL; SQLite stores 64-bit integers for `bigint` columns. */
export const MILLIS = 'bigint';
/** A reference to another table's id. */
export const ID_REF = 'bigint';
/** A 0/1 flag. */
export const FLAG = 'integer';
