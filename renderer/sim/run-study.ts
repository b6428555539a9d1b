import type { Scenario } from '../../sim-core/model/schema.ts';
import { compareScenarios, type ComparisonResult } from '../../sim-core/run/compare.ts';
import type { CancelToken, ReplicationExecutor } from '../../sim-core/run/executor.ts';
import type { StudyProgress } from '../../sim-core/run/progress-tracker.ts';
import type { RunResult } from '../../sim-core/run/result.ts';
import { runStudy } from '../../sim-core/run/run-study.ts';
import { sweepScenario } from '../../sim-core/run/sweep.ts';
import type { VarySpec } from '../../sim-core/run/vary.ts';
import { summariseSweep, type SweepSummary } from '../results/sweep-model.ts';
import { costPlanFor } from './cost-plan.ts';
import { createWebWorkerPool } from './worker-pool.ts';

/**
 * Runs and comparisons as the CLI does them (sim-core/cli/command-run.ts, command-compare.ts),
 * with the CLI's own orchestration — runScenario (replications, sequential stopping, retries,
 * partial results on cancel), runUptimeStudy, compareScenarios (paired replications) — over a
 * ReplicationExecutor of Web Workers instead of worker threads. This runs inside the study
 * worker (study-api.ts), never on the page's thread; the replications run in its simulation
 * workers.
 */

export interface StudyOptions {
  onProgress?: (p: StudyProgress) => void;
  cancel?: CancelToken;
}

let pool: ReplicationExecutor | undefined;

/** The study worker's one pool of simulation workers: workers start on their first task and are reused across runs. */
export function sharedPool(): ReplicationExecutor {
  pool ??= createWebWorkerPool();
  return pool;
}

export async function runInWorkers(scenario: Scenario, opts: StudyOptions = {}, executor: ReplicationExecutor = sharedPool()): Promise<RunResult> {
  const { plan, problems } = costPlanFor(scenario);
  if (!plan && problems.length > 0) console.warn(`archsim: no cost for this run: ${problems.join('; ')}`);
  return runStudy(scenario, { executor, onProgress: opts.onProgress, cancel: opts.cancel, ...(plan ? { costPlan: plan } : {}) });
}

export async function compareInWorkers(scenarios: readonly Scenario[], opts: StudyOptions = {}, executor: ReplicationExecutor = sharedPool()): Promise<ComparisonResult> {
  const costPlans = scenarios.map((s) => costPlanFor(s).plan);
  return compareScenarios(scenarios, { executor, onProgress: opts.onProgress, cancel: opts.cancel, costPlans });
}

/**
 * A sweep (sim-core/run/sweep.ts, the CLI's `archsim sweep`) along one --vary, summarised here
 * (sweep-model.ts) so the page receives the points' headline numbers and the knees, not a
 * RunResult per point.
 */
export async function sweepInWorkers(scenario: Scenario, vary: VarySpec, opts: StudyOptions = {}, executor: ReplicationExecutor = sharedPool()): Promise<SweepSummary> {
  const result = await sweepScenario(scenario, [vary], { executor, onProgress: opts.onProgress, cancel: opts.cancel });
  return summariseSweep(result);
}
