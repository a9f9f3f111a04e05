import { Fleet, HttpTransport, enrollmentProfileDownloader, type FleetReport } from '../../simulator/index.js';
import type { CliIo } from '../io.js';
import { ProgressLine } from './progress.js';

/** The flags of `provisio simulate`, parsed. */
export interface SimulateOptions {
  readonly server: string;
  readonly token: string;
  readonly og: string;
  readonly devices: number;
  readonly concurrency: number;
  readonly lockedRatio: number;
  /** Seconds; 0 runs one pass plus retries of devices that answered NotNow. */
  readonly duration: number;
  /** Seconds between passes over the fleet. */
  readonly interval: number;
  readonly supervised: boolean;
  readonly download: boolean;
  readonly collectNotices: boolean;
  readonly json: boolean;
}

/** What a run printed and whether it went cleanly. */
export interface SimulationResult {
  readonly report: FleetReport & { readonly seconds: number; readonly commandsPerSecond: number };
  /** Enrollment failures and request errors both make a run unclean. */
  readonly clean: boolean;
}

/** Enrolls the fleet against the server, runs it, and prints the figures (JSON last line with `--json`). */
export async function runSimulation(options: SimulateOptions, io: CliIo, isTerminal: boolean): Promise<SimulationResult> {
  const transport = new HttpTransport({ maxSockets: options.concurrency });
  const progress = new ProgressLine(io.stderr, isTerminal);
  const fleet = new Fleet({
    devices: options.devices,
    concurrency: options.concurrency,
    transport,
    serverOrigin: options.server,
    lockedRatio: options.lockedRatio,
    supervised: options.supervised,
    downloadApps: options.download,
    collectNotices: options.collectNotices,
  });
  try {
    const download = enrollmentProfileDownloader(transport, { server: options.server, token: options.token, og: options.og });
    const enrollment = await fleet.enroll(download, (done) => progress.update(() => `enrolling ${done}/${options.devices}`));
    progress.finish();
    for (const failure of enrollment.failures) io.stderr(`enrollment failed: ${failure}\n`);
    const started = performance.now();
    await fleet.run({
      durationMs: options.duration * 1000,
      intervalMs: options.interval * 1000,
      onPass: (pass) => progress.update(() => passLine(pass, fleet.report())),
    });
    progress.finish();
    const seconds = (performance.now() - started) / 1000;
    const figures = fleet.report();
    const report = { ...figures, seconds: round(seconds), commandsPerSecond: round(figures.commandsReceived / Math.max(seconds, 0.001)) };
    io.stdout(options.json ? `${JSON.stringify(report)}\n` : toText(report));
    return { report, clean: enrollment.failed === 0 && figures.errors === 0 };
  } finally {
    transport.close();
  }
}

function passLine(pass: number, report: FleetReport): string {
  return `pass ${pass}: ${report.commandsReceived} commands, ${report.commandsAcknowledged} acknowledged, ${report.notNow} not now, ${report.errors} errors`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function toText(report: SimulationResult['report']): string {
  return [
    `devices         ${report.enrolled}/${report.devices} enrolled`,
    `commands        ${report.commandsReceived} received, ${report.commandsAcknowledged} acknowledged, ${report.notNow} not now, ${report.commandsFailed} failed`,
    `requests        ${report.requests} in ${report.connections} connections, ${report.errors} errors`,
    `latency         p50 ${report.p50Ms} ms, p95 ${report.p95Ms} ms, p99 ${report.p99Ms} ms`,
    `throughput      ${report.commandsPerSecond} commands/s over ${report.seconds} s`,
    `on the devices  ${report.reinstalls} reinstalls, ${report.prompts} user prompts, ${report.notices} notices`,
    '',
  ].join('\n');
}
