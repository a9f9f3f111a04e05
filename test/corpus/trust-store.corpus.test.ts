import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { APPLE_ROOT_CA_SHA256 } from '../../src/formats/cms/index.js';
import { HAS_CORPUS, corpusPath } from './corpus.js';

// fastlane's 2015 profile does not carry Apple Root CA; geamdemo (2023) does.
const OLD_PROFILE = corpusPath('mobileprovision/fastlane__test.mobileprovision');
const NEW_PROFILE = corpusPath('mobileprovision/mda__geamdemo_embedded.mobileprovision');

async function signatureStatus(trustStore: string, path: string): Promise<string> {
  const io = bufferIo();
  await main(['inspect', '--json', '--trust-store', trustStore, path], io);
  return (JSON.parse(io.out()) as Array<{ signature: { status: string } }>)[0]!.signature.status;
}

describe.skipIf(!HAS_CORPUS)('the trust store remembers pinned roots across runs', () => {
  it('verifies an old profile once a newer one has taught Apple Root CA', async () => {
    const trustStore = join(mkdtempSync(join(tmpdir(), 'provisio-trust-')), 'trust');
    expect(await signatureStatus(trustStore, OLD_PROFILE)).toBe('untrusted');
    expect(await signatureStatus(trustStore, NEW_PROFILE)).toBe('valid');
    expect(readdirSync(trustStore).map((name) => name.toUpperCase())).toEqual([`${APPLE_ROOT_CA_SHA256}.DER`]);
    expect(await signatureStatus(trustStore, OLD_PROFILE)).toBe('valid');
  });
});
