import { fetchApp } from '../../api/catalog';
import { isAbort } from '../../api/api-failure';
import type { AppDetail, Installation } from '../../api/types';

/** What the console knows of an installed catalog app: its name and when the installed build stops. */
export interface InstalledAppFacts {
  readonly name: string;
  /** The installed version's effective expiry; the app's when that version is not among the newest. */
  readonly expiry: string | null;
}

/**
 * The catalog facts of a device's recognised installations, keyed by bundle id: one request per
 * distinct app (a device holds a handful of internal apps). The device answer itself carries no
 * expiry, so it is read from the apps.
 */
export async function installedAppFacts(installations: readonly Installation[], signal: AbortSignal): Promise<ReadonlyMap<string, InstalledAppFacts>> {
  const appIds = [...new Set(installations.flatMap((installation) => (installation.appId === null ? [] : [installation.appId])))];
  const answers = await Promise.all(appIds.map((id) => fetchApp(id, signal).catch(skipUnlessAborted)));
  const apps = new Map<number, AppDetail>(answers.flatMap((app) => (app === undefined ? [] : [[app.id, app] as const])));
  const facts = new Map<string, InstalledAppFacts>();
  for (const installation of installations) {
    const app = installation.appId === null ? undefined : apps.get(installation.appId);
    if (app === undefined) continue;
    const version = app.versions.items.find((candidate) => candidate.id === installation.appVersionId);
    facts.set(installation.bundleId, { name: app.name, expiry: version === undefined ? app.effectiveExpiry : version.effectiveExpiry });
  }
  return facts;
}

/** An app that cannot be read (e.g. moved out of reach) only loses its facts; a cancelled read stays cancelled. */
function skipUnlessAborted(error: unknown): undefined {
  if (isAbort(error)) throw error;
  return undefined;
}
