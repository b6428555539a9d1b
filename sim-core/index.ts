/**
 * The public surface of sim-core: everything the CLI, the UI and users' scripts may call.
 *
 *   text ──loadScenario──▶ Scenario ──compile──▶ CompiledModel ──simulate──▶ ReplicationResult
 *                                                      └──runReplications──▶ RunResult
 *   Scenario[] ──compareScenarios──▶ ComparisonResult (paired, common random numbers)
 *   Scenario + VarySpec[] ──sweepScenario──▶ SweepResult (or runSweepShard … mergeShards)
 */
export { loadScenario, loadModel } from './model/load.ts';
export { compile } from './model/compile.ts';
export { simulate } from './engine/simulation.ts';
export { runReplications, RunCancelledError } from './run/run-replications.ts';
export { summariseReplication } from './run/summarise.ts';
export { inThreadExecutor } from './run/in-thread-executor.ts';
export { compareScenarios } from './run/compare.ts';
export { sweepScenario, planSweep, runSweepPlan, SweepPlanError } from './run/sweep.ts';
export { parseVary, varyValues, formatVary } from './run/vary.ts';
export { findKnees, KNEE_SLO_SHARE } from './run/knee.ts';
export { parseShard, runSweepShard, encodeShardFile, decodeShardFile } from './run/shard.ts';
export { mergeShards } from './run/merge.ts';
export type { Scenario } from './model/schema.ts';
export type { ScenarioError } from './model/errors.ts';
export type { CompiledModel } from './model/compiled.ts';
export type { ReplicationResult } from './metrics/replication-result.ts';
export type { RunResult } from './run/result.ts';
export type { RunOptions, RunProgress } from './run/run-replications.ts';
export type { ReplicationExecutor, CancelToken } from './run/executor.ts';
export type { ComparisonResult, CompareOptions, MetricComparison, Difference, Verdict } from './run/compare.ts';
export type { SweepResult, SweepPointResult, SweepOptions, SweepPlan, SweepStudy } from './run/sweep.ts';
export type { VarySpec } from './run/vary.ts';
export type { Knee } from './run/knee.ts';
export type { ShardSpec, SweepShardFile } from './run/shard.ts';
export type { ShardInput } from './run/merge.ts';
