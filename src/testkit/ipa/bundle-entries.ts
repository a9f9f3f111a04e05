import { createHash } from 'node:crypto';
import { writeXmlPlist } from '../../formats/plist/index.js';
import type { PlistDict } from '../../formats/plist/types.js';
import type { ZipEntryInput } from '../zip/index.js';
import { buildExecutable } from './executable.js';
import { infoPlistBytes, type InfoPlistContext } from './info-plist.js';
import type { IpaBundleSpec } from './spec.js';

const PKG_INFO = new TextEncoder().encode('APPL????');

/** The entries of one bundle folder: Info.plist, executable, profile, CodeResources, PkgInfo. */
export async function bundleEntries(
  folder: string,
  spec: IpaBundleSpec,
  context: InfoPlistContext,
  method: 'stored' | 'deflated',
): Promise<ZipEntryInput[]> {
  const info = infoPlistBytes(spec, context);
  const executable = await buildExecutable(spec.bundleId, spec.signer ?? null, spec.fatExecutable === true);
  const files: Array<[string, Uint8Array | null | undefined]> = [
    ['Info.plist', info],
    [context.executable, executable],
    ['embedded.mobileprovision', spec.profile],
    ['PkgInfo', context.packageType === 'APPL' ? PKG_INFO : null],
  ];
  const present = files.filter((file): file is [string, Uint8Array] => file[1] !== null && file[1] !== undefined);
  return [
    { name: `${folder}/` },
    { name: `${folder}/_CodeSignature/` },
    { name: `${folder}/_CodeSignature/CodeResources`, content: codeResources(present), method },
    ...present.map(([name, content]): ZipEntryInput => ({ name: `${folder}/${name}`, content, method })),
  ];
}

/** A CodeResources plist listing each file's SHA-1, like the one codesign seals a bundle with. */
function codeResources(files: ReadonlyArray<[string, Uint8Array]>): Uint8Array {
  const hashes = Object.create(null) as PlistDict;
  for (const [name, content] of files) hashes[name] = new Uint8Array(createHash('sha1').update(content).digest());
  const plist = Object.create(null) as PlistDict;
  plist.files = hashes;
  return new TextEncoder().encode(writeXmlPlist(plist));
}
