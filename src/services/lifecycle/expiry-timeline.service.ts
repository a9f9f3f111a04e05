import type { DeviceExposure, ExpiringInstallations } from '../../store/expiry.repository.js';
import type { Database } from '../../store/database.js';
import type { Caller } from '../auth/actor.js';
import type { Clock } from '../auth/clock.js';
import { listingScope } from '../catalog/scope-checks.js';

/** The apps that stop on one day, with the devices running each. */
export interface TimelineDay {
  /** `YYYY-MM-DD`, UTC. */
  readonly day: string;
  readonly apps: readonly { readonly appId: number; readonly name: string; readonly ogId: number; readonly devices: number }[];
  readonly devices: number;
}

const DAY_MS = 86_400_000;
export const TIMELINE_DAYS = 365;

/**
 * Groups installations by UTC day and app; days without anything are left out. A day's devices
 * are `devicesPerDay` (distinct devices, keyed by days since the epoch) when given, else the sum.
 */
export function timelineDays(rows: readonly ExpiringInstallations[], devicesPerDay?: ReadonlyMap<number, number>): TimelineDay[] {
  const days = new Map<string, Map<number, { appId: number; name: string; ogId: number; devices: number }>>();
  for (const row of rows) {
    const day = row.expiresAt.toISOString().slice(0, 10);
    const apps = days.get(day) ?? new Map<number, { appId: number; name: string; ogId: number; devices: number }>();
    const app = apps.get(row.appId) ?? { appId: row.appId, name: row.appName, ogId: row.ogId, devices: 0 };
    app.devices += row.devices;
    apps.set(row.appId, app);
    days.set(day, apps);
  }
  return [...days].map(([day, apps]) => {
    const summed = [...apps.values()].reduce((sum, app) => sum + app.devices, 0);
    return { day, apps: [...apps.values()], devices: devicesPerDay?.get(Date.parse(day) / DAY_MS) ?? summed };
  });
}

/** The blast radius: which apps stop on which day, and which devices already cannot open an app. */
export class ExpiryTimelineService {
  constructor(private readonly deps: { readonly database: Pick<Database, 'repositories'>; readonly clock: Clock }) {}

  /** Per day for the next 365 days, the apps that stop working (in `ogId`'s subtree, else the caller's). */
  async timeline(caller: Caller, ogId: number | undefined): Promise<TimelineDay[]> {
    const { repositories } = this.deps.database;
    const scope = await listingScope(repositories, caller, ogId);
    const now = this.deps.clock.now();
    const until = new Date(now.getTime() + TIMELINE_DAYS * DAY_MS);
    const rows = await repositories.expiry.installationsExpiringBetween(scope, now, until);
    return timelineDays(rows, await repositories.expiry.devicesStoppingPerDay(scope, now, until));
  }

  /** Devices holding an app version whose effective expiry has passed: they cannot open it. */
  async unableToOpen(caller: Caller, ogId: number | undefined): Promise<DeviceExposure[]> {
    const { repositories } = this.deps.database;
    const scope = await listingScope(repositories, caller, ogId);
    return repositories.expiry.exposuresBefore(scope, this.deps.clock.now());
  }
}
