import type { ScenarioError } from '../model/errors.ts';

/**
 * Scenario errors printed like a compiler's, one per line — `file:line:col: path: message` —
 * then a count, so editors and terminals can jump to each one. Pure.
 */

export function formatScenarioError(fileName: string, e: ScenarioError): string {
  let where = fileName;
  if (e.line !== undefined) where += `:${e.line}` + (e.column !== undefined ? `:${e.column}` : '');
  return e.path === '' ? `${where}: ${e.message}` : `${where}: ${e.path}: ${e.message}`;
}

/** Every error on its own line, then `N error(s) in file`. Ends with a newline. */
export function formatScenarioErrors(fileName: string, errors: readonly ScenarioError[]): string {
  const count = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in ${fileName}`;
  return [...errors.map((e) => formatScenarioError(fileName, e)), count].join('\n') + '\n';
}
