import type { ScenarioError } from '../../sim-core/model/errors.ts';
import { loadModel } from '../../sim-core/model/load.ts';

/** Every error of a scenario text as `line:column path: message`, so a failing test shows them all. */
export const errorsOf = (text: string): string[] =>
  loadModel(text, { fileName: 'x.yaml' }).errors.map((e: ScenarioError) => `${e.line}:${e.column} ${e.path}: ${e.message}`);
