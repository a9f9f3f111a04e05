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
  if (name.startsWith('/') || name.startsWith('\\')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  const segments = name.replace(/[/\\]$/, '').split(/[/\\]/);
  if (segments.includes('..')) return 'has a ".." segment';
  if (segments.includes('.')) return 'has a "." segment';
  if (segments.includes('')) return 'has an empty segment';
  return null;
}
