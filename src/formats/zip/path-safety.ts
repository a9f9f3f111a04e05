const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const DOT = 0x2e;

/**
 * Why an entry name could escape or alias the folder it is extracted to, or null when it is safe.
 *
 * Backslashes count as separators because Windows tools (and Windows extractors) treat them so.
 * `.` and empty segments are refused too: `Payload/./A.app/Info.plist` would name the same file
 * as `Payload/A.app/Info.plist`, letting an archive show one Info.plist to us and another to a
 * device.
 */
export function unsafePathReason(name: string): string | null {
  if (name.includes('\0')) return 'contains a NUL character';
  if (isSeparator(name.charCodeAt(0))) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  const { dotDot, dot, empty } = segmentKinds(name);
  if (dotDot) return 'has a ".." segment';
  if (dot) return 'has a "." segment';
  if (empty) return 'has an empty segment';
  return null;
}

/**
 * Which troublesome segments the name has. One trailing separator marks a folder and ends no
 * segment. Every name in an archive passes here, so this scans characters instead of splitting.
 */
function segmentKinds(name: string): { dotDot: boolean; dot: boolean; empty: boolean } {
  const end = isSeparator(name.charCodeAt(name.length - 1)) ? name.length - 1 : name.length;
  const kinds = { dotDot: false, dot: false, empty: false };
  let start = 0;
  for (let at = 0; at <= end; at++) {
    if (at < end && !isSeparator(name.charCodeAt(at))) continue;
    const length = at - start;
    if (length === 0) kinds.empty = true;
    else if (length <= 2 && name.charCodeAt(start) === DOT && name.charCodeAt(at - 1) === DOT) {
      if (length === 1) kinds.dot = true;
      else kinds.dotDot = true;
    }
    start = at + 1;
  }
  return kinds;
}

function isSeparator(code: number): boolean {
  return code === SLASH || code === BACKSLASH;
}
