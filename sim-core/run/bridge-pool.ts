import type { ReplicationResult } from '../metrics/replication-result.ts';
import type { Scenario } from '../model/schema.ts';
import type { CancelToken, ReplicationExecutor, ReplicationTask, TaskProgress } from './executor.ts';
import { compileForRun } from './in-thread-executor.ts';
import { toPortableModel, type PortableModel } from './portable-model.ts';
import type { WorkerJob } from './worker-api.ts';

/** What a pool needs of one worker's bridge (Node: node-worker-bridge.ts; browser: renderer/sim/worker-bridge.ts). */
export interface ReplicationBridge {
  run(job: WorkerJob, onProgress?: (p: TaskProgress) => void, cancel?: CancelToken): Promise<ReplicationResult>;
  dispose(): void | Promise<void>;
}

/**
 * A ReplicationExecutor over worker bridges, whatever the kind of worker: tasks beyond the
 * number of bridges wait in order for a free one. Results do not depend on the number of
 * workers: a task carries its replication index, which picks the random streams (runScenario
 * orders the results).
 *
 * Scenarios are compiled here, once per scenario object, and sent to the workers as a
 * PortableModel, so a worker loads only the engine (see portable-model.ts).
 */
export function createBridgePool(bridges: readonly ReplicationBridge[]): ReplicationExecutor {
  const idle = [...bridges];
  const waiting: Array<{ resolve: (b: ReplicationBridge) => void; reject: (e: Error) => void }> = [];
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
  const acquire = (): Promise<ReplicationBridge> => {
    if (disposed) return Promise.reject(new Error('the worker pool was disposed'));
    const bridge = idle.shift();
    if (bridge) return Promise.resolve(bridge);
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const release = (bridge: ReplicationBridge) => {
    const next = waiting.shift();
    if (next) next.resolve(bridge);
    else idle.push(bridge);
  };

  return {
    concurrency: bridges.length,
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
      await Promise.all(bridges.map((b) => b.dispose()));
    },
  };
}
