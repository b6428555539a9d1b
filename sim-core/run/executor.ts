import type { ReplicationResult } from '../metrics/replication-result.ts';
import type { Scenario } from '../model/schema.ts';

/**
 * One replication to run, as plain data that can cross a thread boundary: the validated
 * Scenario (not the CompiledModel, which holds class instances) and the replication index. The
 * executor compiles it where it runs; compiling is deterministic, so every thread gets the same
 * model.
 */
export interface ReplicationTask {
  scenario: Scenario;
  replication: number;
}

export interface TaskProgress {
  simulatedMs: number;
  durationMs: number;
  events: number;
}

/** Cooperative cancellation: the engine checks the flag every 65,536 events. */
export interface CancelToken {
  readonly cancelled: boolean;
}

/**
 * Runs replications somewhere: in this thread (`inThreadExecutor`), or on a pool of Node
 * worker threads or Web Workers (the adapters in run/node-* and the renderer). `run` resolves
 * with the replication's result (flagged `cancelled` if the token stopped it) and rejects only
 * when the replication could not run at all (a crashed worker, a compile error).
 */
export interface ReplicationExecutor {
  /** How many replications it runs at once. */
  readonly concurrency: number;
  run(task: ReplicationTask, onProgress?: (p: TaskProgress) => void, cancel?: CancelToken): Promise<ReplicationResult>;
  dispose(): Promise<void>;
}
