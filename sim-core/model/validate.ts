import type * as z from 'zod';
import { problem, show, type PathSegment, type Problem } from './errors.ts';
import { scenarioSchema, type Scenario } from './schema.ts';
import { didYouMean } from './suggest.ts';
import { isObject } from './is-object.ts';

/**
 * Validate raw data (parsed YAML/JSON with overrides applied) against the scenario schema and
 * turn zod's issues into problems a user can act on: every issue, with its path.
 */
export function validateScenario(data: unknown): { scenario?: Scenario; problems: Problem[] } {
  // Keys each strict object accepts, recorded when zod reports unknown keys (the issue only
  // lists the offending keys; the object schema that raised it knows the valid ones).
  if (data === null || data === undefined) {
    return { problems: [problem([], 'the scenario is empty; it needs archsim: 1, name, workload, endpoints and components')] };
  }
  const knownKeys = new Map<unknown, string[]>();
  const result = scenarioSchema.safeParse(data, { reportInput: true, error: (iss) => genericMessage(iss, knownKeys) });
  if (result.success) return { scenario: result.data, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) convertIssue(issue, [], problems, knownKeys);
  return { problems };
}

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

const EXPECTED: Record<string, string> = {
  object: 'a map', array: 'a list', string: 'text', number: 'a number', int: 'an integer', boolean: 'true or false', record: 'a map',
};

function genericMessage(iss: RawIssue, knownKeys: Map<unknown, string[]>): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined ? 'required' : `expected ${EXPECTED[iss.expected] ?? iss.expected}, got ${show(iss.input)}`;
    case 'invalid_value': {
      const values = iss.values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
      const hint = typeof iss.input === 'string' ? didYouMean(iss.input, iss.values.filter((v): v is string => typeof v === 'string')) : '';
      return `expected ${values.length === 1 ? values[0] : `one of ${values.join(' | ')}`}, got ${show(iss.input)}${hint}`;
    }
    case 'too_small':
      if (iss.origin === 'array' || iss.origin === 'set') return `needs at least ${iss.minimum} item${Number(iss.minimum) === 1 ? '' : 's'}`;
      if (iss.origin === 'string') return 'must not be empty';
      return `expected a number ${iss.inclusive ? '≥' : '>'} ${iss.minimum}, got ${show(iss.input)}`;
    case 'too_big':
      if (iss.origin === 'array' || iss.origin === 'set') return `allows at most ${iss.maximum} items`;
      return `expected a number ${iss.inclusive ? '≤' : '<'} ${iss.maximum}, got ${show(iss.input)}`;
    case 'unrecognized_keys': {
      const shape = (iss.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
      if (shape) knownKeys.set(iss.input, Object.keys(shape));
      return `unknown key${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `'${k}'`).join(', ')}`;
    }
    case 'invalid_union':
      return `does not match any allowed form, got ${show(iss.input)}`;
    default:
      return undefined;
  }
}

/** A required key at the top of a union option is missing: the input is not that option. */
function missesOwnKey(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.code === 'invalid_type' && i.path.length === 1 && i.input === undefined);
}

function convertIssue(issue: Issue, base: PathSegment[], out: Problem[], knownKeys: Map<unknown, string[]>): void {
  const path: PathSegment[] = [...base, ...(issue.path as PathSegment[])];
  const missing = issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union');
  if (missing) {
    const key = path[path.length - 1];
    out.push(problem(path, typeof key === 'string' ? `missing required key '${key}'` : 'missing value'));
    return;
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys.get(issue.input) ?? [];
      for (const key of issue.keys) out.push(problem([...path, key], `unknown key '${key}'${didYouMean(key, known)}`, true));
      return;
    }
    case 'invalid_union': {
      // A union of maps (the step kinds): if exactly one option fits the keys the user wrote,
      // its own errors are the useful ones; otherwise the union's message says what is allowed.
      if (isObject(issue.input) && issue.errors.length > 0) {
        const fitting = issue.errors.filter((errors) => !missesOwnKey(errors));
        if (fitting.length === 1) {
          for (const inner of fitting[0]) convertIssue(inner, path, out, knownKeys);
          return;
        }
      }
      break;
    }
  }
  out.push(problem(path, issue.message));
}
