import type { TrustAnchors } from '../formats/cms/index.js';
import { Fleet, HttpTransport, type VirtualDevice } from '../simulator/index.js';
import type { PushRelay } from './push-relay.js';
import { WakeScheduler } from './wake-scheduler.js';

export interface DemoFleetOptions {
  readonly devices: number;
  /** Where the demo server listens. */
  readonly serverUrl: string;
  /** Learns push tokens from the devices' traffic. */
  readonly relay: PushRelay;
  /** The demo CA: devices refuse profiles that do not chain to it. */
  readonly profileTrust: TrustAnchors;
  /** Share of connections during which a device is locked, once live. */
  readonly lockedRatio: number;
  readonly onError: (error: unknown) => void;
}

/** How often the live fleet looks for devices to connect. */
const TICK_MS = 5_000;
/** Every device checks in on its own every this many ticks (a minute), staggered. */
const CHECK_IN_TICKS = 12;
/** Devices talking to the server at once: the server shares two cores with the devices. */
const CONCURRENCY = 8;

/**
 * The simulated iPhones of the demo, in the server's process: they enroll over HTTP, connect
 * when pushed (through the {@link PushRelay}), and, once live, check in every minute, some of
 * them locked at times; a device that answered NotNow because it was locked connects again at
 * the next tick, as an iPhone does once unlocked.
 */
export class DemoFleet {
  readonly fleet: Fleet;
  readonly #transport: HttpTransport;
  readonly #scheduler: WakeScheduler;
  readonly #byUdid: ReadonlyMap<string, VirtualDevice>;
  #timer: NodeJS.Timeout | undefined;
  #tick = 0;

  constructor(options: DemoFleetOptions) {
    this.#transport = new HttpTransport({ maxSockets: CONCURRENCY });
    this.fleet = new Fleet({
      devices: options.devices,
      concurrency: CONCURRENCY,
      transport: options.relay.tap(this.#transport),
      serverOrigin: options.serverUrl,
      lockedRatio: options.lockedRatio,
      profileTrust: options.profileTrust,
    });
    this.#scheduler = new WakeScheduler(options.onError);
    this.#byUdid = new Map(this.fleet.devices.map((device) => [device.udid, device]));
    // Unlocked while the demo installs its apps, so the world is ready sooner.
    for (const device of this.fleet.devices) device.setLocked(false);
  }

  get devices(): readonly VirtualDevice[] {
    return this.fleet.devices;
  }

  /** Enrolls every device with the enrollment profile `download` fetches for it; throws when any fails. */
  async enroll(download: (index: number) => Promise<Uint8Array>): Promise<void> {
    const indexOf = new Map(this.fleet.devices.map((device, index) => [device, index]));
    const outcome = await this.fleet.enroll((device) => download(indexOf.get(device) ?? 0));
    if (outcome.failed > 0) throw new Error(`${outcome.failed} simulated devices could not enroll: ${outcome.failures.join('; ')}`);
  }

  /** A push reached the device with this UDID. */
  wake(udid: string): void {
    const device = this.#byUdid.get(udid);
    if (device) this.#scheduler.wake(device);
  }

  /** Resolves when no device is talking to the server. */
  settled(): Promise<void> {
    return this.#scheduler.idle();
  }

  /** From now on devices lock at random and check in every minute. */
  goLive(): void {
    for (const device of this.fleet.devices) device.setLocked(undefined);
    this.#timer ??= setInterval(() => this.#onTick(), TICK_MS);
  }

  /** Stops checking in, waits for the connections under way, closes the sockets. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#scheduler.stop();
    this.#transport.close();
  }

  #onTick(): void {
    const turn = this.#tick++ % CHECK_IN_TICKS;
    this.fleet.devices.forEach((device, index) => {
      if (device.wantsToConnect || index % CHECK_IN_TICKS === turn) this.#scheduler.wake(device);
    });
  }
}
