import type { ReplicationResult } from '../metrics/replication-result.ts';
import type { CompiledModel } from '../model/compiled.ts';
import type { Scenario } from '../model/schema.ts';
import { aggregateRun } from './aggregate.ts';
import { resolveAutoWarmup } from './auto-warmup.ts';
import type { CancelToken, ReplicationExecutor, TaskProgress } from './executor.ts';
import { compileForRun } from './in-thread-executor.ts';
import { createProgressTracker, type StudyProgress } from './progress-tracker.ts';
import type { RunResult } from './result.ts';
import { estimate } from './stats.ts';
import { summariseReplication, type ReplicationSummary } from './summarise.ts';

export interface RunScenarioOptions {
  executor: ReplicationExecutor;
  /** Replications to run (the minimum, with `precision`); default: the scenario's run.replications. */
  replications?: number;
  /** Sequential stopping: add replications until every key metric's 95% half-width ≤ precision × |mean|; default: the scenario's run.precision. */
  precision?: number;
  /** Cap for sequential stopping; default: the scenario's run.maxReplications, else 50. */
  maxReplications?: number;
  onProgress?: (p: StudyProgress) => void;
  cancel?: CancelToken;
  /** Wall clock in ms (default Date.now): progress throttling, ETA and wallSeconds. */
  clock?: () => number;
}

/** The metrics sequential stopping watches: overall throughput and latency mean, p95, p99. */
const STOPPING_KEYS: ReadonlyArray<[string, (s: ReplicationSummary) => number]> = [
  ['throughput', (s) => s.overall.throughput],
  ['latency.mean', (s) => s.overall.latency.mean],
  ['latency.p95', (s) => s.overall.latency.p95],
  ['latency.p99', (s) => s.overall.latency.p99],
];

/**
 * Runs a scenario's replications on an executor and averages them into a RunResult.
 *
 * Deterministic whatever the executor's concurrency: replication i always uses stream i of the
 * seed, results are aggregated in index order, and sequential stopping chooses the smallest
 * n ≥ the minimum whose first n replications meet the precision — replications that finished
 * beyond that n (because workers ran ahead) are discarded.
 *
 * A replication whose run rejects (a crashed worker) is retried once, then reported in
 * `failedReplications`; the rest stand. Cancelling stops within one engine check (≤ 65,536
 * events) and returns the replications completed so far, flagged `partial`.
 */
export async function runScenario(scenario: Scenario, opts: RunScenarioOptions): Promise<RunResult> {
  const set = await runReplicationSet(scenario, opts);
  const result = aggregateRun(set.model, set.results, set.summaries, { seed: set.model.run.seed, wallSeconds: set.wallSeconds });
  if (set.partial) result.partial = true;
  if (set.failedReplications.length > 0) result.failedReplications = set.failedReplications;
  if (set.stopping) result.stopping = set.stopping;
  if (set.warmupAuto) result.warmupAuto = set.warmupAuto;
  return result;
}

/** The replications of one scenario, kept in index order, before averaging. */
export interface ReplicationSet {
  model: CompiledModel;
  results: ReplicationResult[];
  summaries: ReplicationSummary[];
  partial: boolean;
  failedReplications: Array<{ replication: number; error: string }>;
  stopping?: NonNullable<RunResult['stopping']>;
  /** With `warmup: auto`: the warm-up MSER-5 chose on a pilot replication (model.run.warmupMs is it). */
  warmupAuto?: NonNullable<RunResult['warmupAuto']>;
  wallSeconds: number;
}

