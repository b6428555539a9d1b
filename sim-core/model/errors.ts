/**
 * Every problem with a scenario is a value, never an exception: where (a path such as
 * `components.app.operations.transfer.steps[2].call`, plus the line and column in the source
 * file when known) and what, in words a user understands.
 */
export interface ScenarioError {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export type PathSegment = string | number;

/** A ScenarioError still carrying its path as segments, for source lookup. */
export interface Problem {
  segments: PathSegment[];
  message: string;
  /** Point at the key of the last segment rather than its value (unknown keys). */
  atKey?: boolean;
}

export function problem(segments: PathSegment[], message: string, atKey?: boolean): Problem {
  return atKey ? { segments, message, atKey } : { segments, message };
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `a.b[2].c`; keys that are not plain names are quoted: `mix["a.b"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (PLAIN_KEY.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/**
 * Inverse of formatPath, also accepting numeric segments (`steps.2.call`, kept as the string
 * '2': whether it is an index depends on the data it is applied to). Undefined if malformed.
 */
export function parsePath(path: string): PathSegment[] | undefined {
  const segments: PathSegment[] = [];
  let i = 0;
  const n = path.length;
  if (n === 0) return undefined;
  while (i < n) {
    if (path[i] === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) return undefined;
      const inner = path.slice(i + 1, close).trim();
      if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) segments.push(JSON.parse(inner) as string);
      else return undefined;
      i = close + 1;
      if (i < n && path[i] === '.') {
        i++;
        if (i === n) return undefined;
      }
    } else {
      let j = i;
      while (j < n && path[j] !== '.' && path[j] !== '[') j++;
      const key = path.slice(i, j).trim();
      if (key === '') return undefined;
      segments.push(key);
      i = j;
      if (i < n && path[i] === '.') {
        i++;
        if (i === n) return undefined;
      }
    }
  }
  return segments;
}

export function toScenarioError(p: Problem): ScenarioError {
  return { path: formatPath(p.segments), message: p.message };
}

/** Errors in file order (unlocated ones last), then by path; duplicates removed. */
export function sortErrors(errors: ScenarioError[]): ScenarioError[] {
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      (a.line ?? Infinity) - (b.line ?? Infinity) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
}

/** How a value looks in a message: 'text', 42, a list, a map. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing (null)';
  if (value === undefined) return 'nothing';
  if (typeof value === 'object') return 'a map';
  return String(value);
}
