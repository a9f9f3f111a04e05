import type { PushSender } from '../mdm/apns/index.js';
import { emptyTally, pushRecipients, type PushTally } from '../mdm/server/push-recipients.js';
import type { Clock } from '../services/auth/clock.js';
import type { MdmEnrollmentRepository } from '../store/mdm-enrollment.repository.js';

export interface PushSweepOptions {
  readonly enrollments: MdmEnrollmentRepository;
  readonly sender: PushSender;
  readonly clock: Clock;
  /** A device pushed less than this long ago is left alone. */
  readonly repushAfterMs: number;
  readonly batchSize?: number;
}

/**
 * Pushes again every device with commands waiting since it last checked in and no push in the
 * last `repushAfterMs`: pushes get lost, and a device that was off misses them.
 */
export async function sweepPushes(options: PushSweepOptions): Promise<PushTally> {
  const tally = emptyTally();
  const pushedBefore = new Date(options.clock.now().getTime() - options.repushAfterMs);
  for (let after = 0; ; ) {
    const recipients = await options.enrollments.awaitingCheckIn(pushedBefore, after, options.batchSize ?? 1000);
    if (recipients.length === 0) return tally;
    await pushRecipients(options.sender, options.enrollments, recipients, options.clock.now(), tally);
    after = recipients.at(-1)?.deviceId ?? after;
  }
}
