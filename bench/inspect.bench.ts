/**
 * `npm run bench:inspect [-- --json] [-- --large-bytes N]`
 *
 * Provisio's profile and IPA readers side by side with the npm packages people use today
 * (ios-mobileprovision-finder for profiles, without signature checks; app-info-parser for IPAs),
 * each in its own process so peak RSS is its own; then a cold inspect of a 2 GB IPA.
 */
import { benchInputs, largeIpa } from './inspect/fixtures.js';
import { round } from './lib/stats.js';
import { runWorker } from './lib/worker.js';

interface TaskResult {
  medianMs: number;
  samples: number;
  rssMb: number;
}
interface LargeResult {
  bytes: number;
  seconds: number;
  rssMb: number;
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const largeBytes = Number(valueOf('--large-bytes') ?? 2 * 1024 ** 3);
const worker = new URL('./inspect/worker.ts', import.meta.url);

const inputs = await benchInputs();
log(`inputs: ${inputs.profiles.length} profiles, ${inputs.ipas.length} IPAs (${inputs.source})`);
const profile = await runWorker<TaskResult>(worker, ['provisio-profile', '300', ...inputs.profiles]);
const peerProfile = await runWorker<TaskResult>(worker, ['peer-profile', '300', ...inputs.profiles]);
const ipa = await runWorker<TaskResult>(worker, ['provisio-ipa', '40', ...inputs.ipas]);
const peerIpa = await runWorker<TaskResult>(worker, ['peer-ipa', '40', ...inputs.ipas]);
log(`generating a ${(largeBytes / 1024 ** 3).toFixed(2)} GiB IPA (cached in the temp folder)`);
const large = await runWorker<LargeResult>(new URL('./inspect/large-worker.ts', import.meta.url), [await largeIpa(largeBytes)]);

const rows: Array<[string, TaskResult]> = [
  ['profile: provisio (parse + verify)', profile],
  ['profile: ios-mobileprovision-finder (no verify)', peerProfile],
  ['ipa: provisio', ipa],
  ['ipa: app-info-parser', peerIpa],
];
for (const [label, result] of rows) {
  log(`${label.padEnd(50)} median ${result.medianMs.toFixed(4)} ms/file  peak RSS ${result.rssMb.toFixed(0)} MB  (${result.samples} samples)`);
}
log(`profile speed-up ${(peerProfile.medianMs / profile.medianMs).toFixed(1)}x, IPA speed-up ${(peerIpa.medianMs / ipa.medianMs).toFixed(1)}x`);
log(`large IPA: ${large.bytes} bytes in ${large.seconds.toFixed(3)} s, peak RSS ${large.rssMb.toFixed(0)} MB`);

if (json) {
  console.log(
    JSON.stringify({
      profileMedianMs: round(profile.medianMs, 4),
      peerProfileMedianMs: round(peerProfile.medianMs, 4),
      ipaMedianMs: round(ipa.medianMs, 4),
      peerIpaMedianMs: round(peerIpa.medianMs, 4),
      largeIpa: { bytes: large.bytes, seconds: round(large.seconds), rssMb: round(large.rssMb, 1) },
    }),
  );
}

function log(line: string): void {
  // With --json, the last stdout line must be the JSON object: progress goes to stderr.
  (json ? process.stderr : process.stdout).write(line + '\n');
}

function valueOf(flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}
