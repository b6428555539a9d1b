import { loadModel } from '../../sim-core/model/load.ts';
import type { CompiledModel } from '../../sim-core/model/compiled.ts';
import { runReplications } from '../../sim-core/run/run-replications.ts';
import type { RunResult } from '../../sim-core/run/result.ts';

/** Compiles a scenario written in a test, failing loudly (with every error) if it is invalid. */
export function compileScenario(text: string, overrides?: string[]): CompiledModel {
  const { model, errors } = loadModel(text, { fileName: 'test-scenario.yaml', overrides });
  if (errors.length > 0 || model === undefined) {
    throw new Error(`test scenario does not compile:\n${errors.map((e) => JSON.stringify(e)).join('\n')}`);
  }
  return model;
}

/** Compiles and runs all replications of a test scenario (its own `run:` settings). */
export function runScenario(text: string, overrides?: string[]): RunResult {
  return runReplications(compileScenario(text, overrides));
}