/** Runs the replications (see runScenario) and returns them unaveraged: compare, sweep and shard build on this. */
export async function runReplicationSet(scenario: Scenario, opts: RunScenarioOptions): Promise<ReplicationSet> {
  const clock = opts.clock ?? Date.now;
  const started = clock();
  let model = compileForRun(scenario);
  let warmupAuto: ReplicationSet['warmupAuto'];
  if (model.run.warmupAuto) {
    const auto = await resolveAutoWarmup(scenario, opts.executor, { onProgress: opts.onProgress, cancel: opts.cancel, clock });
    scenario = auto.scenario;
    model = compileForRun(scenario);
    warmupAuto = { method: 'MSER-5', removedSeconds: auto.removedSeconds };
  }
  const minimum = Math.max(1, opts.replications ?? model.run.replications);
  const precision = opts.precision ?? model.run.precision;
  const cap = precision === undefined ? minimum : Math.max(minimum, opts.maxReplications ?? model.run.maxReplications ?? 50);
  const results = new Map<number, ReplicationResult>();
  const summaries = new Map<number, ReplicationSummary>();
  const failed: Array<{ replication: number; error: string }> = [];
  let stopAt: number | undefined = precision === undefined ? minimum : undefined;
  let checkedUpTo = 0;
  let launched = 0;
  let cancelled = false;
  const tracker = createProgressTracker({
    durationMs: model.run.durationMs,
    planned: () => stopAt ?? Math.max(minimum, launched),
    clock,
    onProgress: opts.onProgress,
  });

  const isCancelled = () => cancelled || (opts.cancel?.cancelled ?? false);
  const limit = () => stopAt ?? cap;

  /** With sequential stopping: the first n ≥ minimum (over the contiguous prefix) that meets the precision. */
  const updateStoppingPoint = () => {
    if (precision === undefined || stopAt !== undefined) return;
    let prefix = 0;
    while (prefix < cap && (summaries.has(prefix) || failed.some((f) => f.replication === prefix))) prefix++;
    for (let n = Math.max(minimum, checkedUpTo + 1); n <= prefix; n++) {
      checkedUpTo = n;
      if (precisionMet(firstSummaries(summaries, n), precision)) {
        stopAt = n;
        return;
      }
    }
    if (prefix >= cap) stopAt = cap;
  };

  const runOne = async (replication: number): Promise<void> => {
    const onTask = (p: TaskProgress) => tracker.taskProgress(replication, p);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const r = await opts.executor.run({ scenario, replication }, onTask, { get cancelled() { return isCancelled(); } });
        if (r.cancelled) {
          cancelled = true;
          return;
        }
        results.set(replication, r);
        summaries.set(replication, summariseReplication(r));
        tracker.taskDone(replication, r.events);
        return;
      } catch (e) {
        if (isCancelled()) return;
        if (attempt === 1) failed.push({ replication, error: e instanceof Error ? e.message : String(e) });
      }
    }
    tracker.taskDone(replication, 0);
  };

  const lane = async (): Promise<void> => {
    while (!isCancelled() && launched < limit()) {
      const replication = launched++;
      await runOne(replication);
      updateStoppingPoint();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.executor.concurrency) }, lane));
  tracker.finish();

  const keep = [...results.keys()].filter((i) => i < limit()).sort((a, b) => a - b);
  if (keep.length === 0) {
    throw new Error(isCancelled() ? 'the run was cancelled before a replication finished' : `every replication failed: ${failed.map((f) => f.error).join('; ')}`);
  }
  const keptSummaries = keep.map((i) => summaries.get(i)!);
  return {
    model,
    results: keep.map((i) => results.get(i)!),
    summaries: keptSummaries,
    partial: isCancelled(),
    failedReplications: failed.filter((f) => f.replication < limit()),
    stopping: precision === undefined ? undefined : {
      precision,
      maxReplications: cap,
      met: precisionMet(keptSummaries, precision),
      keys: STOPPING_KEYS.map(([k]) => `overall.${k}`),
    },
    warmupAuto,
    wallSeconds: (clock() - started) / 1000,
  };
}

function firstSummaries(summaries: Map<number, ReplicationSummary>, n: number): ReplicationSummary[] {
  const out: ReplicationSummary[] = [];
  for (let i = 0; i < n; i++) {
    const s = summaries.get(i);
    if (s) out.push(s);
  }
  return out;
}

/** True when every stopping key's 95% half-width is within precision × |mean| (keys with mean 0 or no data are skipped). */
export function precisionMet(summaries: ReplicationSummary[], precision: number): boolean {
  if (summaries.length < 2) return false;
  for (const [, pick] of STOPPING_KEYS) {
    const e = estimate(summaries.map(pick));
    if (!Number.isFinite(e.mean) || e.mean === 0) continue;
    if (!(e.halfWidth <= precision * Math.abs(e.mean))) return false;
  }
  return true;
}
