import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { TrustAnchors } from '../../src/formats/cms/index.js';
import { parseProfile } from '../../src/formats/profile/index.js';
import { testPki } from '../../src/testkit/pki/index.js';
import { peakRssMb, timeMs } from '../lib/stats.js';
import { inspectOrThrow } from './inspect-or-throw.js';

/**
 * One benchmark task in its own process: warms up, times `rounds` rounds over the files and
 * prints `{ samplesMs: { file: [ms, ...] }, rssMb, warmUpRounds }` (see alternate.ts).
 */
const [task, roundsText, ...files] = process.argv.slice(2);
const rounds = Number(roundsText);
const require = createRequire(import.meta.url);

/**
 * Every task warms up for the same wall time, and at least this many rounds, before it is timed.
 * V8 optimizes hot code on background threads: after a single warm-up round the first timed
 * rounds measure the interpreter, and on a busy machine (where those threads wait for a core)
 * most of them do, whichever side is measured.
 */
const WARM_UP_MS = 2000;
const WARM_UP_MIN_ROUNDS = 20;

interface PeerProvision {
  provision: { readFromFile(path: string): unknown };
}
type PeerAppInfoParser = new (path: string) => { parse(): Promise<unknown> };

const trust = TrustAnchors.withApplePin();
for (const der of [testPki().root.der]) trust.addTrusted(der);

const tasks: Record<string, (path: string) => unknown> = {
  // Profiles: both sides read the whole file with readFileSync, then parse it.
  'provisio-profile': (path) => parseProfile(readFileSync(path), { trust }),
  'peer-profile': (path) => (require('ios-mobileprovision-finder') as PeerProvision).provision.readFromFile(path),
  'provisio-ipa': (path) => inspectOrThrow(path, trust),
  // The peer's default: Info.plist, embedded.mobileprovision and the app icon.
  'peer-ipa': (path) => {
    const AppInfoParser = require('app-info-parser') as PeerAppInfoParser;
    return new AppInfoParser(path).parse();
  },
};

const run = tasks[task ?? ''];
if (!run) throw new Error(`unknown task ${task}`);

const warmUpRounds = await warmUp(run);
const samples = new Map<string, number[]>(files.map((path) => [path, []]));
for (let round = 0; round < rounds; round++) {
  for (const path of files) samples.get(path)!.push(await timeMs(() => run(path)));
}
console.log(
  JSON.stringify({
    samplesMs: Object.fromEntries([...samples].map(([path, times]) => [basename(path), times])),
    rssMb: peakRssMb(),
    warmUpRounds,
  }),
);

/** Runs every file round after round until both warm-up bounds are met; returns the rounds run. */
async function warmUp(run: (path: string) => unknown): Promise<number> {
  const start = performance.now();
  let done = 0;
  while (done < WARM_UP_MIN_ROUNDS || performance.now() - start < WARM_UP_MS) {
    for (const path of files) await run(path);
    done++;
  }
  return done;
}
