import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TrustAnchors } from '../cms/index.js';
import { openFileSource } from '../../io/file-source.js';
import { inspectIpa } from './inspect.js';
import type { IpaInspection } from './types.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');
const corpus = resolve(repoRoot, '../shared/corpus');
const hasCorpus = existsSync(resolve(corpus, 'MANIFEST.tsv'));

/** The fields MANIFEST.tsv's notes column states for an IPA. */
interface ManifestIpa {
  readonly file: string;
  readonly notes: ReadonlyMap<string, string>;
  readonly embedded: ReadonlyMap<string, string> | null;
}

function manifestIpas(): ManifestIpa[] {
  const rows = readFileSync(resolve(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
  return rows
    .map((row) => row.split('\t'))
    .filter((columns) => columns[0]?.startsWith('ipa/') === true)
    .map((columns) => {
      const notes = columns[6] ?? '';
      const [fields = '', embedded] = notes.split(' | ').at(-1)!.split('; embedded: ');
      return {
        file: columns[0]!,
        notes: pairs(fields, /;\s*/, '='),
        embedded: embedded === undefined ? null : embeddedPairs(embedded),
      };
    });
}

function pairs(text: string, separator: RegExp, assign: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of text.split(separator)) {
    const at = part.indexOf(assign);
    if (at > 0) map.set(part.slice(0, at).trim(), part.slice(at + assign.length).trim());
  }
  return map;
}

/** `Name='x y' UUID=... Team=... Exp=... class=...` */
function embeddedPairs(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const match of text.matchAll(/(\w+)=('([^']*)'|\S+)/g)) map.set(match[1]!, match[3] ?? match[2]!);
  return map;
}

async function inspectCorpusFile(file: string): Promise<IpaInspection> {
  const source = await openFileSource(resolve(corpus, file));
  try {
    return await inspectIpa(source, { trust: TrustAnchors.withApplePin() });
  } finally {
    await source.close();
  }
}

describe.skipIf(!hasCorpus)('corpus IPAs match MANIFEST.tsv', () => {
  const ipas = hasCorpus ? manifestIpas() : [];

  it('lists IPAs to check', () => {
    expect(ipas.length).toBeGreaterThan(0);
  });

  it.each(ipas.map((ipa) => [ipa.file, ipa] as const))('%s', async (file, expected) => {
    const result = await inspectCorpusFile(file);
    const notes = expected.notes;
    expect(`${result.appPath}/Info.plist`).toBe(notes.get('Info.plist'));
    expect(result.bundleId).toBe(notes.get('CFBundleIdentifier'));
    expect(result.shortVersion).toBe(notes.get('CFBundleShortVersionString'));
    expect(result.version).toBe(notes.get('CFBundleVersion'));
    expect(result.infoPlistFormat).toBe(notes.get('Info.plist binary') === 'YES' ? 'binary' : 'xml');
    expect(result.profile !== null).toBe(notes.get('embedded.mobileprovision') === 'present');
    if (expected.embedded !== null) {
      expect(result.profile).toMatchObject({
        name: expected.embedded.get('Name'),
        uuid: expected.embedded.get('UUID'),
        teamId: expected.embedded.get('Team'),
        expirationDate: new Date(expected.embedded.get('Exp')!),
        type: expected.embedded.get('class'),
      });
      // The executable's signer must be one of the certificates the profile lists.
      const listed = result.profile?.certificates.map((certificate) => certificate.sha256);
      expect(listed).toContain(result.signingCertificate?.sha256);
    }
  });

  it('rejects a text file named .ipa with zip.not_a_zip', async () => {
    await expect(inspectCorpusFile('other/fastlane__not-an-ipa.ipa')).rejects.toThrow(
      expect.objectContaining({ code: 'zip.not_a_zip' }),
    );
  });

  it('rejects a zip with an empty Payload/ with ipa.no_app_bundle', async () => {
    await expect(inspectCorpusFile('other/fastlane__no-app-bundle.ipa')).rejects.toThrow(
      expect.objectContaining({ code: 'ipa.no_app_bundle' }),
    );
  });
});
