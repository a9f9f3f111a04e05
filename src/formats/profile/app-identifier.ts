/** The parts of an application-identifier entitlement such as `ABCDE12345.com.example.app`. */
export interface AppIdentifier {
  readonly prefix: string;
  readonly bundleId: string;
  readonly isWildcard: boolean;
}

/**
 * Splits `PREFIX.bundle.id` at the first dot. The prefix is the team (or legacy app-id
 * prefix); a bundle id of `*` or ending in `.*` is a wildcard App ID.
 */
export function splitAppIdentifier(applicationIdentifier: string): AppIdentifier | null {
  const dot = applicationIdentifier.indexOf('.');
  if (dot <= 0 || dot === applicationIdentifier.length - 1) return null;
  const bundleId = applicationIdentifier.slice(dot + 1);
  return {
    prefix: applicationIdentifier.slice(0, dot),
    bundleId,
    isWildcard: bundleId === '*' || bundleId.endsWith('.*'),
  };
}

/**
 * Whether a profile's bundle id pattern covers a concrete bundle id: exactly, or by a wildcard
 * whose stem is a dot-separated prefix of it (`com.acme.*` covers `com.acme.app`, not `com.acmex`).
 */
export function bundleIdCovers(pattern: string, bundleId: string): boolean {
  if (pattern === '*') return bundleId.length > 0;
  if (pattern.endsWith('.*')) return bundleId.startsWith(pattern.slice(0, -1)) && bundleId.length > pattern.length - 1;
  return pattern === bundleId;
}
