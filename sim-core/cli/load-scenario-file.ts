import { readFileSync } from 'node:fs';
import { loadModel } from '../model/load.ts';
import { BadInputError } from './cli-error.ts';
import { describeFsError } from './fs-error.ts';
import { formatScenarioErrors } from './scenario-errors.ts';

export type LoadedScenario = ReturnType<typeof loadModel> & {
  scenario: NonNullable<ReturnType<typeof loadModel>['scenario']>;
  model: NonNullable<ReturnType<typeof loadModel>['model']>;
};

/**
 * Reads, validates and compiles a scenario file with the `--set` overrides applied. Every problem
 * — an unreadable file, each scenario error — becomes a BadInputError (exit 2), named by the
 * path as the user typed it.
 */
export function loadScenarioFile(fileName: string, overrides: readonly string[]): LoadedScenario {
  const text = readScenarioText(fileName);
  // No fileName: the loader would put it into syntax-error messages, and we print it before each error already.
  const loaded = loadModel(text, { overrides: [...overrides] });
  if (loaded.errors.length > 0) throw new BadInputError(formatScenarioErrors(fileName, loaded.errors).trimEnd());
  if (loaded.scenario === undefined || loaded.model === undefined) {
    throw new Error(`loadModel returned neither errors nor a model for ${fileName}`);
  }
  return loaded as LoadedScenario;
}

function readScenarioText(fileName: string): string {
  try {
    return readFileSync(fileName, 'utf8');
  } catch (e) {
    throw new BadInputError(`archsim: cannot read scenario '${fileName}': ${describeFsError(e)}`);
  }
}
