import pg from 'pg';
import { PostgresDialect } from 'kysely';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { statementNameOf } from './statement-names.js';

type TypeParser = (value: string) => unknown;

/**
 * int8 arrives as a JS number instead of pg's default string. Safe for every int8 we store:
 * ids (billions of rows are far below 2^53), epoch milliseconds (2^53 ms is the year 287396)
 * and counts. A value that would lose precision throws instead of being rounded.
 */
function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) {
    throw new RangeError(`int8 value ${value} is outside the safe integer range`);
  }
  return parsed;
}

/** JSON columns stay JSON text, exactly as SQLite returns them, so repositories decode once. */
function keepText(value: string): string {
  return value;
}

const OVERRIDES = new Map<number, TypeParser>([
  [pg.types.builtins.INT8, parseInt8],
  [pg.types.builtins.JSON, keepText],
  [pg.types.builtins.JSONB, keepText],
]);

function typeParser(oid: number, format?: 'text' | 'binary'): TypeParser {
  return OVERRIDES.get(oid) ?? (pg.types.getTypeParser(oid, format) as TypeParser);
}

/**
 * A pool for `url` whose type parsers are private to it (pg's global parsers stay untouched),
 * and which runs registered texts as named prepared statements (see `statement-names.ts`).
 */
export function createPostgresDialect(url: string): PostgresDialect {
  const pool = new pg.Pool({ connectionString: url, types: { getTypeParser: typeParser } });
  // An idle pooled connection that the server ends (restart, failover, pg_terminate_backend)
  // emits 'error' on the pool; without a listener that would crash the process. The pool has
  // already discarded the client, and the next query opens a new connection.
  pool.on('error', () => undefined);
  return new PostgresDialect({ pool: withNamedStatements(pool) });
}

function withNamedStatements(pool: pg.Pool): PostgresPool {
  // One wrapper per pooled client: Kysely keeps its connection objects by client.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (wrapper === undefined) {
        wrapper = namingClient(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

function namingClient(client: pg.PoolClient): PostgresPoolClient {
  function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>) {
    // Kysely's cursors are pg-cursor Submittables, which pg accepts as they are.
    if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
    const values = [...(parameters ?? [])];
    const name = statementNameOf(sqlOrCursor);
    const config: pg.QueryConfig = name === undefined ? { text: sqlOrCursor, values } : { name, text: sqlOrCursor, values };
    return client.query(config) as unknown as Promise<PostgresQueryResult<R>>;
  }
  return { query, release: (destroy) => client.release(destroy) };
}
