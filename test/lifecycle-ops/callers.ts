import type { Caller } from '../../src/services/auth/actor.js';
import type { AdminRole } from '../../src/domain/model.js';
import type { ScopedOg } from '../store/builders.js';

/** A caller acting in `og` with `role`, as the access hook would hand it to a service. */
export function callerIn(og: ScopedOg, role: AdminRole = 'app-admin'): Caller {
  return { actor: { kind: 'token', id: 7, name: 'ci', role, homeOg: og.og.id, scope: og.scope }, remoteAddress: '192.0.2.7' };
}
