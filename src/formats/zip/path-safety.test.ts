import { describe, expect, it } from 'vitest';
import { unsafePathReason } from './path-safety.js';

describe('unsafePathReason', () => {
  it.each([
    'Payload/A.app/Info.plist',
    'Payload/A.app/',
    'MyApp/Payload/A.app/PlugIns/W.appex/Info.plist',
    '__MACOSX/Payload/._A.app',
    'a..b/c...d/.hidden',
  ])('accepts %s', (name) => {
    expect(unsafePathReason(name)).toBeNull();
  });

  it.each([
    ['../evil', '".." segment'],
    ['Payload/../../etc/passwd', '".." segment'],
    ['Payload\\..\\..\\evil.dll', '".." segment'],
    ['/etc/passwd', 'absolute'],
    ['\\Windows\\evil.dll', 'absolute'],
    ['C:/evil', 'drive letter'],
    ['c:evil', 'drive letter'],
    ['Payload/./A.app/Info.plist', '"." segment'],
    ['Payload//A.app/Info.plist', 'empty segment'],
    ['Payload/A.app\0/Info.plist', 'NUL'],
  ])('refuses %j (%s)', (name, reason) => {
    expect(unsafePathReason(name)).toContain(reason);
  });
});
