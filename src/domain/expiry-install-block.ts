import type { AppVersion } from './model.js';
import { isExpired } from './expiry.js';

/** Why a version may not be installed, with a stable code the install use case reports. */
export interface InstallBlock {
  readonly code: 'app.expired' | 'app.retired';
  readonly message: string;
}

/**
 * Whether new installs of `version` are refused at `now`: once its effective expiry (earliest
 * profile or signing certificate of its bundles) has passed, iOS would refuse to launch it, so
 * installing it would only hand the user an app that crashes on open. Null when it may install.
 */
export function installBlockReason(
  version: Pick<AppVersion, 'effectiveExpiry' | 'status' | 'shortVersion' | 'build'>,
  now: Date,
): InstallBlock | null {
  const label = `version ${version.shortVersion} (${version.build})`;
  if (version.effectiveExpiry !== undefined && isExpired(version.effectiveExpiry, now)) {
    const when = version.effectiveExpiry.toISOString();
    return { code: 'app.expired', message: `${label} expired on ${when}: its provisioning profile or signing certificate is no longer valid` };
  }
  if (version.status === 'retired') return { code: 'app.retired', message: `${label} is retired` };
  return null;
}
