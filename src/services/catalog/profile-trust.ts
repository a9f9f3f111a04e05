import { join } from 'node:path';
import type { TrustSettings } from '../../config/server-config.js';
import type { TrustAnchors } from '../../formats/cms/index.js';
import { loadTrustAnchors, rememberRoots } from '../../io/trust-store.js';

/** How uploaded profiles' signatures are judged. */
export interface ProfileTrust {
  /** Apple Root CA pinned, roots learned earlier, and the configured extra anchors. */
  readonly anchors: TrustAnchors;
  /** Keeps pinned roots met for the first time, so they are trusted after a restart too. */
  readonly remember: (roots: readonly Uint8Array[]) => Promise<void>;
  /** Accept `untrusted` signatures (test labs only); `tampered` ones never. */
  readonly allowUntrustedProfiles: boolean;
}

/** Where a server keeps the Apple roots it learned from profiles. */
export function trustStoreDir(dataDir: string): string {
  return join(dataDir, 'trust');
}

/** The server's profile trust: its trust store under the data folder plus the configured PEM anchors. */
export async function loadProfileTrust(dataDir: string, settings: TrustSettings): Promise<ProfileTrust> {
  const dir = trustStoreDir(dataDir);
  const anchors = await loadTrustAnchors(dir);
  if (settings.extraAnchorsPem !== undefined) anchors.addPemBundle(settings.extraAnchorsPem);
  return {
    anchors,
    remember: (roots) => rememberRoots(dir, roots),
    allowUntrustedProfiles: settings.allowUntrustedProfiles,
  };
}
