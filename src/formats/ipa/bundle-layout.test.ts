import { describe, expect, it } from 'vitest';
import { findAppBundle, findExtensions } from './bundle-layout.js';

describe('findAppBundle', () => {
  it('finds Payload/X.app at the root, with or without directory entries', () => {
    expect(findAppBundle(['Payload/', 'Payload/A.app/', 'Payload/A.app/Info.plist'])).toBe('Payload/A.app');
    expect(findAppBundle(['Payload/A.app/Info.plist'])).toBe('Payload/A.app');
    expect(findAppBundle(['Payload/A.app/'])).toBe('Payload/A.app');
  });

  it('finds Payload nested under exactly one top-level folder', () => {
    expect(findAppBundle(['Top/', 'Top/Payload/A.app/Info.plist'])).toBe('Top/Payload/A.app');
    expect(() => findAppBundle(['A/B/Payload/X.app/Info.plist'])).toThrow(expect.objectContaining({ code: 'ipa.no_app_bundle' }));
  });

  it('ignores __MACOSX, .DS_Store and nested bundles such as watch apps and extensions', () => {
    expect(
      findAppBundle([
        '__MACOSX/Payload/._Other.app',
        '__MACOSX/Payload/Other.app/._Info.plist',
        'Payload/.DS_Store',
        'Payload/A.app/Info.plist',
        'Payload/A.app/Watch/W.app/Info.plist',
        'Payload/A.app/PlugIns/E.appex/Info.plist',
      ]),
    ).toBe('Payload/A.app');
  });

  it('does not count a file named like a bundle', () => {
    expect(() => findAppBundle(['Payload/A.app'])).toThrow(expect.objectContaining({ code: 'ipa.no_app_bundle' }));
  });

  it('refuses two bundles, at the root or across layouts', () => {
    expect(() => findAppBundle(['Payload/A.app/x', 'Payload/B.app/x'])).toThrow(
      expect.objectContaining({ code: 'ipa.multiple_app_bundles' }),
    );
    expect(() => findAppBundle(['Payload/A.app/x', 'Top/Payload/A.app/x'])).toThrow(
      expect.objectContaining({ code: 'ipa.multiple_app_bundles' }),
    );
  });
});

describe('findExtensions', () => {
  it('lists the .appex folders directly under PlugIns, sorted', () => {
    const names = [
      'Payload/A.app/PlugIns/Z.appex/Info.plist',
      'Payload/A.app/PlugIns/B.appex/',
      'Payload/A.app/PlugIns/B.appex/B',
      'Payload/A.app/PlugIns/notes.txt',
      'Payload/A.app/PlugIns/C.appex/PlugIns/Nested.appex/Info.plist',
      '__MACOSX/Payload/A.app/PlugIns/M.appex/._Info.plist',
    ];
    expect(findExtensions(names, 'Payload/A.app')).toEqual([
      'Payload/A.app/PlugIns/B.appex',
      'Payload/A.app/PlugIns/C.appex',
      'Payload/A.app/PlugIns/Z.appex',
    ]);
  });
});
