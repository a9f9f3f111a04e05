import type { AdminRole } from '../../domain/model.js';
import { ApiError } from '../../http/errors.js';
import type { Actor } from './actor.js';

/** Resources whose access is governed by role. */
export const RESOURCES = ['ogs', 'admins', 'tokens', 'audit', 'apps', 'profiles', 'devices', 'renewals'] as const;
export type Resource = (typeof RESOURCES)[number];

/** One thing a route needs: reading or changing a kind of resource. */
export type Permission = `${Resource}:${'read' | 'write'}`;

/**
 * What `app-admin` may change. Tokens are included so a team can mint CI tokens for its own
 * apps; a token never exceeds the role and OG of the admin who creates it (see the token service).
 */
const APP_ADMIN_WRITES: ReadonlySet<Resource> = new Set(['apps', 'profiles', 'devices', 'renewals', 'tokens']);

/**
 * The one table of who may do what. Every role reads everything in its scope; `system` changes
 * everything, `app-admin` the app lifecycle, `read-only` nothing.
 */
export function roleAllows(role: AdminRole, permission: Permission): boolean {
  const [resource, access] = permission.split(':') as [Resource, 'read' | 'write'];
  if (access === 'read') return true;
  switch (role) {
    case 'system':
      return true;
    case 'app-admin':
      return APP_ADMIN_WRITES.has(resource);
    case 'read-only':
      return false;
  }
}

const ROLE_RANK: Readonly<Record<AdminRole, number>> = { 'read-only': 0, 'app-admin': 1, system: 2 };

/** True when `role` grants no more than `ceiling`: what an admin may hand to a token or admin. */
export function roleWithin(role: AdminRole, ceiling: AdminRole): boolean {
  return ROLE_RANK[role] <= ROLE_RANK[ceiling];
}

/** Refuses (403 `auth.role_exceeds`) to let `actor` grant or manage a role above its own. */
export function requireRoleWithin(role: AdminRole, actor: Actor): void {
  if (!roleWithin(role, actor.role)) {
    throw new ApiError('forbidden', `a ${actor.role} cannot grant or manage the ${role} role`, { code: 'auth.role_exceeds' });
  }
}
