import { FormatError } from '../errors.js';

/**
 * Finds the one `.app` folder directly under `Payload/`, at the archive root or under exactly one
 * top-level folder (zips made by compressing a folder in Finder). `__MACOSX/` resource forks and
 * `.DS_Store` files are ignored. Throws `ipa.no_app_bundle` or `ipa.multiple_app_bundles`.
 */
export function findAppBundle(names: Iterable<string>): string {
  const bundles = new Set<string>();
  let found: string | null = null;
  for (const name of names) {
    // Zips list a folder's files together, and a name inside the bundle found last can only name it again.
    if (found !== null && name.startsWith(found)) continue;
    const segments = meaningfulSegments(name);
    if (segments === null) continue;
    const payloadAt = segments[0] === 'Payload' ? 0 : segments[1] === 'Payload' ? 1 : -1;
    const bundle = payloadAt < 0 ? undefined : segments[payloadAt + 1];
    // A bundle counts once something is inside it (a trailing `/` leaves an empty last segment).
    if (bundle?.endsWith('.app') === true && segments.length > payloadAt + 2) {
      const path = segments.slice(0, payloadAt + 2).join('/');
      bundles.add(path);
      found = `${path}/`;
    }
  }
  if (bundles.size === 0) {
    throw new FormatError('ipa.no_app_bundle', 'no Payload/*.app folder in the archive');
  }
  if (bundles.size > 1) {
    throw new FormatError('ipa.multiple_app_bundles', `more than one app bundle: ${[...bundles].sort().join(', ')}`);
  }
  return [...bundles][0]!;
}

/** The `.appex` folders directly under `<appPath>/PlugIns/`, sorted. */
export function findExtensions(names: Iterable<string>, appPath: string): string[] {
  const prefix = `${appPath}/PlugIns/`;
  const extensions = new Set<string>();
  let found: string | null = null;
  for (const name of names) {
    if (!name.startsWith(prefix) || (found !== null && name.startsWith(found))) continue;
    if (meaningfulSegments(name) === null) continue;
    const rest = name.slice(prefix.length).split('/');
    if (rest[0]?.endsWith('.appex') === true && rest.length > 1) {
      extensions.add(`${prefix}${rest[0]}`);
      found = `${prefix}${rest[0]}/`;
    }
  }
  return [...extensions].sort();
}

function meaningfulSegments(name: string): string[] | null {
  const segments = name.split('/');
  if (segments.includes('__MACOSX') || segments.at(-1) === '.DS_Store') return null;
  return segments;
}
