import type { AuditActor, JsonObject } from '../../domain/model.js';
import type { Repositories } from '../../store/repositories.js';
import { auditActorOf, type Caller } from '../auth/actor.js';
import type { Clock } from '../auth/clock.js';

/** What a mutation changed, as the audit log records it. */
export interface AuditedChange {
  /** `<object type>.<verb>`, e.g. `og.create`, `token.revoke`. */
  readonly action: string;
  readonly objectType: string;
  readonly objectId: number;
  /** The OG the object belongs to: the entry is seen from there and above. */
  readonly ogId: number;
  readonly details?: JsonObject;
}

/** Who made a change and from where, when there is no request actor (a login, Provisio itself). */
export interface AuditSource {
  readonly actor: AuditActor;
  readonly remoteAddress: string | undefined;
}

/**
 * Writes audit entries. Services call it with the repositories of the transaction that made
 * the change, so a change and its entry commit or fail together.
 */
export class AuditTrail {
  constructor(private readonly clock: Clock) {}

  /** Records a change made by the request's caller. */
  async record(repositories: Repositories, caller: Caller, change: AuditedChange): Promise<void> {
    await this.recordAs(repositories, { actor: auditActorOf(caller.actor), remoteAddress: caller.remoteAddress }, change);
  }

  /** Records a change made without a request actor. */
  async recordAs(repositories: Repositories, source: AuditSource, change: AuditedChange): Promise<void> {
    const { actor, remoteAddress } = source;
    await repositories.audit.append({ ...change, actor, remoteAddress, at: this.clock.now() });
  }
}
