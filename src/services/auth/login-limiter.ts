import type { Clock } from './clock.js';

export interface LoginLimits {
  /** Failed logins from one address allowed within `windowMs`. */
  readonly maxFailures: number;
  readonly windowMs: number;
  /** Addresses remembered at once; the oldest are forgotten first, so memory stays bounded. */
  readonly maxAddresses: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { maxFailures: 10, windowMs: 15 * 60_000, maxAddresses: 10_000 };

/**
 * Counts failed logins per client address in a sliding window, in memory. Each server process
 * keeps its own counts: good enough to stop password guessing, which needs many attempts.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  /** Seconds until `address` may try again; 0 when it may try now. */
  retryAfterSeconds(address: string): number {
    const recent = this.recentFailures(address);
    if (recent.length < this.limits.maxFailures) return 0;
    const oldest = recent[recent.length - this.limits.maxFailures] ?? 0;
    return Math.max(1, Math.ceil((oldest + this.limits.windowMs - this.clock.now().getTime()) / 1000));
  }

  recordFailure(address: string): void {
    const recent = this.recentFailures(address);
    recent.push(this.clock.now().getTime());
    // Re-inserting moves the address to the back of the Map's order: the oldest is first.
    this.failures.delete(address);
    this.failures.set(address, recent.slice(-this.limits.maxFailures));
    this.forgetOldest();
  }

  recordSuccess(address: string): void {
    this.failures.delete(address);
  }

  private recentFailures(address: string): number[] {
    const since = this.clock.now().getTime() - this.limits.windowMs;
    return (this.failures.get(address) ?? []).filter((at) => at > since);
  }

  private forgetOldest(): void {
    for (const address of this.failures.keys()) {
      if (this.failures.size <= this.limits.maxAddresses) return;
      this.failures.delete(address);
    }
  }
}
