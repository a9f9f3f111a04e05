/**
 * The one error type the store throws for expected failures.
 *
 * Codes are stable (the HTTP layer maps them to responses):
 * - `store.bad_url`: the database URL names no supported database.
 * - `store.bad_cursor`: a pagination cursor was altered or belongs to another listing.
 * - `store.duplicate`: a unique value is taken (username, bundle id in an OG, profile UUID in an OG…).
 * - `store.missing_reference`: a referenced row does not exist (an id that was never valid).
 * - `store.og_cycle`: moving an OG below itself or one of its descendants.
 * - `store.og_root`: Global cannot be deleted or moved.
 * - `store.og_not_empty`: an OG still holds child OGs or objects.
 * - `store.profile_in_use`: a profile is still used by an app version.
 * - `store.migration_failed`: a migration could not be applied.
 * - `store.backup_unsupported`: `provisio backup` copies embedded databases only.
 *
 * Objects outside the caller's scope are never reported with an error: repositories answer
 * `undefined` (or `false`) exactly as for a missing object.
 */
export type StoreErrorCode =
  | 'store.bad_url'
  | 'store.bad_cursor'
  | 'store.duplicate'
  | 'store.missing_reference'
  | 'store.og_cycle'
  | 'store.og_root'
  | 'store.og_not_empty'
  | 'store.profile_in_use'
  | 'store.migration_failed'
  | 'store.backup_unsupported';

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError;
}
