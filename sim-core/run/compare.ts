import { computeCost } from '../cost/compute-cost.ts';
import type { CostPlan } from '../cost/cost-plan.ts';
import type { Scenario } from '../model/schema.ts';
import { aggregateRun } from './aggregate.ts';
import type { ReplicationResult } from '../metrics/replication-result.ts';
import type { CancelToken, ReplicationExecutor } from './executor.ts';
import { compileForRun } from './in-thread-executor.ts';
import type { StudyProgress } from './progress-tracker.ts';
import type { CostResult, RunResult } from './result.ts';
import { runTasks, type KeyedTask } from './run-tasks.ts';
import { estimate, studentTQuantile } from './stats.ts';
import { resolveStudyWarmups } from './study-warmup.ts';
import { summariseReplication, type ReplicationSummary } from './summarise.ts';

/**
 * Paired comparison of scenarios with common random numbers. Every scenario runs with the same
 * seed and the same replication indices; random streams are named by purpose (decision 3), so
 * replication i of each scenario sees the same arrivals, think times, mix draws and — where the
 * components share names — the same service-time draws. The difference of a metric is then
 * measured replication by replication, d_i = b_i − a_i, and its confidence interval is that of
 * the d_i: the workload noise the scenarios share cancels out, so the interval is usually much
 * narrower than the unpaired (Welch) one over the same runs, which is reported beside it.
 *
 * The first scenario is the baseline; every other is compared with it.
 *
 * Cost: with a cost plan per scenario (the CLI resolves each against its own price list), each
 * replication's summary is billed on its own, so the monthly cost is compared like any other
 * metric — a fixed price on fixed replicas gives the same bill in every replication (a
 * half-width of 0), usage lines vary with the simulated load.
 */

export type MetricUnit = 'perSecond' | 'ms' | 'ratio' | 'usd';

export interface MetricKey {
  /** `overall.latency.p99`, `endpoints.transfer.errorRate`, `components.app.utilisation`, `cost.monthly`. */
  id: string;
  scope: 'overall' | 'endpoint' | 'component' | 'cost';
  /** The endpoint or component, for those scopes. */
  name?: string;
  /** `throughput`, `latency.p99`, `utilisation`, `monthly`, … */
  metric: string;
  unit: MetricUnit;
}

/** Mean and 95% half-width over the paired replications (NaN half-width with one replication). */
export interface ValueEstimate {
  mean: number;
  halfWidth: number;
}

/**
 * lower / higher: the paired 95% interval excludes 0 (significant);
 * noDifference: it contains 0; identical: every replication gave the same value in both;
 * undetermined: fewer than two pairs with a value (one replication, or no successful requests).
 */
export type Verdict = 'lower' | 'higher' | 'noDifference' | 'identical' | 'undetermined';

export interface Difference {
  /** Index of the compared scenario (≥ 1; 0 is the baseline). */
  scenario: number;
  /** Mean of d_i = b_i − a_i. */
  mean: number;
  /** Paired 95% Student-t half-width of the mean difference. */
  halfWidth: number;
  /** Welch's unpaired 95% half-width for the same runs, as if the scenarios had independent streams. */
  unpairedHalfWidth: number;
  /** Pairs with a value in both scenarios. */
  pairs: number;
  verdict: Verdict;
  significant: boolean;
}

export interface MetricComparison extends MetricKey {
  /** Each scenario's estimate, over the paired replications. */
  values: ValueEstimate[];
  /** One per scenario after the baseline. */
  differences: Difference[];
}

export interface ComparisonResult {
  archsim: 1;
  kind: 'comparison';
  seed: number;
  /** Replication indices every scenario completed: the pairs. */
  replications: number[];
  /** Each scenario's own RunResult (all its completed replications). */
  scenarios: RunResult[];
  metrics: MetricComparison[];
  wallSeconds: number;
  /** Set when the comparison was cancelled: the statistics cover the replications that completed. */
  partial?: true;
}

export interface CompareOptions {
  executor: ReplicationExecutor;
  /** Replications per scenario; default: the baseline's run.replications. */
  replications?: number;
  /** Seed for every scenario; default: the baseline's run.seed. */
  seed?: number;
  onProgress?: (p: StudyProgress) => void;
  cancel?: CancelToken;
  clock?: () => number;
  /**
   * One per scenario, in order: its cost plan (sim-core/cost). With a plan, its RunResult carries
   * its cost and every replication is billed; `cost.monthly` is compared when every scenario has
   * a plan and at least one of them bills something.
   */
  costPlans?: readonly (CostPlan | undefined)[];
}

/** A replication's summary with its own bill, when its scenario has a cost plan. */
export type CostedSummary = ReplicationSummary & { cost?: CostResult };

