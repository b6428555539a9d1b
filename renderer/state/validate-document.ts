import { loadScenario } from '../../sim-core/model/load.ts';
import { perfMark } from '../sim/perf-marks.ts';
import type { ScenarioDocument } from './store-types.ts';

/** A document's validation: the scenario when the text is valid, else the errors with path, line and column. */
export function validateText(name: string, text: string): Pick<ScenarioDocument, 'scenario' | 'errors'> {
  perfMark('validate-start');
  const { scenario, errors } = loadScenario(text, { fileName: name });
  perfMark('validate-end');
  return { scenario, errors };
}

/**
 * Validation after edits, debounced: loadScenario takes ~25 ms on a large scenario, too much to
 * repeat on every keystroke, so it runs once typing pauses for this long.
 */
export const VALIDATE_DELAY_MS = 200;

const timers = new Map<string, ReturnType<typeof setTimeout>>();

export function scheduleValidation(id: string, run: () => void): void {
  clearTimeout(timers.get(id));
  timers.set(id, setTimeout(() => {
    timers.delete(id);
    run();
  }, VALIDATE_DELAY_MS));
}

export function cancelValidation(id: string): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
}
