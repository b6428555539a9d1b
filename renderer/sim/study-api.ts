import * as Comlink from 'comlink';
import type { MigrationReport } from '../../sim-core/case-study/run-migration.ts';
import type { ReplayReport } from '../../sim-core/case-study/replay.ts';
import type { Scenario } from '../../sim-core/model/schema.ts';
import type { ComparisonResult } from '../../sim-core/run/compare.ts';
import type { CancelToken } from '../../sim-core/run/executor.ts';
import type { StudyProgress } from '../../sim-core/run/progress-tracker.ts';
import type { RunResult } from '../../sim-core/run/result.ts';
import type { VarySpec } from '../../sim-core/run/vary.ts';
import type { SweepSummary } from '../results/sweep-model.ts';
import { migrateInWorkers, replayInWorkers, type CaseStudyProgress, type MigrationInput, type ReplayInput } from './case-study-runs.ts';
import { compareInWorkers, runInWorkers, sweepInWorkers } from './run-study.ts';

/**
 * What the study worker offers (study-worker.ts): a whole run, comparison or sweep, orchestrated there
 * — replications fanned out to the simulation workers, then aggregation, the uptime study's
 * long-horizon chain and the comparison's statistics, which take 100–250 ms each and so must
 * not run on the page's thread. `cancelFlag`: an Int32Array over a SharedArrayBuffer; non-zero
 * element 0 cancels (the replications stop and what completed is returned, flagged partial).
 */
export const studyApi = {
  run(scenario: Scenario, onProgress?: (p: StudyProgress) => void, cancelFlag?: Int32Array): Promise<RunResult> {
    return withRelease(onProgress, () => runInWorkers(scenario, { onProgress, cancel: tokenOf(cancelFlag) }));
  },
  compare(scenarios: Scenario[], onProgress?: (p: StudyProgress) => void, cancelFlag?: Int32Array): Promise<ComparisonResult> {
    return withRelease(onProgress, () => compareInWorkers(scenarios, { onProgress, cancel: tokenOf(cancelFlag) }));
  },
  sweep(scenario: Scenario, vary: VarySpec, onProgress?: (p: StudyProgress) => void, cancelFlag?: Int32Array): Promise<SweepSummary> {
    return withRelease(onProgress, () => sweepInWorkers(scenario, vary, { onProgress, cancel: tokenOf(cancelFlag) }));
  },
  /** A case study's replay (case-study-runs.ts, the CLI's `archsim replay`). */
  replay(input: ReplayInput, onProgress?: (p: CaseStudyProgress) => void, cancelFlag?: Int32Array): Promise<ReplayReport> {
    return withRelease(onProgress, () => replayInWorkers(input, { onProgress, cancel: tokenOf(cancelFlag) }));
  },
  /** A migration's phases on common random numbers (case-study-runs.ts, the CLI's `archsim migrate`). */
  migrate(input: MigrationInput, onProgress?: (p: CaseStudyProgress) => void, cancelFlag?: Int32Array): Promise<MigrationReport> {
    return withRelease(onProgress, () => migrateInWorkers(input, { onProgress, cancel: tokenOf(cancelFlag) }));
  },
};

export type StudyApi = typeof studyApi;

function tokenOf(flag: Int32Array | undefined): CancelToken | undefined {
  return flag && { get cancelled() { return Atomics.load(flag, 0) !== 0; } };
}

async function withRelease<T>(proxy: unknown, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    const release = typeof proxy === 'function' ? (proxy as unknown as Partial<Record<typeof Comlink.releaseProxy, () => void>>)[Comlink.releaseProxy] : undefined;
    if (typeof release === 'function') release();
  }
}
