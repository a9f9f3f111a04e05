import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testPki } from '../../src/testkit/pki/index.js';
import { buildIpa } from '../../src/testkit/ipa/index.js';
import { buildProfile } from '../../src/testkit/profile/index.js';
import type { ProfileType } from '../../src/formats/profile/index.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const WORK = join(tmpdir(), 'provisio-bench');

export interface BenchInputs {
  readonly source: 'corpus' | 'generated';
  readonly profiles: string[];
  readonly ipas: string[];
}

/** The corpus's real files when present, otherwise generated ones of every type. */
export async function benchInputs(): Promise<BenchInputs> {
  if (existsSync(join(CORPUS, 'mobileprovision'))) {
    return {
      source: 'corpus',
      profiles: filesIn(join(CORPUS, 'mobileprovision'), /\.(mobileprovision|provisionprofile)$/),
      ipas: filesIn(join(CORPUS, 'ipa'), /\.ipa$/),
    };
  }
  return { source: 'generated', profiles: generatedProfiles(), ipas: await generatedIpas() };
}

/** A 2 GB IPA, mostly one stored incompressible filler entry; kept in the temp folder between runs. */
export async function largeIpa(bytes: number): Promise<string> {
  mkdirSync(WORK, { recursive: true });
  const path = join(WORK, `large-${bytes}.ipa`);
  if (existsSync(path) && statSync(path).size > bytes) return path;
  await buildIpa({ bundleId: 'com.provisio.bench.large', profile: buildProfile({ bundleId: 'com.provisio.bench.large' }), signer: signer(), filler: bytes }, path);
  return path;
}

function filesIn(directory: string, pattern: RegExp): string[] {
  return readdirSync(directory)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => join(directory, name));
}

function generatedProfiles(): string[] {
  mkdirSync(WORK, { recursive: true });
  const types: ProfileType[] = ['enterprise', 'development', 'adhoc', 'appstore', 'developer-id'];
  return types.flatMap((type) =>
    [0, 1].map((index) => {
      const path = join(WORK, `${type}-${index}.mobileprovision`);
      writeFileSync(path, buildProfile({ type, bundleId: `com.provisio.bench.${type}${index}` }));
      return path;
    }),
  );
}

async function generatedIpas(): Promise<string[]> {
  mkdirSync(WORK, { recursive: true });
  const paths: string[] = [];
  for (const format of ['binary', 'xml'] as const) {
    const path = join(WORK, `app-${format}.ipa`);
    const bundleId = `com.provisio.bench.${format}`;
    await buildIpa({ bundleId, infoPlistFormat: format, profile: buildProfile({ bundleId }), signer: signer() }, path);
    paths.push(path);
  }
  return paths;
}

function signer() {
  const certificate = testPki().developerCertificate('TESTTEAM01', 'Provisio Test Team', {
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2028-01-01T00:00:00Z'),
  });
  return { certificate: certificate.der, privateKey: certificate.privateKey, chain: [testPki().intermediate.der] };
}
