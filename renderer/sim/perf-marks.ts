/**
 * Named points on the page's timeline (`performance.mark`), so a long main-thread task can be
 * told apart: the UI bench (scenarios/bench/ui-longest-task.ts) labels each task with the marks
 * inside it or just before it; DevTools' performance panel shows them too. Cheap, and a no-op
 * where the Performance API is missing (Node tests).
 */
export type PerfMark =
  | 'run-start'
  | 'result-arrived'
  | 'result-stored'
  | 'results-shown'
  | 'results-deferred-shown'
  | 'validate-start'
  | 'validate-end'
  | 'sweep-start'
  | 'sweep-arrived';

export function perfMark(name: PerfMark): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`archsim:${name}`);
}
