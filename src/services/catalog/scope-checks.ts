import { notFound } from '../../http/errors.js';
import type { Repositories } from '../../store/repositories.js';
import type { Scope } from '../../store/scope.js';
import type { Caller } from '../auth/actor.js';

/** Fails with the 404 of a missing group unless the OG exists in the caller's scope. */
export async function requireOgInScope(repositories: Repositories, scope: Scope, ogId: number): Promise<void> {
  if ((await repositories.ogs.get(scope, ogId)) === undefined) throw notFound('organization group');
}

/** The scope a listing reads: the caller's, or the subtree of `ogId` within it (404 outside). */
export async function listingScope(repositories: Repositories, caller: Caller, ogId: number | undefined): Promise<Scope> {
  if (ogId === undefined) return caller.actor.scope;
  const scope = await repositories.ogs.narrow(caller.actor.scope, ogId);
  if (scope === undefined) throw notFound('organization group');
  return scope;
}

/** The value, or the 404 of a missing object named `what`. */
export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw notFound(what);
  return value;
}
