import { describe, expect, it } from 'vitest';
import { parsePlist } from '../../formats/plist/index.js';
import { buildAppManifest, parseAppManifest } from './app-manifest.js';

const MANIFEST = {
  ipaUrl: 'https://mdm.example.com/downloads/field-2.3.ipa?expires=1767225600&signature=abc',
  bundleIdentifier: 'com.example.field',
  bundleVersion: '2.3',
  title: 'Field Service',
};

describe('buildAppManifest', () => {
  it('writes the manifest shape iOS reads', () => {
    expect(parsePlist(buildAppManifest(MANIFEST))).toEqual({
      items: [
        {
          assets: [{ kind: 'software-package', url: MANIFEST.ipaUrl }],
          metadata: { 'bundle-identifier': 'com.example.field', 'bundle-version': '2.3', kind: 'software', title: 'Field Service' },
        },
      ],
    });
  });

  it('round-trips through parseAppManifest, images included', () => {
    const manifest = {
      ...MANIFEST,
      subtitle: 'Example Corp',
      displayImageUrl: 'https://mdm.example.com/icons/57.png',
      fullSizeImageUrl: 'https://mdm.example.com/icons/512.png',
    };
    expect(parseAppManifest(buildAppManifest(manifest))).toEqual(manifest);
  });

  it('refuses URLs devices will not fetch and empty metadata', () => {
    expect(() => buildAppManifest({ ...MANIFEST, ipaUrl: 'http://mdm.example.com/a.ipa' })).toThrow(/https/);
    expect(() => buildAppManifest({ ...MANIFEST, title: '' })).toThrow(/title/);
  });

  it('reports a manifest without a package', () => {
    const bytes = new TextEncoder().encode(
      '<plist><dict><key>items</key><array><dict><key>assets</key><array/><key>metadata</key><dict/></dict></array></dict></plist>',
    );
    expect(() => parseAppManifest(bytes)).toThrow(expect.objectContaining({ code: 'mdm.missing_field' }));
  });
});
