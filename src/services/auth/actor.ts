import type { AdminRole, AuditActor } from '../../domain/model.js';
import type { Scope } from '../../store/scope.js';

/**
 * Who is making a request: a console admin (session cookie) or an API token (bearer). The scope
 * is the home OG's subtree; everything outside it is invisible to this actor.
 */
export interface Actor {
  readonly kind: 'admin' | 'token';
  readonly id: number;
  /** The admin's username or the token's name, for display. */
  readonly name: string;
  readonly role: AdminRole;
  readonly homeOg: number;
  readonly scope: Scope;
}

/** An actor and where the request came from: what every mutation records in the audit log. */
export interface Caller {
  readonly actor: Actor;
  readonly remoteAddress: string;
}

/** The audit log's view of an actor. */
export function auditActorOf(actor: Actor): AuditActor {
  return { kind: actor.kind, id: actor.id };
}
