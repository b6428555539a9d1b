import { AUTO_WARMUP, type Scenario } from '../model/schema.ts';
import { chooseWarmup, PILOT_REPLICATION, warmupText } from './auto-warmup.ts';
import type { CancelToken, ReplicationExecutor } from './executor.ts';
import type { StudyProgress } from './progress-tracker.ts';
import { runTasks, type KeyedTask } from './run-tasks.ts';

/**
 * `warmup: auto` for studies of several scenarios (a comparison, the points of a sweep): one
 * pilot per scenario that asks for it, run together over the executor (auto-warmup.ts explains
 * the pilot), and each scenario's warm-up set to what MSER-5 chose on its own pilot — a point at
 * high load needs a longer warm-up than one at low load.
 *
 * The pilot depends only on the scenario and its seed, so every shard of a study chooses the same
 * warm-up for a point without talking to the others (at the price of each shard running the
 * pilots of the points it touches).
 */
export interface StudyWarmups {
  /** The scenarios to run, warm-up resolved (the same object where it was not `auto`). */
  scenarios: Scenario[];
  /** The chosen warm-up in seconds, by scenario index, for the scenarios that asked for it. */
  removedSeconds: Map<number, number>;
  /** Cancelled before every pilot finished: nothing should run. */
  cancelled: boolean;
  wallSeconds: number;
}

export async function resolveStudyWarmups(
  scenarios: readonly Scenario[],
  opts: { executor: ReplicationExecutor; durationMs: number; onProgress?: (p: StudyProgress) => void; cancel?: CancelToken; clock?: () => number },
): Promise<StudyWarmups> {
  const pilots: KeyedTask[] = [];
  scenarios.forEach((s, key) => {
    if (s.run.warmup === AUTO_WARMUP) pilots.push({ key, scenario: { ...s, run: { ...s.run, warmup: '0s' } }, replication: PILOT_REPLICATION });
  });
  const out = [...scenarios];
  const removedSeconds = new Map<number, number>();
  if (pilots.length === 0) return { scenarios: out, removedSeconds, cancelled: false, wallSeconds: 0 };
  const run = await runTasks(pilots, opts);
  if (run.partial) return { scenarios: out, removedSeconds, cancelled: true, wallSeconds: run.wallSeconds };
  if (run.failed.length > 0) throw new Error(`warmup: auto: the pilot replication failed: ${run.failed[0].error}`);
  for (const { key } of pilots) {
    const choice = chooseWarmup(run.results.get(key)!);
    if (!choice) throw new Error(`warmup: auto: the run (${scenarios[key].run.duration}) has too few series intervals for MSER-5`);
    out[key] = { ...scenarios[key], run: { ...scenarios[key].run, warmup: warmupText(choice.warmupMs) } };
    removedSeconds.set(key, choice.warmupMs / 1000);
  }
  return { scenarios: out, removedSeconds, cancelled: false, wallSeconds: run.wallSeconds };
}
