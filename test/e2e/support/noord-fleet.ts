import { ApiClient } from './api-client.js';
import { SEED_PASSWORD, seedWorld, type SeededWorld } from './seed-world.js';
import { enrollDevices, type SimulatedDevices } from './simulated-devices.js';

/** The seeded world, Noord's admin over the API, and simulated iPhones enrolled in Noord. */
export interface NoordFleet {
  readonly world: SeededWorld;
  readonly noord: ApiClient;
  readonly devices: SimulatedDevices;
}

/** Seeds the world on the server at `serverUrl` and enrolls `count` devices in Noord, none running an app yet. */
export async function seedNoordFleet(serverUrl: string, count: number): Promise<NoordFleet> {
  const world = await seedWorld(serverUrl);
  const noord = await ApiClient.login(serverUrl, world.admins.noord, SEED_PASSWORD);
  const devices = await enrollDevices(serverUrl, noord, world.ogs.noord, count);
  return { world, noord, devices };
}
