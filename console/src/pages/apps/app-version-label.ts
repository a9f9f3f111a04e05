import type { AppCurrentVersion } from '../../api/types';

/**
 * How the apps table writes a version: `2.4 (118)`, as Xcode and the app's detail page do.
 * Undefined when there is nothing to show; a missing half (an IPA without it) is left out.
 */
export function appVersionLabel(version: AppCurrentVersion | null): string | undefined {
  if (version === null) return undefined;
  const { shortVersion, build } = version;
  if (shortVersion === '') return build === '' ? undefined : build;
  return build === '' || build === shortVersion ? shortVersion : `${shortVersion} (${build})`;
}
