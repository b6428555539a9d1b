/**
 * The public surface of sim-core: everything the CLI, the UI and users' scripts may call.
 *
 *   text ──loadScenario──▶ Scenario ──compile──▶ CompiledModel ──simulate──▶ ReplicationResult
 *                                                      └──runReplications──▶ RunResult
 */
export type { CompiledModel } from './model/compiled.ts';
export type { RunResult } from './run/result.ts';
