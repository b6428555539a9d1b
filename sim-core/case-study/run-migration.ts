import type { CostPlan } from '../cost/cost-plan.ts';
import type { Scenario } from '../model/schema.ts';
import { compareScenarios, type ComparisonResult } from '../run/compare.ts';
import type { CancelToken, ReplicationExecutor } from '../run/executor.ts';
import type { StudyProgress } from '../run/progress-tracker.ts';
import { runUptimeStudy, type UptimeStudy } from '../run/uptime-study.ts';

/**
 * `archsim migrate`: every phase of a migration run with common random numbers (one seed, the
 * same replications, paired), then each phase's uptime study where it models failures or
 * deploys. The comparison's differences are paired changes from the first phase.
 */
export interface MigrationReport {
  archsim: 1;
  kind: 'migration';
  name: string;
  phases: Array<{ name: string; changes: string[] }>;
  comparison: ComparisonResult;
  /** Per phase: the long-horizon uptime study, null when the phase models no failures or deploys. */
  uptime: Array<UptimeStudy | null>;
}

/** The metrics a migration is reported by, phase by phase (the CLI's table and the app's). */
export const MIGRATION_COLUMNS: ReadonlyArray<readonly [id: string, label: string]> = [
  ['overall.latency.mean', 'mean'],
  ['overall.latency.p95', 'p95'],
  ['overall.latency.p99', 'p99'],
  ['overall.throughput', 'throughput'],
  ['overall.errorRate', 'errors'],
  ['cost.monthly', '$/month'],
];

export interface RunMigrationOptions {
  executor: ReplicationExecutor;
  costPlans?: readonly (CostPlan | undefined)[];
  onProgress?: (p: StudyProgress) => void;
  cancel?: CancelToken;
}

export async function runMigration(
  name: string,
  phases: ReadonlyArray<{ name: string; changes: string[]; scenario: Scenario }>,
  opts: RunMigrationOptions,
): Promise<MigrationReport> {
  const scenarios = phases.map((p) => p.scenario);
  const comparison = await compareScenarios(scenarios, { executor: opts.executor, costPlans: opts.costPlans, onProgress: opts.onProgress, cancel: opts.cancel });
  const uptime: Array<UptimeStudy | null> = [];
  for (let i = 0; i < scenarios.length; i++) {
    if (comparison.partial) {
      uptime.push(null);
      continue;
    }
    uptime.push((await runUptimeStudy(scenarios[i], comparison.scenarios[i], { executor: opts.executor, onProgress: opts.onProgress, cancel: opts.cancel })) ?? null);
  }
  return { archsim: 1, kind: 'migration', name, phases: phases.map(({ name: n, changes }) => ({ name: n, changes })), comparison, uptime };
}
