import pg from 'pg';
import { PostgresDialect } from 'kysely';

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

/** A pool for `url` whose type parsers are private to it (pg's global parsers stay untouched). */
export function createPostgresDialect(url: string): PostgresDialect {
  const pool = new pg.Pool({ connectionString: url, types: { getTypeParser: typeParser } });
  // An idle pooled connection that the server ends (restart, failover, pg_terminate_backend)
  // emits 'error' on the pool; without a listener that would crash the process. The pool has
  // already discarded the client, and the next query opens a new connection.
  pool.on('error', () => undefined);
  return new PostgresDialect({ pool });
}
