import type { Scenario } from '../../sim-core/model/schema.ts';
import type { ReplicationExecutor, ReplicationTask } from '../../sim-core/run/executor.ts';
import { compileForRun } from '../../sim-core/run/in-thread-executor.ts';
import { toPortableModel, type PortableModel } from '../../sim-core/run/portable-model.ts';
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
 * the CLI's createNodeWorkerPool (sim-core/run/node-pool.ts): the same queueing (tasks beyond
 * the number of workers wait in order for a free one) and the same PortableModel, compiled once
 * per scenario object on this thread, so workers load only the engine.
 */
export function createWebWorkerPool(size = defaultWorkerCount(), factory: WorkerFactory = createSimWorker): ReplicationExecutor {
  const idle = Array.from({ length: size }, () => new WorkerBridge(factory));
  const all = [...idle];
  const waiting: Array<{ resolve: (b: WorkerBridge) => void; reject: (e: Error) => void }> = [];
  const models = new WeakMap<Scenario, PortableModel>();
  let disposed = false;

  const modelFor = (scenario: Scenario): PortableModel => {
    let model = models.get(scenario);
    if (!model) {
      model = toPortableModel(compileForRun(scenario));
      models.set(scenario, model);
    }
    return model;
  };
  const acquire = (): Promise<WorkerBridge> => {
    if (disposed) return Promise.reject(new Error('the worker pool was disposed'));
    const bridge = idle.shift();
    if (bridge) return Promise.resolve(bridge);
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const release = (bridge: WorkerBridge) => {
    const next = waiting.shift();
    if (next) next.resolve(bridge);
    else idle.push(bridge);
  };

  return {
    concurrency: size,
    async run(task: ReplicationTask, onProgress, cancel) {
      const model = modelFor(task.scenario);
      const bridge = await acquire();
      try {
        return await bridge.run({ model, replication: task.replication }, onProgress, cancel);
      } finally {
        release(bridge);
      }
    },
    async dispose() {
      disposed = true;
      for (const w of waiting.splice(0)) w.reject(new Error('the worker pool was disposed'));
      for (const b of all) b.dispose();
    },
  };
}
