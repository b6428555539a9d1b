import { simulate } from '../engine/simulation.ts';
import { compile } from '../model/compile.ts';
import type { CompiledModel } from '../model/compiled.ts';
import type { Scenario } from '../model/schema.ts';
import type { ReplicationExecutor } from './executor.ts';

/** Compiles a scenario for execution, or throws with every error (scenarios reaching here were validated). */
export function compileForRun(scenario: Scenario): CompiledModel {
  const { model, errors } = compile(scenario);
  if (!model) throw new Error(`the scenario does not compile: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return model;
}

/**
 * Runs replications one at a time in the calling thread (tests, scripts, and the fallback where
 * no workers exist). A run blocks the thread until it ends, so cancellation is only seen by
 * callers that set the token from inside a progress callback.
 */
export function inThreadExecutor(): ReplicationExecutor {
  const models = new WeakMap<Scenario, CompiledModel>();
  return {
    concurrency: 1,
    async run(task, onProgress, cancel) {
      let model = models.get(task.scenario);
      if (!model) {
        model = compileForRun(task.scenario);
        models.set(task.scenario, model);
      }
      return simulate(model, {
        replication: task.replication,
        onProgress,
        shouldCancel: cancel ? () => cancel.cancelled : undefined,
      });
    },
    async dispose() {},
  };
}
