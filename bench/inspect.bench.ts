/**
 * `npm run bench:inspect [-- --json] [-- --large-bytes N] [-- --executable-bytes N]`
 *
 * Provisio's profile and IPA readers side by side with the npm packages people use today
 * (ios-mobileprovision-finder for profiles, without signature checks; app-info-parser for IPAs),
 * each in its own process so peak RSS is its own, warmed up alike (bench/inspect/worker.ts) and
 * run alternately with its peer (bench/inspect/alternate.ts); with the corpus, also one IPA whose
 * executable is App Store sized (40 MiB); then a cold inspect of a 2 GB IPA.
 */
import { alternate, type TaskResult } from './inspect/alternate.js';
import { benchInputs, largeIpa } from './inspect/fixtures.js';
import { largeExecutableIpa } from './inspect/large-executable.js';
import { round } from './lib/stats.js';
import { runWorker } from './lib/worker.js';

interface LargeResult {
  bytes: number;
  seconds: number;
  rssMb: number;
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const largeBytes = Number(valueOf('--large-bytes') ?? 2 * 1024 ** 3);
const executableBytes = Number(valueOf('--executable-bytes') ?? 40 * 1024 ** 2);
/** Each pair of tasks runs this many times, alternating, so both meet the same machine load. */
const TRIALS = 3;

const inputs = await benchInputs();
log(`inputs: ${inputs.profiles.length} profiles, ${inputs.ipas.length} IPAs (${inputs.source})`);
const [profile, peerProfile] = await alternate(['provisio-profile', 'peer-profile'], 300, inputs.profiles, TRIALS);
const [ipa, peerIpa] = await alternate(['provisio-ipa', 'peer-ipa'], 40, inputs.ipas, TRIALS);
// Real apps' executables are far larger than the corpus's; grown from the corpus's largest one.
const executableSource = inputs.ipas.find((path) => path.endsWith('resigner__Example_app.ipa'));
const bigExecutable =
  executableSource === undefined
    ? null
    : await alternate(['provisio-ipa', 'peer-ipa'], 10, [await largeExecutableIpa(executableSource, executableBytes)], 1);
log(`generating a ${(largeBytes / 1024 ** 3).toFixed(2)} GiB IPA (cached in the temp folder)`);
const large = await runWorker<LargeResult>(new URL('./inspect/large-worker.ts', import.meta.url), [await largeIpa(largeBytes)]);

const rows: Array<[string, TaskResult]> = [
  ['profile: provisio (parse + verify)', profile],
  ['profile: ios-mobileprovision-finder (no verify)', peerProfile],
  ['ipa: provisio', ipa],
  ['ipa: app-info-parser', peerIpa],
];
for (const [label, result] of rows) {
  log(
    `${label.padEnd(50)} median ${result.medianMs.toFixed(4)} ms/file  peak RSS ${result.rssMb.toFixed(0)} MB  ` +
      `(${result.samples} samples from ${TRIALS} runs, each after at least ${result.warmUpRounds} warm-up rounds)`,
  );
}
for (const name of Object.keys(ipa.perFileMedianMs)) {
  const ours = ipa.perFileMedianMs[name]!;
  const theirs = peerIpa.perFileMedianMs[name]!;
  log(`  ${name.padEnd(48)} provisio ${ours.toFixed(3)} ms  app-info-parser ${theirs.toFixed(3)} ms  (${(theirs / ours).toFixed(1)}x)`);
}
log(`profile speed-up ${(peerProfile.medianMs / profile.medianMs).toFixed(1)}x, IPA speed-up ${(peerIpa.medianMs / ipa.medianMs).toFixed(1)}x`);
if (bigExecutable !== null) {
  const [ours, theirs] = bigExecutable;
  log(`IPA with a ${executableBytes}-byte executable: provisio ${ours.medianMs.toFixed(2)} ms, app-info-parser ${theirs.medianMs.toFixed(2)} ms`);
}
log(`large IPA: ${large.bytes} bytes in ${large.seconds.toFixed(3)} s, peak RSS ${large.rssMb.toFixed(0)} MB`);

if (json) {
  console.log(
    JSON.stringify({
      profileMedianMs: round(profile.medianMs, 4),
      peerProfileMedianMs: round(peerProfile.medianMs, 4),
      ipaMedianMs: round(ipa.medianMs, 4),
      peerIpaMedianMs: round(peerIpa.medianMs, 4),
      ipaPerFileMedianMs: { provisio: roundAll(ipa.perFileMedianMs), peer: roundAll(peerIpa.perFileMedianMs) },
      largeIpa: { bytes: large.bytes, seconds: round(large.seconds), rssMb: round(large.rssMb, 1) },
      ...(bigExecutable === null
        ? {}
        : {
            largeExecutable: {
              bytes: executableBytes,
              ipaMedianMs: round(bigExecutable[0].medianMs, 3),
              peerIpaMedianMs: round(bigExecutable[1].medianMs, 3),
            },
          }),
    }),
  );
}

function log(line: string): void {
  // With --json, the last stdout line must be the JSON object: progress goes to stderr.
  (json ? process.stderr : process.stdout).write(line + '\n');
}

function roundAll(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, round(value, 4)]));
}

function valueOf(flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}
