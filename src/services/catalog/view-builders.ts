import type { App, AppVersion, AppVersionProfile, Profile } from '../../domain/model.js';
import { daysLeft } from '../../domain/expiry.js';
import type { AppUsage } from '../../store/app.repository.js';
import type { Repositories } from '../../store/repositories.js';
import type { Scope } from '../../store/scope.js';
import type { AppView, BundleView, ProfileView, VersionView } from './catalog-views.js';

/** An app with its days left as of `now` and its usage (none known: no version, no installs). */
export function appView(app: App, usage: AppUsage | undefined, now: Date): AppView {
  return {
    app,
    daysLeft: app.effectiveExpiry === undefined ? null : daysLeft(app.effectiveExpiry, now),
    currentVersion: usage?.currentVersion ?? null,
    installCount: usage?.installCount ?? 0,
  };
}

/** Views of `apps` as of `now`, their usage read in one query for all of them (no query per app). */
export async function appViews(repositories: Repositories, scope: Scope, apps: readonly App[], now: Date): Promise<AppView[]> {
  const usage = await repositories.apps.usage(
    scope,
    apps.map((app) => app.id),
  );
  return apps.map((app) => appView(app, usage.get(app.id), now));
}

/** The view of one app as of `now`, with its usage. */
export async function singleAppView(repositories: Repositories, scope: Scope, app: App, now: Date): Promise<AppView> {
  const usage = await repositories.apps.usage(scope, [app.id]);
  return appView(app, usage.get(app.id), now);
}

/** A profile with its days left as of `now`. */
export function profileView(profile: Profile, now: Date): ProfileView {
  return { profile, daysLeft: daysLeft(profile.expirationDate, now) };
}

/** A version with each bundle's profile and signing certificate, as far as the scope reaches. */
export async function describeVersion(repositories: Repositories, scope: Scope, version: AppVersion, now: Date): Promise<VersionView> {
  const links = (await repositories.appVersions.bundles(scope, version.id)) ?? [];
  const bundles = await Promise.all(links.map((link) => describeBundle(repositories, scope, link, now)));
  return { version, bundles: bundles.filter((bundle): bundle is BundleView => bundle !== undefined) };
}

async function describeBundle(
  repositories: Repositories,
  scope: Scope,
  link: AppVersionProfile,
  now: Date,
): Promise<BundleView | undefined> {
  const profile = await repositories.profiles.get(scope, link.profileId);
  if (profile === undefined) return undefined;
  const certificateId = link.signingCertificateId;
  const signingCertificate = certificateId === undefined ? undefined : await repositories.certificates.get(scope, certificateId);
  return { bundleId: link.bundleId, profile: profileView(profile, now), signingCertificate: signingCertificate ?? null };
}
