import { isAbsolute, relative } from 'node:path';
import { BOOTSTRAP_USERNAME } from '../services/auth/bootstrap.js';
import { regionAdmin } from './seed-organization.js';
import type { DemoWorld } from './start-demo.js';
import { COMPANY, DEMO_PASSWORD, REGION_LOGINS, REGION_NAMES, SHARED_PROFILE } from './world-plan.js';

const ROLE_WORDS = { 'app-admin': 'admin', 'read-only': 'read-only admin' } as const;

/** What the demo prints once the world is ready: where to go, who to log in as, what to try. */
export function readyBanner(world: DemoWorld, seconds: number, cwd: string = process.cwd()): string {
  const logins: ReadonlyArray<readonly [string, string]> = [
    [BOOTSTRAP_USERNAME, 'system admin, sees every group'],
    ...REGION_LOGINS.map((login): readonly [string, string] => [login.username, `${ROLE_WORDS[login.role]} of ${COMPANY} > ${REGION_NAMES[login.region]}`]),
  ];
  const width = Math.max(...logins.map(([name]) => name.length)) + 2;
  const sharing = world.apps.filter((app) => app.plan.profile === SHARED_PROFILE);
  const renewer = sharing[0] === undefined ? BOOTSTRAP_USERNAME : regionAdmin(sharing[0].plan.region);
  return [
    '',
    `Provisio demo is ready (${seconds} s): ${world.url}`,
    '',
    `Log in with password "${DEMO_PASSWORD}" as:`,
    ...logins.map(([name, what]) => `  ${name.padEnd(width)}${what}`),
    '',
    `${world.fleet.devices.length} simulated iPhones are enrolled and check in every minute; some are locked at times.`,
    `The profile "${SHARED_PROFILE.name}" of ${sharing.map((app) => app.plan.name).join(', ')} expires in ${Math.floor(SHARED_PROFILE.expiresInDays)} days.`,
    'To try a renewal, upload',
    `  ${world.replacementFile}`,
    `on the Files tab of ${world.renewalApp} (as ${renewer}) and watch it roll out to the devices.`,
    '',
    `Server log: ${shortPath(world.logFile, cwd)}. Press Ctrl-C to stop.`,
    '',
  ].join('\n');
}

/** The path relative to `cwd` when it lies below it, else as given. */
function shortPath(path: string, cwd: string): string {
  const below = relative(cwd, path);
  return below.startsWith('..') || isAbsolute(below) ? path : below;
}
