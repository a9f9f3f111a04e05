import type { Readable } from 'node:stream';
import type { BlobStore } from '../../io/blob-store.js';
import type { Database } from '../../store/database.js';
import { buildAppManifest } from '../commands/index.js';
import { DOWNLOAD_LINK_TTL_MS, type DownloadLinks } from './download-links.js';

/** The device-facing paths of an app version's manifest and .ipa. */
export function manifestPath(appVersionId: number): string {
  return `/mdm/apps/${appVersionId}/manifest.plist`;
}

export function ipaPath(appVersionId: number): string {
  return `/mdm/apps/${appVersionId}/app.ipa`;
}

/**
 * What devices download to install an app: the manifest InstallApplication points at, and the
 * .ipa the manifest points at, both behind signed, expiring links.
 */
export class AppDownloads {
  constructor(
    private readonly deps: {
      readonly database: Pick<Database, 'repositories'>;
      readonly blobs: BlobStore;
      readonly links: DownloadLinks;
    },
  ) {}

  /** The manifest of a version, its .ipa link valid from `now`; undefined for an unknown version. */
  async manifest(appVersionId: number, now: Date): Promise<Uint8Array | undefined> {
    const { ogs, appVersions, apps } = this.deps.database.repositories;
    const root = await ogs.rootScope();
    const version = await appVersions.get(root, appVersionId);
    const app = version === undefined ? undefined : await apps.get(root, version.appId);
    if (version === undefined || app === undefined) return undefined;
    return buildAppManifest({
      ipaUrl: this.deps.links.sign(ipaPath(appVersionId), new Date(now.getTime() + DOWNLOAD_LINK_TTL_MS)),
      bundleIdentifier: app.bundleId,
      bundleVersion: version.shortVersion,
      title: app.name,
    });
  }

  /** The .ipa of a version; undefined for an unknown version or a missing blob. */
  async ipa(appVersionId: number): Promise<{ readonly stream: Readable; readonly size: number } | undefined> {
    const { ogs, appVersions } = this.deps.database.repositories;
    const version = await appVersions.get(await ogs.rootScope(), appVersionId);
    const stream = version === undefined ? undefined : await this.deps.blobs.open(version.ipaSha256);
    return stream === undefined || version === undefined ? undefined : { stream, size: version.ipaSize };
  }
}
