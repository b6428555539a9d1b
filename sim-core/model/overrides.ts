import { parseDocument } from 'yaml';
import { protectDistributionText, restoreDistributionText } from './yaml-protect.ts';
import { formatPath, parsePath, type PathSegment, type ScenarioError } from './errors.ts';
import { isObject } from './is-object.ts';

/**
 * `--set path=value` overrides, applied to the raw parsed data before validation so that an
 * override gets exactly the same checks as the file. Paths are dotted, with `[i]` or numeric
 * segments for list items (`components.app.replicas=8`, `workload.profile[1].x=3`); the value
 * is a YAML flow value (`8` a number, `5m` text, `[a, b]` a list, `{ p: 0.1 }` a map).
 */
export interface AppliedOverrides {
  data: unknown;
  errors: ScenarioError[];
  /** Paths that were set, so errors under them can say they came from --set. */
  paths: { segments: PathSegment[]; text: string }[];
}

const isIndex = (s: PathSegment): boolean => typeof s === 'number' || /^\d+$/.test(s);

export function applyOverrides(data: unknown, overrides: readonly string[]): AppliedOverrides {
  const errors: ScenarioError[] = [];
  const paths: AppliedOverrides['paths'] = [];
  let root: unknown = data;
  for (const text of overrides) {
    const eq = text.indexOf('=');
    const segments = eq > 0 ? parsePath(text.slice(0, eq).trim()) : undefined;
    if (eq < 0 || !segments) {
      errors.push({ path: '--set', message: `malformed --set '${text}': expected path=value, e.g. components.app.replicas=8` });
      continue;
    }
    const valueDoc = parseDocument(protectDistributionText(text.slice(eq + 1)));
    if (valueDoc.errors.length > 0) {
      errors.push({ path: '--set', message: `--set '${text}': cannot read the value: ${valueDoc.errors[0].message.split('\n')[0]}` });
      continue;
    }
    if (!isObject(root)) root = {};
    const problem = setAt(root as Record<string, unknown>, segments, restoreDistributionText(valueDoc.toJS()));
    if (problem) errors.push({ path: '--set', message: `--set '${text}': ${problem}` });
    else paths.push({ segments: normalise(root, segments), text });
  }
  return { data: root, errors, paths };
}

/** Set the value at the path, creating maps (or lists, before `[i]`) on the way. */
function setAt(root: Record<string, unknown>, segments: PathSegment[], value: unknown): string | undefined {
  let container: unknown = root;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    let key: string | number;
    if (Array.isArray(container)) {
      if (!isIndex(seg)) return `'${formatPath(segments.slice(0, i))}' is a list; use a number, e.g. [0]`;
      key = Number(seg);
      if (key > container.length) return `'${formatPath(segments.slice(0, i))}' has ${container.length} items; cannot set item ${key}`;
    } else if (isObject(container)) {
      key = String(seg);
    } else {
      return `'${formatPath(segments.slice(0, i))}' is neither a map nor a list`;
    }
    const holder = container as Record<string | number, unknown>;
    if (last) {
      holder[key] = value;
      return undefined;
    }
    if (holder[key] === undefined || holder[key] === null) holder[key] = typeof segments[i + 1] === 'number' ? [] : {};
    container = holder[key];
  }
  return undefined;
}

/** Numeric segments that address list items become numbers, as in validation paths. */
function normalise(root: unknown, segments: PathSegment[]): PathSegment[] {
  const out: PathSegment[] = [];
  let node: unknown = root;
  for (const seg of segments) {
    const key = Array.isArray(node) && isIndex(seg) ? Number(seg) : seg;
    out.push(key);
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return out;
}
