import type { Timers } from '../../src/jobs/timers.js';

interface PendingTimer {
  readonly ms: number;
  readonly callback: () => void;
  cancelled: boolean;
}

/** Timers that fire only when the test says so, keeping the delays they were set with. */
export class ManualTimers implements Timers {
  readonly #timers: PendingTimer[] = [];

  after(ms: number, callback: () => void): () => void {
    const timer = { ms, callback, cancelled: false };
    this.#timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  /** Delays of the timers still waiting, oldest first. */
  get waiting(): number[] {
    return this.#timers.filter((timer) => !timer.cancelled).map((timer) => timer.ms);
  }

  /** Fires the oldest waiting timer; throws when none waits. */
  fire(): void {
    const timer = this.#timers.find((candidate) => !candidate.cancelled);
    if (timer === undefined) throw new Error('no timer is waiting');
    timer.cancelled = true;
    timer.callback();
  }
}

/** Resolves once `condition` holds, checking every few milliseconds for up to `timeoutMs`. */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
