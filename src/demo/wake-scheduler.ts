import type { VirtualDevice } from '../simulator/index.js';

/**
 * Wakes simulated devices the way iOS reacts to pushes: a device holds one connection at a
 * time, and pushes that arrive while it is connected fold into one more connection afterwards
 * (it may have missed the new command). Once stopped, wakes are ignored.
 */
export class WakeScheduler {
  readonly #running = new Map<VirtualDevice, Promise<void>>();
  readonly #again = new Set<VirtualDevice>();
  #stopped = false;

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Connects the device now, or once more after its current connection. */
  wake(device: VirtualDevice): void {
    if (this.#stopped || !device.enrolled) return;
    if (this.#running.has(device)) {
      this.#again.add(device);
      return;
    }
    const connecting = this.#connect(device)
      .catch(this.onError)
      .finally(() => this.#running.delete(device));
    this.#running.set(device, connecting);
  }

  /** How many devices are connected right now. */
  get busy(): number {
    return this.#running.size;
  }

  /** Resolves when no device is connected (new wakes may start meanwhile; they are awaited too). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all(this.#running.values());
  }

  /** Ignores further wakes and waits for the connections under way. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#again.clear();
    await this.idle();
  }

  async #connect(device: VirtualDevice): Promise<void> {
    do {
      this.#again.delete(device);
      await device.wake();
    } while (this.#again.has(device) && !this.#stopped);
  }
}
