import { appleDoubleEntry, buildZip, fillerChunks, writeZipFile, type ZipEntryInput } from '../zip/index.js';
import { bundleEntries } from './bundle-entries.js';
import type { IpaSpec } from './spec.js';

/**
 * Builds an .ipa the way Xcode exports one (binary Info.plist, deflated entries, signed
 * executables), with knobs for the layouts and content tests need. Returns the bytes, or streams
 * to `destination` when given: use a file for large fillers.
 */
export function buildIpa(spec: IpaSpec): Promise<Uint8Array>;
export function buildIpa(spec: IpaSpec, destination: string): Promise<void>;
export async function buildIpa(spec: IpaSpec, destination?: string): Promise<Uint8Array | void> {
  const entries = ipaEntries(spec);
  if (destination === undefined) return buildZip(entries);
  await writeZipFile(destination, entries);
}

async function* ipaEntries(spec: IpaSpec): AsyncGenerator<ZipEntryInput> {
  const top = spec.nestedUnder === undefined ? '' : `${spec.nestedUnder}/`;
  const appName = spec.appName ?? spec.bundleId.split('.').at(-1) ?? 'App';
  const appPath = `${top}Payload/${appName}.app`;
  if (top !== '') yield { name: top };
  yield { name: `${top}Payload/` };
  if (spec.filler !== undefined) {
    yield { name: `${appPath}/Filler.bin`, content: fillerChunks(spec.filler), method: 'stored' };
  }
  const minimumOsVersion = spec.minimumOsVersion ?? '15.0';
  const method = spec.method ?? 'deflated';
  const appContext = { bundleName: appName, executable: appName, packageType: 'APPL', minimumOsVersion } as const;
  yield* await bundleEntries(appPath, spec, appContext, method);
  for (const extension of spec.extensions ?? []) {
    const context = { bundleName: extension.name, executable: extension.name, packageType: 'XPC!', minimumOsVersion } as const;
    yield* await bundleEntries(`${appPath}/PlugIns/${extension.name}.appex`, extension, context, method);
  }
  if (spec.macosJunk === true) yield* macosJunk(top, appPath);
}

/** What Finder's "Compress" adds: .DS_Store files and AppleDouble twins under `__MACOSX/`. */
function macosJunk(top: string, appPath: string): ZipEntryInput[] {
  const dsStore = new Uint8Array(6148);
  dsStore.set([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]);
  return [
    { name: `${top}Payload/.DS_Store`, content: dsStore },
    { name: '__MACOSX/' },
    appleDoubleEntry(`${top}Payload/.DS_Store`),
    appleDoubleEntry(`${appPath}/Info.plist`),
  ];
}
