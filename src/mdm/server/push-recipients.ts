import type { MdmEnrollmentRepository, PushRecipient } from '../../store/mdm-enrollment.repository.js';
import type { PushSender } from '../apns/index.js';

/** What one round of pushes did. */
export interface PushTally {
  delivered: number;
  invalidTokens: number;
  failed: number;
}

export function emptyTally(): PushTally {
  return { delivered: 0, invalidTokens: 0, failed: 0 };
}

/**
 * Pushes the recipients and records the outcome: delivered devices are noted as pushed (the
 * sweep waits before pushing them again), tokens APNs refused for good are marked invalid.
 */
export async function pushRecipients(
  sender: PushSender,
  enrollments: MdmEnrollmentRepository,
  recipients: readonly PushRecipient[],
  now: Date,
  tally: PushTally,
): Promise<void> {
  const outcomes = await sender.push(recipients.map(({ token, pushMagic, topic }) => ({ token, pushMagic, topic })));
  const delivered: number[] = [];
  const invalid: number[] = [];
  outcomes.forEach((outcome, index) => {
    const deviceId = recipients[index]?.deviceId;
    if (deviceId === undefined) return;
    if (outcome.status === 'delivered') delivered.push(deviceId);
    else if (outcome.status === 'invalid_token') invalid.push(deviceId);
    else tally.failed++;
  });
  await enrollments.notePushed(delivered, now);
  await enrollments.markTokensInvalid(invalid);
  tally.delivered += delivered.length;
  tally.invalidTokens += invalid.length;
}
