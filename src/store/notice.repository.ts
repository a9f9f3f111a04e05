import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Threshold } from '../domain/expiry-thresholds.js';
import type { ExpiryNotice, NoticeForViewer, NoticeImpact, NoticeSubject } from '../domain/notice-types.js';
import { withLifecycleTables, type ExpiryNoticeTable, type LifecycleStoreSchema } from './expiry-schema.js';
import type { StoreSchema } from './schema.js';
import { inScope, type Scope } from './scope.js';
import { fromMillis, toJson, toMillis } from './values.js';

/** A notice to record; its id and creation time are the store's. */
export type NewNotice = Omit<ExpiryNotice, 'id' | 'createdAt'>;

/** Who reads or dismisses notices: an admin or an API token. */
export interface NoticeViewer {
  readonly kind: 'admin' | 'token';
  readonly id: number;
}

/** Eight bound values a row: well within both databases' limits on parameters per statement. */
const ROWS_PER_INSERT = 500;

function noticeValues(notice: NewNotice, now: Date): Insertable<ExpiryNoticeTable> {
  return {
    og_id: notice.ogId,
    subject_type: notice.subjectType,
    subject_id: notice.subjectId,
    subject_name: notice.subjectName,
    threshold: notice.threshold,
    expires_at: toMillis(notice.expiresAt),
    impact: toJson(notice.impact),
    created_at: toMillis(now),
  };
}

function toNotice(row: Selectable<ExpiryNoticeTable>): ExpiryNotice {
  return {
    id: row.id,
    ogId: row.og_id,
    subjectType: row.subject_type as NoticeSubject,
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    threshold: row.threshold as Threshold,
    expiresAt: fromMillis(row.expires_at),
    impact: JSON.parse(row.impact) as NoticeImpact,
    createdAt: fromMillis(row.created_at),
  };
}

/**
 * Console notices about expiring profiles and certificates. A notice belongs to the subject's OG,
 * so admins of that OG and of its ancestors see it (their scope contains it), siblings do not.
 */
export class NoticeRepository {
  private readonly db: Kysely<LifecycleStoreSchema>;

  constructor(db: Kysely<StoreSchema>) {
    this.db = withLifecycleTables(db);
  }

  /**
   * Records the notices, a few hundred rows per statement, skipping any whose subject already has
   * one at that threshold (a scan on another server got there first). Returns those recorded.
   */
  async recordAll(notices: readonly NewNotice[], now: Date): Promise<ExpiryNotice[]> {
    const recorded: ExpiryNotice[] = [];
    for (let start = 0; start < notices.length; start += ROWS_PER_INSERT) {
      const rows = await this.db
        .insertInto('expiry_notices')
        .values(notices.slice(start, start + ROWS_PER_INSERT).map((notice) => noticeValues(notice, now)))
        .onConflict((conflict) => conflict.columns(['subject_type', 'subject_id', 'threshold']).doNothing())
        .returningAll()
        .execute();
      recorded.push(...rows.map(toNotice).sort((a, b) => a.id - b.id));
    }
    return recorded;
  }

  /** Notices in scope, newest first, each saying whether `viewer` dismissed it; without dismissed ones, also without those of profiles renewed or deleted since. */
  async listFor(scope: Scope, viewer: NoticeViewer, options: { readonly includeDismissed?: boolean } = {}): Promise<NoticeForViewer[]> {
    let query = this.db
      .selectFrom('expiry_notices')
      .leftJoin('notice_dismissals', (join) =>
        join
          .onRef('notice_dismissals.notice_id', '=', 'expiry_notices.id')
          .on('notice_dismissals.actor_kind', '=', viewer.kind)
          .on('notice_dismissals.actor_id', '=', viewer.id),
      )
      .selectAll('expiry_notices')
      .select('notice_dismissals.dismissed_at')
      .where(inScope(scope, 'expiry_notices.og_id'));
    if (options.includeDismissed !== true) {
      query = query.where('notice_dismissals.dismissed_at', 'is', null);
      // A profile renewed (superseded) or deleted since no longer threatens anything.
      query = query.where((eb) =>
        eb.or([
          eb('expiry_notices.subject_type', '<>', 'profile'),
          eb.exists(
            eb
              .selectFrom('profiles')
              .select('profiles.id')
              .whereRef('profiles.id', '=', 'expiry_notices.subject_id')
              .where('profiles.status', '<>', 'superseded'),
          ),
        ]),
      );
    }
    const rows = await query.orderBy('expiry_notices.created_at', 'desc').orderBy('expiry_notices.id', 'desc').execute();
    return rows.map((row) => ({ ...toNotice(row), dismissed: row.dismissed_at !== null }));
  }

  /** Notices in scope recorded at or after `since` (for the alert channels), oldest first. */
  async recordedSince(scope: Scope, since: Date): Promise<ExpiryNotice[]> {
    const rows = await this.db
      .selectFrom('expiry_notices')
      .selectAll()
      .where(inScope(scope, 'expiry_notices.og_id'))
      .where('created_at', '>=', toMillis(since))
      .orderBy('id')
      .execute();
    return rows.map(toNotice);
  }

  /** Hides the notice for `viewer` only; false when it is not in scope. Dismissing twice is fine. */
  async dismiss(scope: Scope, id: number, viewer: NoticeViewer, now: Date): Promise<boolean> {
    const notice = await this.db
      .selectFrom('expiry_notices')
      .select('id')
      .where('id', '=', id)
      .where(inScope(scope, 'expiry_notices.og_id'))
      .executeTakeFirst();
    if (notice === undefined) return false;
    await this.db
      .insertInto('notice_dismissals')
      .values({ notice_id: id, actor_kind: viewer.kind, actor_id: viewer.id, dismissed_at: toMillis(now) })
      .onConflict((conflict) => conflict.columns(['notice_id', 'actor_kind', 'actor_id']).doNothing())
      .execute();
    return true;
  }
}
