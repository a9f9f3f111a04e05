import { BOOTSTRAP_USERNAME } from '../services/auth/bootstrap.js';
import { DemoApi } from './demo-api.js';
import { COMPANY, DEMO_PASSWORD, REGION_LOGINS, REGION_NAMES, REGIONS, type Region } from './world-plan.js';

/** The demo's groups by id. */
export interface DemoOgs {
  readonly company: number;
  readonly regions: Readonly<Record<Region, number>>;
}

/** Sessions of the first admin and of each region's admin. */
export interface DemoSessions {
  readonly system: DemoApi;
  readonly regionAdmins: Readonly<Record<Region, DemoApi>>;
}

/** Global > Acme > Region North, Region South, and an admin and a read-only admin per region. */
export async function seedOrganization(system: DemoApi): Promise<DemoOgs> {
  const global = await system.get<{ id: number }>('/ogs/tree');
  const company = await createOg(system, global.id, COMPANY);
  const regions = { north: await createOg(system, company, REGION_NAMES.north), south: await createOg(system, company, REGION_NAMES.south) };
  for (const login of REGION_LOGINS) {
    await system.post('/admins', { username: login.username, password: DEMO_PASSWORD, role: login.role, homeOgId: regions[login.region] });
  }
  return { company, regions };
}

/** Logs in the first admin, the one that exists before the demo creates any. */
export function logInSystemAdmin(url: string): Promise<DemoApi> {
  return DemoApi.login(url, BOOTSTRAP_USERNAME, DEMO_PASSWORD);
}

/** Logs in each region's read-write admin. */
export async function logInRegionAdmins(url: string): Promise<Record<Region, DemoApi>> {
  const entries = await Promise.all(REGIONS.map(async (region) => [region, await DemoApi.login(url, regionAdmin(region), DEMO_PASSWORD)] as const));
  return Object.fromEntries(entries) as Record<Region, DemoApi>;
}

/** The username of the region's read-write admin. */
export function regionAdmin(region: Region): string {
  const login = REGION_LOGINS.find((candidate) => candidate.region === region && candidate.role === 'app-admin');
  if (!login) throw new Error(`the demo plan has no admin for ${region}`);
  return login.username;
}

async function createOg(api: DemoApi, parentId: number, name: string): Promise<number> {
  return (await api.post<{ id: number }>('/ogs', { parentId, name })).id;
}
