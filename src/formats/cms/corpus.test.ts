import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../x509/index.js';
import { parseSignedData } from './parse.js';
import { APPLE_ROOT_CA_SHA256, TrustAnchors } from './trust-anchors.js';
import { verifySignedData } from './verify.js';
import type { SignedData } from './types.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const folder = join(resolve(repoRoot, '../shared/corpus'), 'mobileprovision');
const profiles = existsSync(folder)
  ? readdirSync(folder).filter((name) => name.endsWith('.mobileprovision') || name.endsWith('.provisionprofile'))
  : [];
const NOT_APPLE = 'isign__test.mobileprovision';

function load(name: string): SignedData {
  return parseSignedData(new Uint8Array(readFileSync(join(folder, name))));
}

function contentText(signedData: SignedData): string {
  if (!signedData.content) throw new Error('a profile without content');
  return new TextDecoder().decode(signedData.content);
}

/** Profiles are verified as of their CreationDate; a regex keeps this test free of the plist parser. */
function creationDate(signedData: SignedData): Date {
  const text = contentText(signedData);
  const match = /<key>CreationDate<\/key>\s*<date>([^<]+)<\/date>/.exec(text);
  if (!match) throw new Error('no CreationDate');
  return new Date(match[1]!);
}

function firstDifference(a: string, b: string): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

const isAppleRoot = (der: Uint8Array): boolean => parseCertificate(der).sha256 === APPLE_ROOT_CA_SHA256.toLowerCase();

function carriesAppleRoot(signedData: SignedData): boolean {
  return signedData.certificates.some(isAppleRoot);
}

function appleRoot(): Uint8Array {
  for (const name of profiles) {
    const root = load(name).certificates.find(isAppleRoot);
    if (root) return root;
  }
  throw new Error('no profile in the corpus carries Apple Root CA');
}

describe.skipIf(profiles.length === 0)('CMS over the real-world profiles', () => {
  it.each(profiles)('%s carries the plist its sibling .plist.xml shows', (name) => {
    const content = contentText(load(name));
    const expected = readFileSync(join(folder, `${name}.plist.xml`), 'utf8');
    const [actual, wanted] = [content.trimEnd(), expected.trimEnd()];
    const difference = firstDifference(actual, wanted);
    const context = `differs at ${difference}: ${JSON.stringify(actual.slice(difference, difference + 40))}`;
    expect(difference, context).toBe(-1);
  });

  it.each(profiles.filter((name) => name !== NOT_APPLE))('%s verifies against the Apple Root CA pin', (name) => {
    const signedData = load(name);
    const trust = TrustAnchors.withApplePin();
    const at = creationDate(signedData);
    const first = verifySignedData(signedData, { trust, at });
    if (carriesAppleRoot(signedData)) {
      expect(first.status, first.reason ?? '').toBe('valid');
      expect(first.learnedRoots).toHaveLength(1);
      return;
    }
    // Older profiles carry another, unpinned Apple root: they verify once a newer one taught the pin.
    expect(first.status).toBe('untrusted');
    expect(first.learnedRoots).toEqual([]);
    expect(trust.learn(appleRoot())).toBe(true);
    const second = verifySignedData(signedData, { trust, at });
    expect(second.status, second.reason ?? '').toBe('valid');
    expect(second.signer?.organization).toBe('Apple Inc.');
  });

  it.runIf(profiles.includes(NOT_APPLE))(`${NOT_APPLE} (signed by a non-Apple test certificate) is untrusted`, () => {
    const signedData = load(NOT_APPLE);
    const trust = TrustAnchors.withApplePin();
    trust.learn(appleRoot());
    const result = verifySignedData(signedData, { trust, at: creationDate(signedData) });
    expect(result.status).toBe('untrusted');
    expect(result.signer?.commonName).toBe('isign_tests');
  });

  it.runIf(profiles.includes(NOT_APPLE))(`${NOT_APPLE} verifies once its own certificate is trusted explicitly`, () => {
    const signedData = load(NOT_APPLE);
    const trust = TrustAnchors.empty().addTrusted(signedData.certificates[0]!);
    expect(verifySignedData(signedData, { trust, at: creationDate(signedData) }).status).toBe('valid');
  });

  it('some profiles carry Apple Root CA and some do not', () => {
    const carrying = profiles.filter((name) => carriesAppleRoot(load(name)));
    expect(carrying.length).toBeGreaterThan(0);
    expect(carrying.length).toBeLessThan(profiles.length - 1);
  });
});