/**
 * Runs the scenarios' replications interleaved — replication 0 of every scenario, then
 * replication 1, … — so that a cancelled comparison still has complete pairs, and compares them.
 */
export async function compareScenarios(scenarios: readonly Scenario[], opts: CompareOptions): Promise<ComparisonResult> {
  const S = scenarios.length;
  if (S < 2) throw new Error(`a comparison needs at least two scenarios, got ${S}`);
  const clock = opts.clock ?? Date.now;
  const seed = opts.seed ?? scenarios[0].run.seed;
  const replications = opts.replications ?? scenarios[0].run.replications;
  if (!Number.isInteger(replications) || replications < 1) throw new Error(`replications must be a positive integer, got ${replications}`);
  const plans = opts.costPlans ?? [];
  if (plans.length > S) throw new Error(`${plans.length} cost plans for ${S} scenarios`);
  const seeded = scenarios.map((s): Scenario => ({ ...s, run: { ...s.run, seed } }));
  const common = { executor: opts.executor, onProgress: opts.onProgress, cancel: opts.cancel, clock, durationMs: compileForRun(seeded[0]).run.durationMs };
  const warmups = await resolveStudyWarmups(seeded, common);
  if (warmups.cancelled) throw new Error('the comparison was cancelled while choosing the warm-up (warmup: auto), before any replication');
  const models = warmups.scenarios.map(compileForRun);
  const tasks: KeyedTask[] = [];
  for (let replication = 0; replication < replications; replication++) {
    warmups.scenarios.forEach((scenario, s) => tasks.push({ key: replication * S + s, scenario, replication }));
  }
  const run = await runTasks(tasks, common);

  const pairs = Array.from({ length: replications }, (_, r) => r).filter((r) => seeded.every((_, s) => run.results.has(r * S + s)));
  if (pairs.length === 0) {
    throw new Error(run.partial ? 'the comparison was cancelled before every scenario completed the same replication'
      : `no replication completed in every scenario, so there is nothing to pair: ${run.failed.map((f) => f.error).join('; ')}`);
  }
  const own = seeded.map((_, s) => {
    const results: ReplicationResult[] = [];
    for (let r = 0; r < replications; r++) {
      const result = run.results.get(r * S + s);
      if (result) results.push(result);
    }
    return { results, summaries: results.map(summariseReplication) };
  });
  const paired = own.map(({ results, summaries }, s) => {
    const plan = plans[s];
    const byIndex = new Map(results.map((r, i) => [r.replication, summaries[i]]));
    return pairs.map((r): CostedSummary => {
      const summary = byIndex.get(r)!;
      return plan ? { ...summary, cost: computeCost(plan, summary.components) } : summary;
    });
  });
  const result: ComparisonResult = {
    archsim: 1,
    kind: 'comparison',
    seed,
    replications: pairs,
    scenarios: own.map(({ results, summaries }, s) => {
      const wallSeconds = results.reduce((sum, r) => sum + r.wallMs, 0) / 1000;
      const plan = plans[s];
      const r = aggregateRun(models[s], results, summaries, plan ? { seed, wallSeconds, cost: plan } : { seed, wallSeconds });
      const failed = run.failed.filter((f) => f.key % S === s).map((f) => ({ replication: Math.floor(f.key / S), error: f.error }));
      if (results.length + failed.length < replications) r.partial = true;
      if (failed.length > 0) r.failedReplications = failed;
      const removed = warmups.removedSeconds.get(s);
      if (removed !== undefined) r.warmupAuto = { method: 'MSER-5', removedSeconds: removed };
      return r;
    }),
    metrics: compareSummaries(paired),
    wallSeconds: warmups.wallSeconds + run.wallSeconds,
  };
  if (run.partial) result.partial = true;
  return result;
}

interface MetricPick extends MetricKey {
  pick: (s: CostedSummary) => number | null | undefined;
}

const ENDPOINT_METRICS: ReadonlyArray<[string, MetricUnit, (e: ReplicationSummary['overall'] | ReplicationSummary['endpoints'][string]) => number]> = [
  ['throughput', 'perSecond', (e) => e.throughput],
  ['latency.mean', 'ms', (e) => e.latency.mean],
  ['latency.p50', 'ms', (e) => e.latency.p50],
  ['latency.p95', 'ms', (e) => e.latency.p95],
  ['latency.p99', 'ms', (e) => e.latency.p99],
  ['errorRate', 'ratio', (e) => e.errorRate],
  ['availability', 'ratio', (e) => e.availability],
  ['sloShare', 'ratio', (e) => e.sloShare],
];

