import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasBinaryMagic } from './binary-trailer.js';
import { parseBinaryPlist, parsePlist, parseXmlPlist, writeBinaryPlist, writeXmlPlist } from './index.js';
import type { PlistDict } from './types.js';
import { isDict } from './values.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');

/** MANIFEST.tsv notes by file name: `key=value` facts a reference decoder read from each file. */
function manifestNotes(): Map<string, string> {
  const rows = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
  return new Map(rows.map((row) => row.split('\t')).map((cells) => [cells[0] ?? '', cells.at(-1) ?? '']));
}

function fact(notes: string | undefined, key: string): string | undefined {
  return notes?.split(/[;|]/).map((part) => part.trim()).find((part) => part.startsWith(`${key}=`))?.slice(key.length + 1);
}

function filesIn(folder: string, suffix = ''): string[] {
  return readdirSync(path.join(corpus, folder)).filter((name) => name.endsWith(suffix)).sort();
}

describe.skipIf(!existsSync(corpus))('real-world plists from the shared corpus', () => {
  const notes = existsSync(corpus) ? manifestNotes() : new Map<string, string>();

  describe('provisioning profile payloads', () => {
    it.each(existsSync(corpus) ? filesIn('mobileprovision', '.plist.xml') : [])('%s', (name) => {
      const payload = parsePlist(readFileSync(path.join(corpus, 'mobileprovision', name)));
      if (!isDict(payload)) throw new Error('expected a dictionary');
      const row = notes.get(`mobileprovision/${name.replace(/\.plist\.xml$/, '')}`);
      expect(payload.UUID).toBe(fact(row, 'UUID'));
      expect((payload.ExpirationDate as Date).toISOString().replace('.000Z', 'Z')).toBe(fact(row, 'ExpirationDate'));
      const certificates = payload.DeveloperCertificates as Uint8Array[];
      expect(certificates).toHaveLength(Number(fact(row, 'DeveloperCertificates')));
      for (const certificate of certificates) expect(certificate[0]).toBe(0x30); // a DER SEQUENCE
      expectRoundTrips(payload);
    });
  });

  describe('MDM check-in and command messages', () => {
    it.each(existsSync(corpus) ? filesIn('mdm') : [])('%s', (name) => {
      const bytes = readFileSync(path.join(corpus, 'mdm', name));
      const message = parsePlist(bytes) as PlistDict;
      const keys = fact(notes.get(`mdm/${name}`), 'keys')?.split(',');
      expect(Object.keys(message).sort()).toEqual(keys);
      // Whichever format the first bytes announce, that reader alone gives the same result.
      const direct = hasBinaryMagic(bytes) ? parseBinaryPlist(bytes) : parseXmlPlist(bytes);
      expect(direct).toEqual(message);
      expectRoundTrips(message);
    });
  });

  it('reads the unsigned configuration profile', () => {
    const config = parsePlist(readFileSync(path.join(corpus, 'other/zentral__test.mobileconfig'))) as PlistDict;
    expect(Object.keys(config)).toHaveLength(9);
  });

  it('rejects the bare "profile" with a stray 0x01 byte before <?xml as plist.unrecognized', () => {
    const bytes = readFileSync(path.join(corpus, 'other/appaloosa__adhoc.mobileprovision'));
    expect(bytes[0]).toBe(0x01);
    expect(() => parsePlist(bytes)).toThrow(expect.objectContaining({ code: 'plist.unrecognized' }));
    expect(() => parseXmlPlist(bytes)).toThrow(expect.objectContaining({ code: 'plist.malformed_xml' }));
  });

  it('rejects that file without its stray byte as plist.invalid_base64 (<data>certificate+key</data>)', () => {
    const bytes = readFileSync(path.join(corpus, 'other/appaloosa__adhoc.mobileprovision')).subarray(1);
    expect(() => parsePlist(bytes)).toThrow(expect.objectContaining({ code: 'plist.invalid_base64' }));
  });

  it('rejects the empty file as plist.unrecognized', () => {
    const bytes = readFileSync(path.join(corpus, 'other/fastlane__gym__dummy.mobileprovision'));
    expect(() => parsePlist(bytes)).toThrow(expect.objectContaining({ code: 'plist.unrecognized' }));
  });
});

function expectRoundTrips(value: PlistDict): void {
  expect(parsePlist(new TextEncoder().encode(writeXmlPlist(value)))).toEqual(value);
  expect(parsePlist(writeBinaryPlist(value))).toEqual(value);
}
