import type { Notice } from '../api/lifecycle-types';
import { daysLeftUntil } from '../components/days-left';
import type { Formatters } from './format';
import type { Messages } from './messages';

/** A notice in words: what expires and when, then whom it stops. */
export interface NoticeText {
  readonly headline: string;
  readonly impact: string;
}

/**
 * "Provisioning profile “Acme Wildcard” expires in 45 days (Feb 17, 2026)" and "Stops Field
 * Service and Timesheets in Noord, on 30 devices". Days are counted from `now`, not from the
 * threshold that raised the notice, so an old notice still says how long is left.
 */
export function describeNotice(notice: Notice, m: Messages, format: Formatters, ogNames: ReadonlyMap<number, string>, now = new Date()): NoticeText {
  const subject = m.notices.subject[notice.subjectType](notice.subjectName);
  const date = format.date(notice.expiresAt);
  const days = daysLeftUntil(notice.expiresAt, now);
  const headline = days < 0 ? m.notices.expired(subject, date) : m.notices.expiresIn(subject, days, date);
  const apps = format.list(notice.impact.apps.map((app) => app.name));
  const ogs = format.list(notice.impact.ogIds.map((id) => ogNames.get(id) ?? m.notices.otherOg));
  const impact = notice.impact.apps.length === 0 ? m.notices.noApps : m.notices.impact(apps, ogs, notice.impact.devices);
  return { headline, impact };
}
