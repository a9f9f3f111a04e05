import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TrustAnchors } from '../../src/formats/cms/index.js';
import { inspectIpa } from '../../src/formats/ipa/index.js';
import { parseProfile } from '../../src/formats/profile/index.js';
import { openFileSource } from '../../src/io/file-source.js';
import { testPki } from '../../src/testkit/pki/index.js';
import { median, peakRssMb, timeMs } from '../lib/stats.js';

/** One benchmark task in its own process; prints `{ medianMs, samples, rssMb }` or a large-IPA record. */
const [task, roundsText, ...files] = process.argv.slice(2);
const rounds = Number(roundsText);
const require = createRequire(import.meta.url);

interface PeerProvision {
  provision: { readFromFile(path: string): unknown };
}
type PeerAppInfoParser = new (path: string) => { parse(): Promise<unknown> };

const trust = TrustAnchors.withApplePin();
for (const der of [testPki().root.der]) trust.addTrusted(der);

const tasks: Record<string, (path: string) => unknown> = {
  'provisio-profile': (path) => parseProfile(readFileSync(path), { trust }),
  'peer-profile': (path) => (require('ios-mobileprovision-finder') as PeerProvision).provision.readFromFile(path),
  'provisio-ipa': async (path) => {
    const source = await openFileSource(path);
    try {
      return await inspectIpa(source, { trust });
    } finally {
      await source.close();
    }
  },
  'peer-ipa': (path) => {
    const AppInfoParser = require('app-info-parser') as PeerAppInfoParser;
    return new AppInfoParser(path).parse();
  },
};

const run = tasks[task ?? ''];
if (!run) throw new Error(`unknown task ${task}`);

// Warm up: JIT, caches that persist across files in a long-running server (learned roots).
for (const path of files) await run(path);
const samples: number[] = [];
for (let round = 0; round < rounds; round++) {
  for (const path of files) samples.push(await timeMs(() => run(path)));
}
console.log(JSON.stringify({ medianMs: median(samples), samples: samples.length, rssMb: peakRssMb() }));
