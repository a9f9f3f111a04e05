import type { AppBuild } from './demo-builds.js';
import type { DemoClock } from './demo-clock.js';
import { DemoApi } from './demo-api.js';
import type { DemoOgs } from './seed-organization.js';
import { regionAdmin } from './seed-organization.js';
import { DEMO_PASSWORD, type AppPlan } from './world-plan.js';

/** An uploaded app: its catalog ids. */
export interface UploadedDemoApp {
  readonly plan: AppPlan;
  readonly appId: number;
  readonly versionId: number;
  readonly profileId: number;
}

interface UploadAnswer {
  readonly app: { readonly id: number };
  readonly version: { readonly id: number; readonly bundles: ReadonlyArray<{ readonly profile: { readonly id: number } }> };
}

/**
 * Uploads every app as its region's admin would, in the console's Upload form. An app uploaded
 * "days ago" is uploaded with the server's clock set back, by an admin logged in at that time.
 */
export async function uploadApps(url: string, clock: DemoClock, ogs: DemoOgs, builds: readonly AppBuild[]): Promise<UploadedDemoApp[]> {
  const uploaded: UploadedDemoApp[] = [];
  for (const build of builds) {
    const upload = async () => uploadApp(await DemoApi.login(url, regionAdmin(build.plan.region), DEMO_PASSWORD), ogs, build);
    uploaded.push(build.plan.uploadedDaysAgo > 0 ? await clock.daysAgo(build.plan.uploadedDaysAgo, upload) : await upload());
  }
  return uploaded;
}

async function uploadApp(api: DemoApi, ogs: DemoOgs, build: AppBuild): Promise<UploadedDemoApp> {
  const file = { field: 'ipa', fileName: `${build.plan.name}.ipa`, content: build.ipa };
  const answer = await api.upload<UploadAnswer>('/apps', { og: String(ogs.regions[build.plan.region]) }, [file]);
  const profileId = answer.version.bundles[0]?.profile.id;
  if (profileId === undefined) throw new Error(`${build.plan.name} was stored without a profile`);
  return { plan: build.plan, appId: answer.app.id, versionId: answer.version.id, profileId };
}
