import type { Generated, Kysely } from 'kysely';
import type { JsonText, Millis, StoreSchema } from './schema.js';

/** A console notice: one subject (profile or certificate) reaching one threshold, once. */
export interface ExpiryNoticeTable {
  id: Generated<number>;
  og_id: number;
  /** `profile` or `certificate`. */
  subject_type: string;
  subject_id: number;
  subject_name: string;
  /** Days before expiry (60, 30, 14, 7, 1) or 0 for "has expired". */
  threshold: number;
  expires_at: Millis;
  /** The apps, OGs and device counts affected, as the scan found them (JSON). */
  impact: JsonText;
  created_at: Millis;
}

/** Who dismissed a notice: per admin (or token), so one admin's dismissal hides it for no one else. */
export interface NoticeDismissalTable {
  notice_id: number;
  actor_kind: string;
  actor_id: number;
  dismissed_at: Millis;
}

/** What every device running one app at one expiry is told at one stage (migration 0010). */
export interface DeviceNoticeStageTable {
  id: Generated<number>;
  app_id: number;
  /** The effective expiry of the app versions concerned. */
  expires_at: Millis;
  /** Days before expiry (30, 14, 7, 1) or 0 for "has expired". */
  threshold: number;
  message: string;
  created_at: Millis;
}

/** A stage's notice as one device got it: through the device channel, by email, or both. */
export interface DeviceNoticeDeliveryTable {
  device_id: number;
  stage_id: number;
  /** When the device collected it; null while only emailed. */
  delivered_at: Millis | null;
  /** `sent` or `failed` once the email was tried; null while not. */
  email_status: string | null;
}

/** App versions the scan found expired, and when it did. */
export interface ExpiredAppVersionTable {
  app_version_id: number;
  expired_at: Millis;
}

/** Where an OG's admins want alerts: an email address or a webhook URL with its signing secret. */
export interface AlertChannelTable {
  id: Generated<number>;
  og_id: number;
  /** `email` or `webhook`. */
  kind: string;
  /** The address or URL. */
  target: string;
  /** The webhook's HMAC key, kept usable because signing needs it; never returned by the API. */
  secret: string | null;
  created_at: Millis;
}

/** One attempt to deliver an alert over a channel. */
export interface AlertDeliveryTable {
  id: Generated<number>;
  channel_id: number;
  notice_id: number | null;
  attempt: number;
  /** `delivered` or `failed`. */
  outcome: string;
  status_code: number | null;
  error: string | null;
  at: Millis;
}

/** A token-protected iCalendar feed of an OG's upcoming expiries; the token is stored hashed. */
export interface CalendarFeedTable {
  id: Generated<number>;
  og_id: number;
  token_hash: string;
  created_at: Millis;
}

/** The tables of migration 0006, with device notices as migration 0010 made them. */
export interface LifecycleSchema {
  expiry_notices: ExpiryNoticeTable;
  notice_dismissals: NoticeDismissalTable;
  device_notice_stages: DeviceNoticeStageTable;
  device_notice_deliveries: DeviceNoticeDeliveryTable;
  expired_app_versions: ExpiredAppVersionTable;
  alert_channels: AlertChannelTable;
  alert_deliveries: AlertDeliveryTable;
  calendar_feeds: CalendarFeedTable;
}

export type LifecycleStoreSchema = StoreSchema & LifecycleSchema;

/**
 * The same connection typed with the lifecycle tables too; they exist once migrations 0006 and 0010 ran,
 * which `openDatabase` guarantees (see `withMdmTables` for why this is a cast).
 */
export function withLifecycleTables(db: Kysely<StoreSchema>): Kysely<LifecycleStoreSchema> {
  return db as unknown as Kysely<LifecycleStoreSchema>;
}
