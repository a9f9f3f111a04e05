import type { Threshold } from './expiry-thresholds.js';

/** What expires: a provisioning profile or a distribution certificate. */
export type NoticeSubject = 'profile' | 'certificate';

/** An app that stops working when a subject expires, with the devices that run it. */
export interface AffectedApp {
  readonly appId: number;
  readonly name: string;
  readonly ogId: number;
  readonly devices: number;
}

/** Who and what a notice concerns, as the scan found it. */
export interface NoticeImpact {
  readonly apps: readonly AffectedApp[];
  readonly ogIds: readonly number[];
  /** Sum over the apps: a device running two affected apps counts twice, once per app it loses. */
  readonly devices: number;
}

/** A console notice: `subject` reached `threshold` days before it expires (0: it has expired). */
export interface ExpiryNotice {
  readonly id: number;
  readonly ogId: number;
  readonly subjectType: NoticeSubject;
  readonly subjectId: number;
  readonly subjectName: string;
  readonly threshold: Threshold;
  readonly expiresAt: Date;
  readonly impact: NoticeImpact;
  readonly createdAt: Date;
}

/** A notice as one admin sees it. */
export interface NoticeForViewer extends ExpiryNotice {
  readonly dismissed: boolean;
}

/** The impact of a subject from its affected apps and the distinct devices running any of them. */
export function impactOf(apps: readonly AffectedApp[], devices: number): NoticeImpact {
  return {
    apps,
    ogIds: [...new Set(apps.map((app) => app.ogId))].sort((a, b) => a - b),
    devices,
  };
}

/** The one-line text of a notice, as email subjects and calendar summaries show it. */
export function noticeHeadline(notice: Pick<ExpiryNotice, 'subjectType' | 'subjectName' | 'threshold' | 'expiresAt'>): string {
  const what = `${notice.subjectType === 'profile' ? 'Provisioning profile' : 'Certificate'} "${notice.subjectName}"`;
  const day = notice.expiresAt.toISOString().slice(0, 10);
  if (notice.threshold === 0) return `${what} has expired (${day})`;
  return `${what} expires within ${notice.threshold} day${notice.threshold === 1 ? '' : 's'} (${day})`;
}
