import { createBridgePool } from '../../sim-core/run/bridge-pool.ts';
import type { ReplicationExecutor } from '../../sim-core/run/executor.ts';
import { createSimWorker, WorkerBridge, type WorkerFactory } from './worker-bridge.ts';

/** Workers at most: a run rarely has more replications in flight, and each holds its own heap. */
const MAX_WORKERS = 4;

/** One worker per spare core (one core is left to the page), between 1 and 4. */
export function defaultWorkerCount(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(MAX_WORKERS, cores - 1));
}

/**
 * A ReplicationExecutor over Web Workers, one WorkerBridge each — the renderer's counterpart of
 * the CLI's createNodeWorkerPool (sim-core/run/node-pool.ts), the same bridge pool
 * (sim-core/run/bridge-pool.ts): tasks queue for a free worker, scenarios compile once.
 */
export function createWebWorkerPool(size = defaultWorkerCount(), factory: WorkerFactory = createSimWorker): ReplicationExecutor {
  return createBridgePool(Array.from({ length: size }, () => new WorkerBridge(factory)));
}
