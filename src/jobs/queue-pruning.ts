import type { Clock } from '../services/auth/clock.js';
import type { MdmQueueRepository, PruneResult } from '../store/mdm-queue.repository.js';

const DAY_MS = 86_400_000;

/** The retention policy: answered commands older than `retentionDays` leave the queue. */
export function pruneQueue(queue: MdmQueueRepository, clock: Clock, retentionDays: number): Promise<PruneResult> {
  return queue.prune(new Date(clock.now().getTime() - retentionDays * DAY_MS));
}
