/**
 * Expiry and renewal: the expiry scan, console and device notices, alert channels and the
 * timeline. Renewals (checks, plan, apply, rollout) are built by the renewal routes, which also
 * need the MDM push dispatcher: RenewalPlanService, RenewalApplyService, RolloutService.
 *
 * Error codes raised here: `renewal.checks_failed` (422, every failed check in
 * `details.violations`, codes in `domain/renewal-violations.ts`), `renewal.apps_not_chosen`
 * (409), `renewal.profile_superseded` (409), `not_found` (404) for notices, channels, calendars and profiles missing or out of scope.
 */
import type { EmailSender } from '../../alerts/email-sender.js';
import type { Database } from '../../store/database.js';
import type { Clock } from '../auth/clock.js';
import type { ProfileTrust } from '../catalog/profile-trust.js';
import { AlertChannelService } from './alert-channel.service.js';
import { AlertDispatchService } from './alert-dispatch.service.js';
import { ExpiryScanService } from './expiry-scan.service.js';
import { ExpiryTimelineService } from './expiry-timeline.service.js';
import { NoticeService } from './notice.service.js';

export interface LifecycleDeps {
  readonly database: Pick<Database, 'repositories' | 'transaction'>;
  readonly clock: Clock;
  readonly trust: ProfileTrust;
  readonly email?: EmailSender;
}

export interface LifecycleServices {
  readonly scans: ExpiryScanService;
  readonly notices: NoticeService;
  readonly timeline: ExpiryTimelineService;
  readonly channels: AlertChannelService;
}

export function createLifecycleServices(deps: LifecycleDeps): LifecycleServices {
  const { database, clock } = deps;
  const listener = new AlertDispatchService({ database, clock, email: deps.email });
  return {
    scans: new ExpiryScanService({ database, clock, listener }),
    notices: new NoticeService({ database, clock }),
    timeline: new ExpiryTimelineService({ database, clock }),
    channels: new AlertChannelService({ database, clock }),
  };
}
