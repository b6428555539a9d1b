import type { ReplicationResult } from '../metrics/replication-result.ts';
import type { Scenario } from '../model/schema.ts';
import { parseDuration } from '../model/units.ts';
import type { CancelToken, ReplicationExecutor } from './executor.ts';
import { mser5, type MserTruncation } from './mser.ts';
import { createProgressTracker, type StudyProgress } from './progress-tracker.ts';
import { RunCancelledError } from './run-replications.ts';

/**
 * `warmup: auto`: one pilot replication with no warm-up, MSER-5 on its throughput and p95
 * series, and the larger of the two truncations becomes the warm-up of the real replications.
 *
 * The pilot runs on streams of its own (replication index PILOT_REPLICATION, which no run
 * reaches), so the warm-up is chosen on data independent of the replications it is applied to:
 * choosing the truncation on replication 0 and then averaging that same replication would
 * condition its estimate on MSER's choice. It costs one replication more than the run.
 */
export const PILOT_REPLICATION = 0x7fffffff;

export interface WarmupChoice {
  /** The chosen warm-up, a whole number of series intervals. */
  warmupMs: number;
  /** Intervals the pilot's series had (whole intervals only). */
  intervals: number;
  /** MSER-5 on completions per interval; undefined if the series was too short. */
  throughput?: MserTruncation;
  /** MSER-5 on the per-interval p95 latency; undefined if too short or some batch had no completion. */
  p95?: MserTruncation;
}

export interface AutoWarmup {
  /** The scenario with `run.warmup` set to the chosen duration (e.g. `70s`): run this one. */
  scenario: Scenario;
  removedSeconds: number;
  choice: WarmupChoice;
}

export interface AutoWarmupOptions {
  /** Progress of the pilot (one planned replication). */
  onProgress?: (p: StudyProgress) => void;
  cancel?: CancelToken;
  clock?: () => number;
}

/** Runs the pilot on the executor and returns the scenario with its warm-up chosen. */
export async function resolveAutoWarmup(scenario: Scenario, executor: ReplicationExecutor, opts: AutoWarmupOptions = {}): Promise<AutoWarmup> {
  const pilotScenario: Scenario = { ...scenario, run: { ...scenario.run, warmup: '0s' } };
  const duration = parseDuration(scenario.run.duration);
  const tracker = createProgressTracker({
    durationMs: duration.ok ? duration.value : 1,
    planned: () => 1,
    clock: opts.clock ?? Date.now,
    onProgress: opts.onProgress,
  });
  let pilot: ReplicationResult | undefined;
  let lastError: unknown;
  // Like every replication, a pilot whose worker crashed is retried once.
  for (let attempt = 0; attempt < 2 && !pilot; attempt++) {
    try {
      pilot = await executor.run(
        { scenario: pilotScenario, replication: PILOT_REPLICATION },
        (p) => tracker.taskProgress(PILOT_REPLICATION, p),
        opts.cancel,
      );
    } catch (e) {
      if (opts.cancel?.cancelled) throw new RunCancelledError();
      lastError = e;
    }
  }
  if (!pilot) throw new Error(`warmup: auto: the pilot replication failed: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
  if (pilot.cancelled) throw new RunCancelledError();
  tracker.taskDone(PILOT_REPLICATION, pilot.events);
  tracker.finish();

  const choice = chooseWarmup(pilot);
  if (!choice) throw new Error(`warmup: auto: the run (${scenario.run.duration}) has too few series intervals for MSER-5`);
  return {
    scenario: { ...scenario, run: { ...scenario.run, warmup: warmupText(choice.warmupMs) } },
    removedSeconds: choice.warmupMs / 1000,
    choice,
  };
}

/**
 * The warm-up MSER-5 chooses from a pilot run without warm-up: the larger truncation of its
 * throughput and p95 series (each metric must have left its transient). Only whole intervals
 * count (a last, shorter interval is left out). Undefined if neither series is long enough.
 */
export function chooseWarmup(pilot: ReplicationResult): WarmupChoice | undefined {
  const { intervalMs, completed, p95 } = pilot.series;
  let intervals = 0;
  while (intervals < completed.length && (intervals + 1) * intervalMs <= pilot.simulatedMs) intervals++;
  const throughput = mser5(completed.subarray(0, intervals));
  const latency = mser5(p95.subarray(0, intervals));
  if (!throughput && !latency) return undefined;
  const truncated = Math.max(throughput?.observations ?? 0, latency?.observations ?? 0);
  return { warmupMs: truncated * intervalMs, intervals, throughput, p95: latency };
}

/** Milliseconds as duration text the scenario parser reads back exactly: `70s`, `2500ms`. */
export function warmupText(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
