import type { NoticeForViewer } from '../../domain/notice-types.js';
import { notFound } from '../../http/errors.js';
import type { Database } from '../../store/database.js';
import type { Caller } from '../auth/actor.js';
import type { Clock } from '../auth/clock.js';

/** Console notices as each admin sees them. */
export class NoticeService {
  constructor(private readonly deps: { readonly database: Pick<Database, 'repositories'>; readonly clock: Clock }) {}

  /** Notices of the caller's OG and every OG below it, newest first; dismissed ones only on request. */
  async list(caller: Caller, includeDismissed: boolean): Promise<NoticeForViewer[]> {
    const { actor } = caller;
    return this.deps.database.repositories.notices.listFor(actor.scope, { kind: actor.kind, id: actor.id }, { includeDismissed });
  }

  /** Hides a notice for the caller only. */
  async dismiss(caller: Caller, id: number): Promise<void> {
    const { actor } = caller;
    const viewer = { kind: actor.kind, id: actor.id };
    if (!(await this.deps.database.repositories.notices.dismiss(actor.scope, id, viewer, this.deps.clock.now()))) throw notFound('notice');
  }
}
