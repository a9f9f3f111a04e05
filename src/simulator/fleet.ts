import type { TrustAnchors } from '../formats/cms/index.js';
import { forEachBounded } from './bounded.js';
import { DeliveryStats, type DeliverySummary } from './delivery-stats.js';
import { makeDeviceFacts } from './device-facts.js';
import type { DeviceTransport } from './http-transport.js';
import { VirtualDevice } from './virtual-device.js';

export interface FleetOptions {
  readonly devices: number;
  /** Devices talking to the server at once. */
  readonly concurrency: number;
  readonly transport: DeviceTransport;
  readonly serverOrigin?: string;
  readonly lockedRatio?: number;
  readonly random?: () => number;
  readonly profileTrust?: TrustAnchors;
  readonly supervised?: boolean;
  readonly downloadApps?: boolean;
  /** Prove identity by a proxy-forwarded certificate instead of signing bodies (see VirtualDeviceOptions). */
  readonly forwardedCertificateHeader?: string;
  /** Devices run the Provisio agent and collect user notices after each connection (see VirtualDeviceOptions). */
  readonly collectNotices?: boolean;
}

/** How enrollment went. */
export interface EnrollmentOutcome {
  readonly enrolled: number;
  readonly failed: number;
  /** The first few failure messages. */
  readonly failures: readonly string[];
}

/** The fleet's figures: devices and what they counted, with app and user facts added up. */
export interface FleetReport extends DeliverySummary {
  readonly devices: number;
  readonly enrolled: number;
  readonly reinstalls: number;
  readonly prompts: number;
  readonly notices: number;
}

export interface RunOptions {
  /** How long to keep waking devices; 0 for one pass plus retries of devices that said NotNow. */
  readonly durationMs: number;
  /** Pause between passes over the fleet (a poll or push schedule); default 1 s. */
  readonly intervalMs?: number;
  /** With `durationMs` 0, most passes spent retrying NotNow devices; default 20. */
  readonly maxRetryPasses?: number;
  /** Called after each pass. */
  readonly onPass?: (pass: number) => void;
  readonly signal?: AbortSignal;
}

const MAX_FAILURES_KEPT = 5;

/**
 * N virtual devices sharing one transport (one keep-alive socket pool) and one set of counters,
 * driven with bounded concurrency. Pushes are simulated by waking devices: on a schedule
 * ({@link run}) or when told ({@link wake}).
 */
export class Fleet {
  readonly devices: readonly VirtualDevice[];
  readonly stats = new DeliveryStats();
  #enrolled = 0;

  constructor(private readonly options: FleetOptions) {
    this.devices = Array.from(
      { length: options.devices },
      (_, index) =>
        new VirtualDevice({
          facts: makeDeviceFacts(index),
          transport: options.transport,
          serverOrigin: options.serverOrigin,
          lockedRatio: options.lockedRatio,
          random: options.random,
          profileTrust: options.profileTrust,
          supervised: options.supervised,
          downloadApps: options.downloadApps,
          forwardedCertificateHeader: options.forwardedCertificateHeader,
          collectNotices: options.collectNotices,
          stats: this.stats,
        }),
    );
  }

  /** Enrolls every device with the profile `download` fetches for it (each device its own identity). */
  async enroll(download: (device: VirtualDevice) => Promise<Uint8Array>, onEnrolled?: (done: number) => void): Promise<EnrollmentOutcome> {
    const failures: string[] = [];
    let done = 0;
    await forEachBounded(this.devices, this.options.concurrency, async (device) => {
      try {
        await device.enroll(await download(device));
        this.#enrolled++;
      } catch (error) {
        if (failures.length < MAX_FAILURES_KEPT) failures.push(`${device.udid}: ${error instanceof Error ? error.message : String(error)}`);
      }
      onEnrolled?.(++done);
    });
    return { enrolled: this.#enrolled, failed: this.devices.length - this.#enrolled, failures };
  }

  /** One connection for each given device (default: every enrolled one), `concurrency` at a time. */
  async wake(devices: readonly VirtualDevice[] = this.devices): Promise<void> {
    const enrolled = devices.filter((device) => device.enrolled);
    await forEachBounded(enrolled, this.options.concurrency, async (device) => {
      await device.wake();
    });
  }

  /** Wakes the fleet in passes until the duration is over (or, without one, until no device waits). */
  async run(options: RunOptions): Promise<void> {
    const deadline = performance.now() + options.durationMs;
    const intervalMs = options.intervalMs ?? 1000;
    await this.wake();
    options.onPass?.(1);
    for (let pass = 2; !options.signal?.aborted; pass++) {
      const waiting = this.devices.filter((device) => device.wantsToConnect);
      if (options.durationMs <= 0) {
        if (waiting.length === 0 || pass > (options.maxRetryPasses ?? 20) + 1) return;
        await this.wake(waiting);
      } else {
        const left = deadline - performance.now();
        if (left <= 0) return;
        await pause(Math.min(intervalMs, left), options.signal);
        if (performance.now() >= deadline) return;
        await this.wake();
      }
      options.onPass?.(pass);
    }
  }

  report(): FleetReport {
    const sum = (count: (device: VirtualDevice) => number) => this.devices.reduce((total, device) => total + count(device), 0);
    return {
      devices: this.devices.length,
      enrolled: this.#enrolled,
      ...this.stats.summary(),
      reinstalls: sum((device) => device.apps.reinstalls),
      prompts: sum((device) => device.prompts.length),
      notices: sum((device) => device.notices.length),
    };
  }
}

/** Waits `ms`, or less when `signal` aborts; the abort listener goes with the pause (a long run pauses thousands of times). */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
