import { describe, expect, it } from 'vitest';
import { buildIpa, type IpaSpec } from '../../testkit/ipa/index.js';
import { testPki } from '../../testkit/pki/index.js';
import { buildZip } from '../../testkit/zip/index.js';
import { writeBinaryPlist, type PlistDict } from '../plist/index.js';
import { memorySource } from '../zip/index.js';
import { inspectIpa } from './inspect.js';

const text = (value: string) => new TextEncoder().encode(value);
const dict = (fields: PlistDict): PlistDict => Object.assign(Object.create(null) as PlistDict, fields);

async function expectError(ipa: Uint8Array, code: string): Promise<void> {
  const inspecting = inspectIpa(memorySource(ipa), { trust: testPki().trustAnchors() });
  await expect(inspecting).rejects.toMatchObject({ name: 'FormatError', code });
}

/** An IPA of bundle com.example.a with `overrides` applied. */
const ipaWith = (overrides: Partial<IpaSpec>) => buildIpa({ bundleId: 'com.example.a', ...overrides });

describe('inspectIpa errors', () => {
  it('ipa.no_app_bundle for a zip holding only Payload/, or a Payload nested two folders deep', async () => {
    await expectError(await buildZip([{ name: 'Payload/' }]), 'ipa.no_app_bundle');
    await expectError(await buildZip([{ name: 'Other/Deep/Payload/A.app/Info.plist', content: text('x') }]), 'ipa.no_app_bundle');
  });

  it('ipa.multiple_app_bundles for two .app folders', async () => {
    const zip = await buildZip([
      { name: 'Payload/A.app/Info.plist', content: text('a') },
      { name: 'Payload/B.app/Info.plist', content: text('b') },
    ]);
    await expectError(zip, 'ipa.multiple_app_bundles');
  });

  it('ipa.no_info_plist for an app or extension without one', async () => {
    await expectError(await ipaWith({ infoPlistBytes: null }), 'ipa.no_info_plist');
    await expectError(await ipaWith({ extensions: [{ name: 'W', bundleId: 'x', infoPlistBytes: null }] }), 'ipa.no_info_plist');
  });

  it('ipa.invalid_info_plist for bytes that are not a plist, a non-dictionary, or a key of the wrong type', async () => {
    await expectError(await ipaWith({ infoPlistBytes: text('not a plist') }), 'ipa.invalid_info_plist');
    await expectError(await ipaWith({ infoPlistBytes: writeBinaryPlist(['an', 'array']) }), 'ipa.invalid_info_plist');
    await expectError(await ipaWith({ infoPlistExtras: dict({ CFBundleVersion: 12 }) }), 'ipa.invalid_info_plist');
  });

  it('ipa.missing_bundle_id for an absent or empty CFBundleIdentifier', async () => {
    await expectError(await buildIpa({ bundleId: '', appName: 'A' }), 'ipa.missing_bundle_id');
    await expectError(await ipaWith({ infoPlistBytes: writeBinaryPlist(dict({ CFBundleName: 'NoId' })) }), 'ipa.missing_bundle_id');
  });

  it('passes zip, profile and Mach-O codes through', async () => {
    await expectError(text('this is no zip'), 'zip.not_a_zip');
    await expectError(await ipaWith({ profile: text('garbage profile') }), 'profile.unrecognized');
    const info = writeBinaryPlist(dict({ CFBundleIdentifier: 'a.b', CFBundleExecutable: 'A' }));
    const scriptExecutable = await buildZip([
      { name: 'Payload/A.app/Info.plist', content: info },
      { name: 'Payload/A.app/A', content: text('#!/bin/sh\n') },
    ]);
    await expectError(scriptExecutable, 'macho.invalid');
  });
});
