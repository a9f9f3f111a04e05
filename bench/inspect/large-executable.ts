import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlist, type PlistDict } from '../../src/formats/plist/index.js';
import { memorySource, openZip } from '../../src/formats/zip/index.js';
import { writeZipFile } from '../../src/testkit/zip/index.js';

const WORK = join(tmpdir(), 'provisio-bench');
const MH_MAGIC_64_LE = 0xfeedfacf;
const LC_CODE_SIGNATURE = 0x1d;

/**
 * An IPA holding the app of `sourceIpa` (a real one with a thin 64-bit executable) with its
 * executable grown to `bytes` by repeating its own code, its real code signature moved to the
 * new end: it compresses like real code, which the testkit's generated stand-in does not.
 * Corpus executables are 64-318 KB; App Store apps ship executables of tens of megabytes.
 * Kept in the temp folder between runs.
 */
export async function largeExecutableIpa(sourceIpa: string, bytes: number): Promise<string> {
  mkdirSync(WORK, { recursive: true });
  const path = join(WORK, `large-executable-${bytes}.ipa`);
  if (existsSync(path)) return path;
  const archive = await openZip(memorySource(new Uint8Array(readFileSync(sourceIpa))));
  const info = archive.entries.find((entry) => /^Payload\/[^/]+\.app\/Info\.plist$/.test(entry.name));
  if (info === undefined) throw new Error(`${sourceIpa} has no Payload/*.app/Info.plist`);
  const appPath = info.name.slice(0, -'/Info.plist'.length);
  const read = async (name: string) => {
    const entry = archive.get(`${appPath}/${name}`);
    if (entry === undefined) throw new Error(`${sourceIpa} has no ${appPath}/${name}`);
    return archive.read(entry);
  };
  const infoPlist = await read('Info.plist');
  const executable = (parsePlist(infoPlist) as PlistDict).CFBundleExecutable;
  if (typeof executable !== 'string') throw new Error(`${sourceIpa} names no CFBundleExecutable`);
  await writeZipFile(path, [
    { name: 'Payload/' },
    { name: `${appPath}/` },
    { name: `${appPath}/Info.plist`, content: infoPlist },
    { name: `${appPath}/embedded.mobileprovision`, content: await read('embedded.mobileprovision') },
    { name: `${appPath}/${executable}`, content: grow(await read(executable), bytes) },
  ]);
  return path;
}

/** The executable with its code repeated up to `bytes` and LC_CODE_SIGNATURE pointing at the moved signature. */
function grow(executable: Uint8Array, bytes: number): Uint8Array {
  const view = new DataView(executable.buffer, executable.byteOffset, executable.byteLength);
  if (view.getUint32(0, true) !== MH_MAGIC_64_LE) throw new Error('not a thin 64-bit little-endian Mach-O');
  const commandsEnd = 32 + view.getUint32(20, true);
  const command = signatureCommand(view);
  const [signatureOffset, signatureSize] = [view.getUint32(command + 8, true), view.getUint32(command + 12, true)];
  const code = executable.subarray(commandsEnd, signatureOffset);
  const newOffset = Math.ceil((bytes - signatureSize) / 16) * 16;
  const grown = new Uint8Array(newOffset + signatureSize);
  grown.set(executable.subarray(0, commandsEnd));
  for (let at = commandsEnd; at < newOffset; at += code.length) grown.set(code.subarray(0, newOffset - at), at);
  grown.set(executable.subarray(signatureOffset, signatureOffset + signatureSize), newOffset);
  new DataView(grown.buffer).setUint32(command + 8, newOffset, true);
  return grown;
}

function signatureCommand(view: DataView): number {
  let at = 32;
  for (let index = 0; index < view.getUint32(16, true); index++) {
    if (view.getUint32(at, true) === LC_CODE_SIGNATURE) return at;
    at += view.getUint32(at + 4, true);
  }
  throw new Error('the executable is not signed');
}
