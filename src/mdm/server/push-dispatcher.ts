import type { Clock } from '../../services/auth/clock.js';
import type { MdmEnrollmentRepository } from '../../store/mdm-enrollment.repository.js';
import type { PushSender } from '../apns/index.js';
import { emptyTally, pushRecipients, type PushTally } from './push-recipients.js';

export interface PushDispatcherDeps {
  readonly enrollments: MdmEnrollmentRepository;
  readonly sender: PushSender;
  readonly clock: Clock;
  /** Devices read and pushed per round; default 1000. */
  readonly batchSize?: number;
  readonly onError: (error: unknown) => void;
}

/**
 * Pushes the devices a command was queued for, in the background: `schedule` returns at once,
 * and commands are pushed one after another in batches, so a million-device fan-out never holds
 * up the API nor opens more streams than the APNs client allows.
 */
export class PushDispatcher {
  #chain: Promise<void> = Promise.resolve();
  #pending = 0;

  constructor(private readonly deps: PushDispatcherDeps) {}

  /** Queues the push of every device with `commandId` open. */
  schedule(commandId: number): void {
    this.#pending++;
    this.#chain = this.#chain
      .then(async () => void (await this.#pushCommand(commandId)))
      .catch(this.deps.onError)
      .finally(() => void this.#pending--);
  }

  /** Resolves when everything scheduled so far was pushed (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.#pending > 0) await this.#chain;
  }

  async #pushCommand(commandId: number): Promise<PushTally> {
    const tally = emptyTally();
    const batchSize = this.deps.batchSize ?? 1000;
    for (let after = 0; ; ) {
      const recipients = await this.deps.enrollments.recipientsOf(commandId, after, batchSize);
      if (recipients.length === 0) return tally;
      await pushRecipients(this.deps.sender, this.deps.enrollments, recipients, this.deps.clock.now(), tally);
      after = recipients.at(-1)?.deviceId ?? after;
    }
  }
}
