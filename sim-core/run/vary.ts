import { parsePath } from '../model/errors.ts';

/**
 * One swept parameter: `--vary path=from..to[:steps|xfactor]`.
 *
 *   workload.users=10000..200000:10      10 points, evenly spaced, both ends included
 *   components.app.replicas=1..16:x2     geometric: 1, 2, 4, 8, 16 (up to `to`, never past it)
 *   workload.arrivals=100/s..800/s:x2    a unit after the numbers is kept: 100/s, 200/s, 400/s, 800/s
 *   components.app.workers=4..8          no step, integer ends: every integer, 4, 5, 6, 7, 8
 *
 * Values are rounded to integers when both ends are written as integers (no decimal point or
 * exponent) — counts such as users, replicas and workers must be whole. Write `1.0..3.0:5` for
 * fractional values. Rounding can make neighbouring points equal; duplicates are dropped.
 */
export interface VarySpec {
  /** Dotted path, as for `--set` (`components.app.replicas`, `workload.profile[1].x`). */
  path: string;
  from: number;
  to: number;
  /** Linear: the number of points, both ends included (≥ 2, or 1 when from = to). */
  steps?: number;
  /** Geometric: each point is the previous one × factor (> 1; a falling range divides). */
  factor?: number;
  /** Text written after each number, e.g. `/s` or `ms`; '' for plain numbers. */
  unit: string;
  /** Round every value to an integer. */
  integer: boolean;
}

/** Points beyond this are almost certainly a typo (`1..1000000` without a step). */
export const MAX_VARY_POINTS = 10_000;

const NUMBER_WITH_UNIT = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(\S*)\s*$/;

/** `path=from..to[:steps|xfactor]` → a VarySpec, or a message saying what is wrong. */
export function parseVary(text: string): { spec?: VarySpec; error?: string } {
  const fail = (why: string) => ({ error: `--vary '${text}': ${why}` });
  const eq = text.indexOf('=');
  if (eq <= 0) return fail('expected path=from..to[:steps|xfactor], e.g. workload.users=1000..20000:10');
  const path = text.slice(0, eq).trim();
  if (!parsePath(path)) return fail(`'${path}' is not a path such as components.app.replicas`);
  let range = text.slice(eq + 1).trim();
  let step: string | undefined;
  const colon = range.lastIndexOf(':');
  if (colon >= 0) {
    step = range.slice(colon + 1).trim();
    range = range.slice(0, colon).trim();
  }
  const ends = range.split('..');
  if (ends.length !== 2) return fail(`expected a range from..to, got '${range}'`);
  const from = NUMBER_WITH_UNIT.exec(ends[0]);
  const to = NUMBER_WITH_UNIT.exec(ends[1]);
  if (!from || !to) return fail(`both ends must be numbers, optionally with a unit (100/s..800/s), got '${range}'`);
  const [fromUnit, toUnit] = [from[2], to[2]];
  if (fromUnit !== '' && toUnit !== '' && fromUnit !== toUnit) return fail(`the ends have different units ('${fromUnit}' and '${toUnit}')`);
  const spec: VarySpec = {
    path,
    from: Number(from[1]),
    to: Number(to[1]),
    unit: fromUnit || toUnit,
    integer: isIntegerText(from[1]) && isIntegerText(to[1]),
  };
  if (step === undefined || step === '') {
    if (!spec.integer) return fail('say how many points, e.g. :10, or a factor, e.g. :x2 (only integer ranges default to every integer)');
    spec.steps = Math.abs(spec.to - spec.from) + 1;
  } else if (/^x/i.test(step)) {
    const factor = Number(step.slice(1));
    if (!(factor > 1) || !Number.isFinite(factor)) return fail(`the factor must be a number above 1, e.g. x2, got '${step}'`);
    if (!(spec.from > 0 && spec.to > 0)) return fail('a geometric range (xfactor) needs both ends above 0');
    spec.factor = factor;
  } else {
    if (!/^\d+$/.test(step)) return fail(`expected a number of points (:10) or a factor (:x2), got ':${step}'`);
    spec.steps = Number(step);
  }
  const problem = checkVary(spec);
  return problem ? fail(problem) : { spec };
}

function isIntegerText(numberText: string): boolean {
  return /^[+-]?\d+$/.test(numberText);
}

/** Why a spec (perhaps built by the UI, not parsed) cannot be swept; undefined if it can. */
export function checkVary(spec: VarySpec): string | undefined {
  if (!parsePath(spec.path)) return `'${spec.path}' is not a path such as components.app.replicas`;
  if (!Number.isFinite(spec.from) || !Number.isFinite(spec.to)) return 'both ends must be finite numbers';
  if ((spec.steps === undefined) === (spec.factor === undefined)) return 'give either a number of points or a factor';
  if (spec.steps !== undefined) {
    if (!Number.isInteger(spec.steps) || spec.steps < 1) return `the number of points must be a positive integer, got ${spec.steps}`;
    if (spec.steps === 1 && spec.from !== spec.to) return 'one point needs from = to; use at least 2 points for a range';
    if (spec.steps > MAX_VARY_POINTS) return `${spec.steps} points is more than the ${MAX_VARY_POINTS} allowed`;
  }
  if (spec.factor !== undefined) {
    if (!(spec.factor > 1) || !Number.isFinite(spec.factor)) return `the factor must be above 1, got ${spec.factor}`;
    if (!(spec.from > 0 && spec.to > 0)) return 'a geometric range (xfactor) needs both ends above 0';
    const points = Math.floor(Math.log(Math.max(spec.from, spec.to) / Math.min(spec.from, spec.to)) / Math.log(spec.factor)) + 1;
    if (points > MAX_VARY_POINTS) return `${points} points is more than the ${MAX_VARY_POINTS} allowed`;
  }
  return undefined;
}

/** The values a spec sweeps, in order, rounded as the spec says and without duplicates. */
export function varyValues(spec: VarySpec): number[] {
  const raw: number[] = [];
  if (spec.steps !== undefined) {
    const n = spec.steps;
    for (let i = 0; i < n; i++) raw.push(n === 1 ? spec.from : i === n - 1 ? spec.to : spec.from + ((spec.to - spec.from) * i) / (n - 1));
  } else {
    const f = spec.to >= spec.from ? spec.factor! : 1 / spec.factor!;
    // A relative tolerance so that 0.1..0.8:x2 reaches 0.8 despite rounding in the products.
    const beyond = (v: number) => (spec.to >= spec.from ? v > spec.to * (1 + 1e-9) : v < spec.to * (1 - 1e-9));
    for (let v = spec.from; !beyond(v) && raw.length < MAX_VARY_POINTS; v *= f) raw.push(v);
  }
  const out: number[] = [];
  for (const v of raw) {
    // Twelve significant digits hide binary noise such as 0.30000000000000004.
    const value = spec.integer ? Math.round(v) : Number(v.toPrecision(12));
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

/** The `--set` text that puts a value at the spec's path: `workload.arrivals=200/s`. */
export function varySetting(spec: VarySpec, value: number): string {
  return `${spec.path}=${value}${spec.unit}`;
}

/** Back to the text a user would type: `workload.users=10000..200000:10`. */
export function formatVary(spec: VarySpec): string {
  const end = (v: number) => `${spec.integer || !Number.isInteger(v) ? String(v) : v.toFixed(1)}${spec.unit}`;
  const step = spec.factor !== undefined ? `:x${spec.factor}` : `:${spec.steps}`;
  return `${spec.path}=${end(spec.from)}..${end(spec.to)}${step}`;
}
