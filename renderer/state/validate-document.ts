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

const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; run: () => void }>();

export function scheduleValidation(id: string, run: () => void): void {
  clearTimeout(pending.get(id)?.timer);
  pending.set(id, {
    run,
    timer: setTimeout(() => {
      pending.delete(id);
      run();
    }, VALIDATE_DELAY_MS),
  });
}

export function cancelValidation(id: string): void {
  clearTimeout(pending.get(id)?.timer);
  pending.delete(id);
}

/**
 * Validate now if an edit is still waiting for its debounced validation: a run or a comparison
 * started right after typing must see the text as it is, not the scenario of the text before.
 */
export function flushValidation(id: string): void {
  const p = pending.get(id);
  if (!p) return;
  clearTimeout(p.timer);
  pending.delete(id);
  p.run();
}
