/**
 * The demo world as data: who logs in, which groups exist, which apps run under which profiles
 * and certificates, and where each app is installed. `seed-world.ts` makes it real through the
 * public API.
 */

/** The password of every demo login; the demo server listens on localhost only. */
export const DEMO_PASSWORD = 'provisio-demo';

/** The Apple team of every demo app: ten capitals and digits, like a real team id. */
export const DEMO_TEAM = { id: 'ACMEDEMO01', name: 'Acme Corporation' } as const;

export const COMPANY = 'Acme';
export const REGIONS = ['north', 'south'] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_NAMES: Readonly<Record<Region, string>> = { north: 'Region North', south: 'Region South' };

/** An admin and a read-only admin per region. */
export interface DemoLogin {
  readonly username: string;
  readonly role: 'app-admin' | 'read-only';
  readonly region: Region;
}

export const REGION_LOGINS: readonly DemoLogin[] = [
  { username: 'north-admin', role: 'app-admin', region: 'north' },
  { username: 'north-viewer', role: 'read-only', region: 'north' },
  { username: 'south-admin', role: 'app-admin', region: 'south' },
  { username: 'south-viewer', role: 'read-only', region: 'south' },
];

/**
 * Half a day on top of whole days, so "expires in 45 days" reads the same for the whole demo
 * session instead of turning into 44 a few hours in.
 */
const HALF_DAY = 0.5;

/** A provisioning profile, by when it expires (days from now; negative: already expired). */
export interface ProfilePlan {
  readonly name: string;
  /** The App ID's bundle id or wildcard. */
  readonly bundleId: string;
  readonly expiresInDays: number;
}

/** The distribution certificate that signs an app and is listed in its profile. */
export interface CertificatePlan {
  readonly key: 'current' | 'retiring';
  readonly expiresInDays: number;
}

export interface AppPlan {
  readonly name: string;
  readonly bundleId: string;
  readonly region: Region;
  readonly profile: ProfilePlan;
  readonly certificate: CertificatePlan;
  /** Share of the region's devices the app is installed on (0: none). */
  readonly installedOn: number;
  /** Uploaded this many days ago (the clock is set back for it); 0: now. */
  readonly uploadedDaysAgo: number;
}

/** Valid for two more years: apps signed with it expire by their profile. */
const CURRENT_CERTIFICATE: CertificatePlan = { key: 'current', expiresInDays: 730 + HALF_DAY };
/** The team's older certificate, expiring in ten days: its app dies before its profile does. */
const RETIRING_CERTIFICATE: CertificatePlan = { key: 'retiring', expiresInDays: 10 + HALF_DAY };

/** One enterprise profile for three apps: the renewal to try in the console. */
export const SHARED_PROFILE: ProfilePlan = { name: 'Acme Field Apps', bundleId: 'com.acme.*', expiresInDays: 45 + HALF_DAY };

/** The replacement for {@link SHARED_PROFILE} the demo writes to a file, valid for a year. */
export const RENEWED_SHARED_PROFILE: ProfilePlan = { ...SHARED_PROFILE, expiresInDays: 365 + HALF_DAY };

/** An app of the north region running under the shared profile. */
function sharedProfileApp(name: string, bundleId: string, installedOn: number): AppPlan {
  return { name, bundleId, region: 'north', profile: SHARED_PROFILE, certificate: CURRENT_CERTIFICATE, installedOn, uploadedDaysAgo: 0 };
}

export const APPS: readonly AppPlan[] = [
  sharedProfileApp('Field Service', 'com.acme.fieldservice', 1),
  sharedProfileApp('Timesheets', 'com.acme.timesheets', 1),
  sharedProfileApp('Inventory', 'com.acme.inventory', 0.6),
  {
    name: 'Safety Checklist',
    bundleId: 'com.acme.safety',
    region: 'north',
    profile: { name: 'Safety Checklist', bundleId: 'com.acme.safety', expiresInDays: 200 + HALF_DAY },
    certificate: CURRENT_CERTIFICATE,
    installedOn: 0.8,
    uploadedDaysAgo: 0,
  },
  {
    name: 'Shift Roster',
    bundleId: 'com.acme.roster',
    region: 'south',
    profile: { name: 'Shift Roster', bundleId: 'com.acme.roster', expiresInDays: 300 + HALF_DAY },
    certificate: RETIRING_CERTIFICATE,
    installedOn: 1,
    uploadedDaysAgo: 0,
  },
  {
    name: 'Visit Planner',
    bundleId: 'com.acme.visitplanner',
    region: 'south',
    profile: { name: 'Visit Planner', bundleId: 'com.acme.visitplanner', expiresInDays: -5 + HALF_DAY },
    certificate: CURRENT_CERTIFICATE,
    // Expired apps cannot be installed any more.
    installedOn: 0,
    uploadedDaysAgo: 40,
  },
];

/**
 * Which region the `index`-th simulated device enrolls in: half of them each, in the order
 * north, south, south, north, so both regions get every model and iOS version the simulator
 * varies by index (a plain alternation would put one iOS version in each region).
 */
export function regionOfDevice(index: number): Region {
  return index % 4 === 0 || index % 4 === 3 ? 'north' : 'south';
}
