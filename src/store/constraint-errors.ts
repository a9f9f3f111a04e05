import { StoreError } from './errors.js';

// better-sqlite3 reports extended result codes; pg reports SQLSTATE codes.
const UNIQUE_VIOLATIONS = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);
const FOREIGN_KEY_VIOLATIONS = new Set(['SQLITE_CONSTRAINT_FOREIGNKEY', '23503']);

function driverCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return typeof error.code === 'string' ? error.code : undefined;
  }
  return undefined;
}

/** True when the driver error is a unique-constraint violation, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  return UNIQUE_VIOLATIONS.has(driverCode(error) ?? '');
}

/** True when the driver error is a foreign-key violation, on either database. */
export function isForeignKeyViolation(error: unknown): boolean {
  return FOREIGN_KEY_VIOLATIONS.has(driverCode(error) ?? '');
}

/**
 * Runs a write and turns constraint violations into `StoreError`s that name `what` was written,
 * so callers never need to know driver error codes.
 */
export async function translateConstraints<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new StoreError('store.duplicate', `${what} already exists`, { cause: error });
    }
    if (isForeignKeyViolation(error)) {
      throw new StoreError('store.missing_reference', `${what} refers to a missing row`, { cause: error });
    }
    throw error;
  }
}
