import { median } from '../lib/stats.js';
import { runWorker } from '../lib/worker.js';

/** What bench/inspect/worker.ts prints for one run of one task. */
interface WorkerRun {
  samplesMs: Record<string, number[]>;
  rssMb: number;
  warmUpRounds: number;
}

/** One task's figures, pooled over its runs. */
export interface TaskResult {
  medianMs: number;
  samples: number;
  /** The largest peak RSS of its runs. */
  rssMb: number;
  /** The fewest warm-up rounds any of its runs had. */
  warmUpRounds: number;
  perFileMedianMs: Record<string, number>;
}

const WORKER = new URL('./worker.ts', import.meta.url);

/**
 * Runs two tasks `trials` times each, alternating which goes first, each run in a fresh process,
 * and pools each task's samples. The load of a shared machine changes from one second to the
 * next; measured one after the other, whichever task ran in a busier moment would lose.
 */
export async function alternate(
  tasks: readonly [string, string],
  rounds: number,
  files: readonly string[],
  trials: number,
): Promise<[TaskResult, TaskResult]> {
  const runs: [WorkerRun[], WorkerRun[]] = [[], []];
  for (let trial = 0; trial < trials; trial++) {
    const order = trial % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const);
    for (const side of order) {
      runs[side].push(await runWorker<WorkerRun>(WORKER, [tasks[side], String(rounds), ...files]));
    }
  }
  return [pool(runs[0]), pool(runs[1])];
}

function pool(runs: readonly WorkerRun[]): TaskResult {
  const byFile = new Map<string, number[]>();
  for (const run of runs) {
    for (const [file, samples] of Object.entries(run.samplesMs)) byFile.set(file, [...(byFile.get(file) ?? []), ...samples]);
  }
  const all = [...byFile.values()].flat();
  return {
    medianMs: median(all),
    samples: all.length,
    rssMb: Math.max(...runs.map((run) => run.rssMb)),
    warmUpRounds: Math.min(...runs.map((run) => run.warmUpRounds)),
    perFileMedianMs: Object.fromEntries([...byFile].map(([file, samples]) => [file, median(samples)])),
  };
}
