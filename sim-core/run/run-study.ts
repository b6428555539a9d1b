import type { CostPlan } from '../cost/cost-plan.ts';
import { withCost } from '../cost/compute-cost.ts';
import type { Scenario } from '../model/schema.ts';
import type { CancelToken, ReplicationExecutor } from './executor.ts';
import type { StudyProgress } from './progress-tracker.ts';
import type { RunResult } from './result.ts';
import { runScenario } from './run-scenario.ts';
import { runUptimeStudy } from './uptime-study.ts';

/**
 * One scenario as `archsim run` studies it: its replications (runScenario), then — unless they
 * were cancelled — the long-horizon uptime study when it models failures or deploys, then the
 * bill. The CLI's run, replay and calibrate and the app's study worker all run scenarios so.
 */
export interface RunStudyOptions {
  executor: ReplicationExecutor;
  onProgress?: (p: StudyProgress) => void;
  cancel?: CancelToken;
  /** Priced with this plan; unpriced without one. */
  costPlan?: CostPlan;
  /** Run the uptime study (default true); calibration skips it when no target needs it. */
  uptime?: boolean;
}

export async function runStudy(scenario: Scenario, opts: RunStudyOptions): Promise<RunResult> {
  const common = { executor: opts.executor, onProgress: opts.onProgress, cancel: opts.cancel };
  let result = await runScenario(scenario, common);
  if ((opts.uptime ?? true) && !result.partial && !opts.cancel?.cancelled) {
    const study = await runUptimeStudy(scenario, result, common);
    if (study) result = { ...result, uptimeStudy: study };
  }
  return opts.costPlan ? withCost(result, opts.costPlan) : result;
}
