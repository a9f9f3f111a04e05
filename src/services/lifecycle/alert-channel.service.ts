import { createHash, randomBytes } from 'node:crypto';
import { buildCalendar } from '../../alerts/ical.js';
import { notFound } from '../../http/errors.js';
import type { AlertChannel, AlertChannelKind } from '../../store/alert-channel.repository.js';
import type { AlertDelivery } from '../../store/alert-delivery.repository.js';
import type { Database } from '../../store/database.js';
import type { Caller } from '../auth/actor.js';
import type { Clock } from '../auth/clock.js';
import { found } from '../catalog/scope-checks.js';

const DAY_MS = 86_400_000;
/** How far ahead the calendar looks. */
const CALENDAR_DAYS = 400;

export interface NewChannelRequest {
  readonly ogId: number;
  readonly kind: AlertChannelKind;
  readonly target: string;
}

/** A created channel; a webhook's secret is shown this once. */
export interface CreatedChannel {
  readonly channel: AlertChannel;
  readonly secret: string | undefined;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Admin configuration of alert channels and calendar feeds. A webhook secret is generated here
 * and stored as-is (signing needs the key itself, so a hash would not do; encrypting it with a key
 * kept next to the database would add ceremony without protection), and it is returned only
 * once, at creation. Calendar tokens only need checking, so only their hash is stored.
 */
export class AlertChannelService {
  constructor(private readonly deps: { readonly database: Pick<Database, 'repositories'>; readonly clock: Clock }) {}

  async create(caller: Caller, request: NewChannelRequest): Promise<CreatedChannel> {
    const secret = request.kind === 'webhook' ? randomBytes(32).toString('base64url') : undefined;
    const input = { ...request, secret };
    const channel = await this.deps.database.repositories.alertChannels.create(caller.actor.scope, input, this.deps.clock.now());
    return { channel: found(channel, 'organization group'), secret };
  }

  list(caller: Caller): Promise<AlertChannel[]> {
    return this.deps.database.repositories.alertChannels.list(caller.actor.scope);
  }

  async delete(caller: Caller, id: number): Promise<void> {
    if (!(await this.deps.database.repositories.alertChannels.delete(caller.actor.scope, id))) throw notFound('alert channel');
  }

  deliveries(caller: Caller, channelId: number): Promise<AlertDelivery[]> {
    return this.deps.database.repositories.alertDeliveries.listForChannel(caller.actor.scope, channelId);
  }

  /** A new calendar feed of an OG; the token (part of the URL) is shown this once. */
  async createCalendarFeed(caller: Caller, ogId: number): Promise<{ readonly id: number; readonly token: string }> {
    const token = randomBytes(24).toString('base64url');
    const feed = await this.deps.database.repositories.alertCalendars.create(caller.actor.scope, ogId, hashToken(token), this.deps.clock.now());
    return { id: found(feed, 'organization group').id, token };
  }

  /** The iCalendar document a feed token opens: one all-day event per upcoming profile or certificate expiry. */
  async calendar(token: string): Promise<string> {
    const { repositories } = this.deps.database;
    const feed = found(await repositories.alertCalendars.findByTokenHash(hashToken(token)), 'calendar');
    const scope = found(await repositories.ogs.scopeFor(feed.ogId), 'calendar');
    const now = this.deps.clock.now();
    const subjects = await repositories.expiry.subjectsExpiringBefore(scope, new Date(now.getTime() + CALENDAR_DAYS * DAY_MS));
    const events = subjects
      .filter((subject) => subject.expiresAt.getTime() > now.getTime())
      .map((subject) => ({
        uid: `${subject.type}-${subject.id}-${subject.expiresAt.getTime()}@provisio`,
        day: subject.expiresAt,
        summary: `${subject.type === 'profile' ? 'Provisioning profile' : 'Certificate'} "${subject.name}" expires`,
      }));
    return buildCalendar('Provisio expiries', events, now);
  }
}
