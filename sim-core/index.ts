/**
 * The public surface of sim-core: everything the CLI, the UI and users' scripts may call.
 *
 *   text ──loadScenario──▶ Scenario ──compile──▶ CompiledModel ──simulate──▶ ReplicationResult
 *                                                      └──runReplications──▶ RunResult
 */
export { loadScenario, loadModel } from './model/load.ts';
export { compile } from './model/compile.ts';
export { simulate } from './engine/simulation.ts';
export { runReplications, RunCancelledError } from './run/run-replications.ts';
export { summariseReplication } from './run/summarise.ts';
export type { Scenario } from './model/schema.ts';
export type { ScenarioError } from './model/errors.ts';
export type { CompiledModel } from './model/compiled.ts';
export type { ReplicationResult } from './metrics/replication-result.ts';
export type { RunResult } from './run/result.ts';
export type { RunOptions, RunProgress } from './run/run-replications.ts';
