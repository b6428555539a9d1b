import { availableParallelism } from 'node:os';
import type { Scenario } from '../model/schema.ts';
import type { ReplicationExecutor, ReplicationTask } from './executor.ts';
import { compileForRun } from './in-thread-executor.ts';
import { NodeWorkerBridge } from './node-worker-bridge.ts';
import { toPortableModel, type PortableModel } from './portable-model.ts';

export interface NodeWorkerPoolOptions {
  /** Worker threads, i.e. replications run at once (default: os.availableParallelism()). */
  workers?: number;
}

/**
 * A ReplicationExecutor over Node worker threads, one NodeWorkerBridge each (threads start on
 * their first task). Tasks beyond the number of workers wait in order for a free one. Results
 * do not depend on the number of workers: a task carries its replication index, which picks
 * the random streams (runScenario orders the results).
 *
 * Scenarios are compiled here, once per scenario object, and sent to the workers as a
 * PortableModel, so a worker loads only the engine (see portable-model.ts).
 *
 * Call `dispose()` when done; idle threads do not keep the process alive in the meantime.
 */
export function createNodeWorkerPool(opts: NodeWorkerPoolOptions = {}): ReplicationExecutor {
  const size = opts.workers ?? availableParallelism();
  if (!Number.isInteger(size) || size < 1) throw new Error(`createNodeWorkerPool: workers must be a positive integer, got ${size}`);
  const idle = Array.from({ length: size }, () => new NodeWorkerBridge());
  const all = [...idle];
  const waiting: Array<{ resolve: (b: NodeWorkerBridge) => void; reject: (e: Error) => void }> = [];
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

  const acquire = (): Promise<NodeWorkerBridge> => {
    if (disposed) return Promise.reject(new Error('the worker pool was disposed'));
    const bridge = idle.shift();
    if (bridge) return Promise.resolve(bridge);
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const release = (bridge: NodeWorkerBridge) => {
    const next = waiting.shift();
    if (next) next.resolve(bridge);
    else idle.push(bridge);
  };

  return {
    concurrency: size,
    async run(task: ReplicationTask, onProgress, cancel) {
      const model = modelFor(task.scenario); // throws (rejects) on a scenario that does not compile
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
      await Promise.all(all.map((b) => b.dispose()));
    },
  };
}
