import { availableParallelism } from 'node:os';
import { createBridgePool } from './bridge-pool.ts';
import type { ReplicationExecutor } from './executor.ts';
import { NodeWorkerBridge } from './node-worker-bridge.ts';

export interface NodeWorkerPoolOptions {
  /** Worker threads, i.e. replications run at once (default: os.availableParallelism()). */
  workers?: number;
}

/**
 * A ReplicationExecutor over Node worker threads, one NodeWorkerBridge each (threads start on
 * their first task), queued and compiled as every bridge pool is (bridge-pool.ts).
 *
 * Call `dispose()` when done; idle threads do not keep the process alive in the meantime.
 */
export function createNodeWorkerPool(opts: NodeWorkerPoolOptions = {}): ReplicationExecutor {
  const size = opts.workers ?? availableParallelism();
  if (!Number.isInteger(size) || size < 1) throw new Error(`createNodeWorkerPool: workers must be a positive integer, got ${size}`);
  return createBridgePool(Array.from({ length: size }, () => new NodeWorkerBridge()));
}
