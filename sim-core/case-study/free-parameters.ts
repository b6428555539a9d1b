import { parseDistribution } from '../model/distribution-text.ts';
import { formatPath, parsePath, type PathSegment } from '../model/errors.ts';
import { parsePercent } from '../model/units.ts';
import { hasPositiveDuration, scaleDistributionText } from './scale-durations.ts';

/**
 * The free parameters of a calibration (decision 0013, "Calibration"). Each `--free` pattern —
 * a dotted path in which `*` matches any one key or list index — is ONE parameter over all the
 * values it matches in the scenario's raw data:
 *   - `scale`: distributions and durations (`exp(8ms)`, `lognormal(p50=…, p99=…)`, `250ms`); the
 *     parameter x is the log of one factor that multiplies every duration in every match, so
 *     the demands keep the proportions they were written with;
 *   - `logit`: shares strictly between 0 and 1 (`hit: 0.8`, `errors: 0.5%`); x is added to the
 *     logit of every match, so the value never leaves (0, 1).
 * x = 0 is the scenario as written. Pure.
 */

export type FreeKind = 'scale' | 'logit';

export interface FreeMatch {
  path: PathSegment[];
  /** The value as written in the scenario. */
  original: string | number;
}

export interface FreeParameter {
  pattern: string;
  kind: FreeKind;
  matches: FreeMatch[];
}

/**
 * The parameters of `patterns` over `data` (the parsed scenario, before validation), or the
 * problems, each naming the pattern and, for a value that cannot be fitted, its path.
 */
export function findFreeParameters(data: unknown, patterns: readonly string[]): { parameters: FreeParameter[]; problems: string[] } {
  const parameters: FreeParameter[] = [];
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const pattern of patterns) {
    const segments = parsePath(pattern);
    if (!segments) {
      problems.push(`--free '${pattern}': not a path (write e.g. components.app.operations.*.cpu)`);
      continue;
    }
    const found: Array<{ path: PathSegment[]; value: unknown }> = [];
    collect(data, segments, [], found);
    if (found.length === 0) {
      problems.push(`--free '${pattern}': matches nothing in the scenario`);
      continue;
    }
    const kinds = new Map<FreeKind, string[]>();
    const matches: FreeMatch[] = [];
    let bad = false;
    for (const { path, value } of found) {
      const where = formatPath(path);
      const kind = classify(value);
      if (typeof kind === 'string' && kind !== 'scale' && kind !== 'logit') {
        problems.push(`--free '${pattern}': ${where} ${kind}`);
        bad = true;
        continue;
      }
      const previous = owner.get(where);
      if (previous !== undefined) {
        problems.push(`--free '${pattern}': ${where} is already matched by --free '${previous}'; a value can belong to one parameter only`);
        bad = true;
        continue;
      }
      owner.set(where, pattern);
      kinds.set(kind as FreeKind, [...(kinds.get(kind as FreeKind) ?? []), where]);
      matches.push({ path, original: value as string | number });
    }
    if (bad) continue;
    if (kinds.size > 1) {
      problems.push(
        `--free '${pattern}': matches durations (${kinds.get('scale')!.join(', ')}) and shares (${kinds.get('logit')!.join(', ')}); ` +
          'one pattern is one parameter: give them separate --free patterns',
      );
      continue;
    }
    const kind = [...kinds.keys()][0];
    if (kind === 'scale' && !matches.some((m) => hasPositiveDuration(m.original as string))) {
      problems.push(`--free '${pattern}': every duration it matches is zero, so no factor can change them`);
      continue;
    }
    parameters.push({ pattern, kind, matches });
  }
  return { parameters, problems };
}

/** Walks `pattern` from `at`; `*` fans out over map keys and list indexes. */
function collect(at: unknown, pattern: readonly PathSegment[], path: PathSegment[], out: Array<{ path: PathSegment[]; value: unknown }>): void {
  if (pattern.length === 0) {
    out.push({ path, value: at });
    return;
  }
  const [head, ...rest] = pattern;
  if (Array.isArray(at)) {
    if (head === '*') at.forEach((item, i) => collect(item, rest, [...path, i], out));
    else if (typeof head === 'number' || /^\d+$/.test(head)) {
      const i = Number(head);
      if (i < at.length) collect(at[i], rest, [...path, i], out);
    }
  } else if (typeof at === 'object' && at !== null) {
    const map = at as Record<string, unknown>;
    if (head === '*') for (const key of Object.keys(map)) collect(map[key], rest, [...path, key], out);
    else if (Object.hasOwn(map, String(head))) collect(map[String(head)], rest, [...path, String(head)], out);
  }
}

/** The kind of parameter a value can be, or why it cannot be one. */
function classify(value: unknown): FreeKind | string {
  if (typeof value === 'number') {
    return value > 0 && value < 1 ? 'logit' : `is the number ${value}; only distributions, durations and shares strictly between 0 and 1 can be fitted`;
  }
  if (typeof value === 'string') {
    if (parseDistribution(value).ok) return 'scale';
    const share = parsePercent(value);
    if (share.ok) return share.value > 0 && share.value < 1 ? 'logit' : `is ${value}; a share must be strictly between 0% and 100% to be fitted`;
    return `is '${value}', neither a distribution or duration nor a share; only those can be fitted`;
  }
  const what = Array.isArray(value) ? 'a list' : value === null ? 'empty (null)' : typeof value === 'object' ? 'a map' : `${typeof value} ${String(value)}`;
  return `is ${what}; a free pattern must end at values (distributions, durations or shares): extend the pattern, e.g. with .*`;
}

/** The value of `match` at parameter value `x` (log factor or logit shift), written like the original. */
export function freeValueAt(kind: FreeKind, match: FreeMatch, x: number): string | number {
  if (kind === 'scale') return scaleDistributionText(match.original as string, Math.exp(x));
  const percent = typeof match.original === 'string';
  const p = logistic(logit(shareOf(match.original)) + x);
  return percent ? `${formatShare(p * 100, 100)}%` : Number(formatShare(p, 1));
}

/** The factor (scale) a parameter value stands for; for logit parameters, the shares it gives. */
export function describeFreeValue(parameter: FreeParameter, x: number): string {
  if (parameter.kind === 'scale') return `×${Number(Math.exp(x).toPrecision(4))}`;
  const values = parameter.matches.map((m) => `${String(m.original)} → ${String(freeValueAt('logit', m, x))}`);
  return values.length <= 3 ? values.join(', ') : `logit ${x >= 0 ? '+' : ''}${Number(x.toPrecision(3))} on ${values.length} shares`;
}

function shareOf(original: string | number): number {
  if (typeof original === 'number') return original;
  const r = parsePercent(original);
  if (!r.ok) throw new RangeError(`'${original}' is not a share`);
  return r.value;
}

const logit = (p: number): number => Math.log(p / (1 - p));
/** Kept within about 10⁻¹² of 0 and 1, so the share stays writable as a number in (0, 1). */
const logistic = (z: number): number => 1 / (1 + Math.exp(-Math.max(-27, Math.min(27, z))));

/**
 * A share in (0, whole) with four significant digits in the smaller of it and its complement,
 * so 0.99995 keeps its last 5 and 0.8571 does not run to 16 digits; never rounded to 0 or whole.
 */
function formatShare(v: number, whole: number): string {
  const small = Math.min(v, whole - v);
  for (let decimals = Math.max(0, 3 - Math.floor(Math.log10(small))); decimals <= 15; decimals++) {
    const text = String(Number(v.toFixed(decimals)));
    const back = Number(text);
    if (back > 0 && back < whole) return text;
  }
  return String(v);
}
