import type { Clock } from '../services/auth/clock.js';

const DAY_MS = 86_400_000;

/**
 * Real time, except while the demo writes a piece of history: the expired app has to be
 * uploaded while its profile was still valid (uploads refuse expired profiles), so the demo
 * sets the server's clock back for that one upload and then returns to the present.
 */
export class DemoClock implements Clock {
  #offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }

  /** Runs `work` with the clock `days` days in the past, then returns to the present. */
  async daysAgo<T>(days: number, work: () => Promise<T>): Promise<T> {
    this.#offsetMs = -days * DAY_MS;
    try {
      return await work();
    } finally {
      this.#offsetMs = 0;
    }
  }
}
