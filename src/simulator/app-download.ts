import type { TrustAnchors } from '../formats/cms/index.js';
import { inspectIpa, type IpaInspection } from '../formats/ipa/index.js';
import type { ProvisioningProfile } from '../formats/profile/index.js';
import type { ByteSource } from '../io/byte-source.js';

/** Reads an .ipa held in memory; the profiles it embeds are what iOS installs with the app. */
export async function inspectDownloadedIpa(bytes: Uint8Array, trust: TrustAnchors): Promise<IpaInspection> {
  return inspectIpa(memorySource(bytes), { trust });
}

/** The app's and its extensions' embedded profiles whose signatures are intact. */
export function embeddedProfiles(ipa: IpaInspection): ProvisioningProfile[] {
  return [ipa.profile, ...ipa.extensions.map((extension) => extension.profile)].filter(
    (profile): profile is ProvisioningProfile =>
      profile !== null && profile.signature.status !== 'tampered' && profile.signature.status !== 'unsigned',
  );
}

function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => {
      if (offset < 0 || offset + length > bytes.length) return Promise.reject(new RangeError(`read past the end of the .ipa`));
      return Promise.resolve(bytes.subarray(offset, offset + length));
    },
  };
}