/**
 * The metrics every scenario has: overall, per common endpoint, utilisation per common component
 * with bounded workers, and the monthly cost when every scenario was billed and at least one
 * bill has a line (scenarios that price nothing get no row of zeros).
 */
function metricsOf(paired: readonly (readonly CostedSummary[])[]): MetricPick[] {
  const firsts = paired.map((reps) => reps[0]);
  const common = (keys: (s: ReplicationSummary) => string[]) => keys(firsts[0]).filter((k) => firsts.every((s) => keys(s).includes(k)));
  const picks: MetricPick[] = [];
  for (const [metric, unit, pick] of ENDPOINT_METRICS) picks.push({ id: `overall.${metric}`, scope: 'overall', metric, unit, pick: (s) => pick(s.overall) });
  for (const name of common((s) => Object.keys(s.endpoints))) {
    for (const [metric, unit, pick] of ENDPOINT_METRICS) {
      picks.push({ id: `endpoints.${name}.${metric}`, scope: 'endpoint', name, metric, unit, pick: (s) => pick(s.endpoints[name]) });
    }
  }
  for (const name of common((s) => Object.keys(s.components))) {
    if (firsts.some((s) => s.components[name].utilisation === null)) continue;
    picks.push({ id: `components.${name}.utilisation`, scope: 'component', name, metric: 'utilisation', unit: 'ratio', pick: (s) => s.components[name].utilisation });
  }
  if (firsts.every((s) => s.cost !== undefined) && firsts.some((s) => s.cost!.lines.length > 0)) {
    picks.push({ id: 'cost.monthly', scope: 'cost', metric: 'monthly', unit: 'usd', pick: (s) => s.cost?.monthly });
  }
  return picks;
}

/** Compares per-replication summaries: paired[s][k] is scenario s's k-th paired replication. */
export function compareSummaries(paired: readonly (readonly CostedSummary[])[]): MetricComparison[] {
  return metricsOf(paired).map(({ pick, ...key }) => {
    const series = paired.map((reps) => reps.map((s) => pick(s) ?? NaN));
    const differences = series.slice(1).map((b, j) => pairedDifference(series[0], b, j + 1));
    return {
      ...key,
      values: series.map((xs) => {
        const e = exactEstimate(xs);
        return { mean: e.mean, halfWidth: e.halfWidth };
      }),
      differences,
    };
  });
}

/**
 * The Student-t estimate, except that a sample whose finite values are all equal (a fixed bill,
 * no errors at all) has exactly that mean and a half-width of exactly 0, not the rounding
 * residue (~1e-14) that summing and dividing would leave in the JSON.
 */
function exactEstimate(xs: readonly number[]): { mean: number; halfWidth: number } {
  const finite = xs.filter((x) => Number.isFinite(x));
  if (finite.length >= 2 && finite.every((x) => x === finite[0])) return { mean: finite[0], halfWidth: 0 };
  return estimate(xs);
}

/** The paired difference b − a over the replications where both have a finite value. */
export function pairedDifference(a: readonly number[], b: readonly number[], scenario: number): Difference {
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (Number.isFinite(a[i]) && Number.isFinite(b[i])) {
      as.push(a[i]);
      bs.push(b[i]);
    }
  }
  const d = bs.map((x, i) => x - as[i]);
  const e = exactEstimate(d);
  const unpairedHalfWidth = welchHalfWidth(as, bs);
  const pairs = d.length;
  let verdict: Verdict;
  if (pairs < 2) verdict = 'undetermined';
  else if (d.every((x) => x === 0)) verdict = 'identical';
  else if (Math.abs(e.mean) > e.halfWidth) verdict = e.mean < 0 ? 'lower' : 'higher';
  else verdict = 'noDifference';
  return { scenario, mean: e.mean, halfWidth: e.halfWidth, unpairedHalfWidth, pairs, verdict, significant: verdict === 'lower' || verdict === 'higher' };
}

/**
 * Welch's 95% half-width for the difference of two means with unequal variances: t at the
 * Welch–Satterthwaite degrees of freedom × √(s²a/na + s²b/nb). 0 when both samples are constant.
 */
export function welchHalfWidth(a: readonly number[], b: readonly number[], confidence = 0.95): number {
  const na = a.length;
  const nb = b.length;
  if (na < 2 || nb < 2) return NaN;
  const va = variance(a) / na;
  const vb = variance(b) / nb;
  const se2 = va + vb;
  if (se2 === 0) return 0;
  const df = (se2 * se2) / ((va * va) / (na - 1) + (vb * vb) / (nb - 1));
  return studentTQuantile(1 - (1 - confidence) / 2, df) * Math.sqrt(se2);
}

function variance(xs: readonly number[]): number {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
}
