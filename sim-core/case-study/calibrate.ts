import { formatPath, parsePath, type PathSegment } from '../model/errors.ts';
import { loadModel } from '../model/load.ts';
import type { Scenario } from '../model/schema.ts';
import type { RunResult } from '../run/result.ts';
import { calibrationHeaderLines, replaceCalibrationHeader, stripCalibrationHeader } from './calibration-header.ts';
import { describeFreeValue, findFreeParameters, freeValueAt, type FreeKind, type FreeParameter } from './free-parameters.ts';
import { metricUnit, parseReportedValue, readMetric, type ReportedUnit } from './metric-path.ts';
import { nelderMead } from './nelder-mead.ts';
import { readScenarioData, replaceScalars, type ScalarEdit } from './scenario-text.ts';

/**
 * `archsim calibrate` without the command line (decision 0013, "Calibration"): fits the free
 * parameters of a scenario so that its simulated figures match reported ones, and returns the
 * scenario text with the fitted values written in place and a header comment recording the fit.
 *
 * - Parameters: one per `free` pattern (free-parameters.ts) — the log of a factor on durations,
 *   or a shift of the logit of shares; x = 0 is the scenario as written.
 * - Objective: Σ ln(simulated / target)² over the targets: relative errors, so a latency in
 *   seconds and a throughput in thousands weigh alike, and over- and under-shooting by the same
 *   factor cost the same. For availability, uptime and the share within the SLO the ratio is of
 *   1 − value (the unavailability): 99.9% against 99.99% is ten times the downtime, which a ratio
 *   of the values themselves (0.9991) would call a fit.
 * - Optimiser: Nelder–Mead on x from the scenario as written, initial simplex steps of 0.5 (a
 *   factor e^0.5 ≈ 1.65 on one parameter at a time). Every evaluation runs the same seed, run
 *   settings and replication count (sequential stopping is switched off: a varying count would
 *   change the random numbers), so with common random numbers the objective is a deterministic,
 *   nearly smooth function of x and the simplex converges instead of chasing noise.
 * - Stops when every target is within `tolerance` (default 1%), when the simplex has shrunk
 *   below 10⁻³ in every log factor (finer than the four digits the values are written with), or
 *   after `maxEvals` evaluations (default 60). The fit is the evaluation with every target
 *   within tolerance, else the one with the smallest objective.
 *
 * Pure: the caller supplies `evaluate` (the CLI runs the scenario on its worker pool). Targets,
 * patterns and a scenario that cannot be calibrated reject with CalibrationInputError.
 */

export interface CalibrationTarget {
  /** A RunResult metric path (metric-path.ts), e.g. `overall.latency.mean`. */
  path: string;
  /** The reported figure, e.g. `2.8s`, `95%`, `7200/s`, `$27000`, or a number. */
  reported: string | number;
}

export interface CalibrateOptions {
  targets: readonly CalibrationTarget[];
  /** Free patterns, e.g. `components.app.operations.*.cpu`; `*` matches one path segment. */
  free: readonly string[];
  /** Simulations at most (default 60). */
  maxEvals?: number;
  /** Relative error at which every target counts as met (default 0.01). */
  tolerance?: number;
  /** `path=value` overrides applied to every evaluation (run settings, `--set`); never written to the text. */
  overrides?: readonly string[];
  /** Runs a scenario (the same way every time: the seed and settings are in it). */
  evaluate: (scenario: Scenario) => Promise<RunResult>;
  onEvaluation?: (e: CalibrationEvaluation) => void;
}

export interface CalibrationEvaluation {
  /** 1-based. */
  evaluation: number;
  /** Per parameter: `×1.43`, or the shares a logit parameter gives. */
  parameters: string[];
  objective: number;
  /** Per target: the relative error (NaN when the run has no value for it). */
  errors: number[];
}

export interface TargetFit {
  path: string;
  /** As given. */
  reported: string;
  /** The metric's unit; `target`, `simulated` and `halfWidth` are in it (RunResult units). */
  unit: ReportedUnit;
  target: number;
  /** NaN when the run at the fit has no value for it. */
  simulated: number;
  halfWidth?: number;
  /** simulated ÷ target − 1, or of 1 − value when `complement`. */
  error: number;
  complement: boolean;
}

export interface ParameterFit {
  pattern: string;
  kind: FreeKind;
  /** Log factor or logit shift at the fit. */
  x: number;
  /** `×1.43`, or `0.8 → 0.857` for shares. */
  description: string;
  /** Every matched value, before and after (as written in the text). */
  values: Array<{ path: string; before: string | number; after: string | number }>;
}

export interface CalibrationSettings {
  seed: number;
  duration: string;
  warmup: string;
  replications: number;
  /** The overrides every evaluation ran with (not in the written text). */
  overrides: string[];
  /** The scenario asks for sequential stopping (run.precision), which calibration switches off. */
  precisionIgnored: boolean;
}

export interface CalibrationResult {
  /** The scenario text with the fitted values written in place and the calibration header on top. */
  text: string;
  targets: TargetFit[];
  parameters: ParameterFit[];
  objective: number;
  /** Simulations run (a point whose values write the same text as an earlier one is not run again). */
  evaluations: number;
  /** Every target within `tolerance` at the fit. */
  converged: boolean;
  /** Why the search ended: `tolerance` (every target met), `maxEvals`, or `stalled` (the simplex collapsed). */
  stopReason: 'tolerance' | 'maxEvals' | 'stalled';
  tolerance: number;
  settings: CalibrationSettings;
  /** The run at the fit. */
  result: RunResult;
}

/** Targets, patterns or a scenario calibration cannot work with; the message says which and why. */
export class CalibrationInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalibrationInputError';
  }
}

export const DEFAULT_MAX_EVALS = 60;
export const DEFAULT_TOLERANCE = 0.01;
/** Initial simplex step in log factor (or logit) units. */
export const INITIAL_STEP = 0.5;
/** The simplex counts as collapsed when its vertices agree to this in every coordinate. */
const X_TOLERANCE = 1e-3;
/** A target the run has no value for, or a value ≤ 0, costs as much as being 10⁶ times off. */
const MISSING_TERM = Math.log(1e-6) ** 2;
/** Metrics whose fit is judged on 1 − value. */
const COMPLEMENT_LEAVES = new Set(['availability', 'uptime', 'sloShare']);

interface ParsedTarget {
  path: string;
  reported: string;
  unit: ReportedUnit;
  value: number;
  complement: boolean;
}

interface Evaluation {
  x: number[];
  objective: number;
  fits: TargetFit[];
  result: RunResult;
}

export async function calibrate(scenarioText: string, opts: CalibrateOptions): Promise<CalibrationResult> {
  const maxEvals = opts.maxEvals ?? DEFAULT_MAX_EVALS;
  const tolerance = opts.tolerance ?? DEFAULT_TOLERANCE;
  if (!(Number.isInteger(maxEvals) && maxEvals >= 1)) throw new CalibrationInputError(`--max-evals must be a positive integer, got ${maxEvals}`);
  if (!(tolerance > 0 && tolerance < 1)) throw new CalibrationInputError(`the tolerance must be between 0 and 1, got ${tolerance}`);
  const overrides = [...(opts.overrides ?? [])];

  const baseText = stripCalibrationHeader(scenarioText);
  const loaded = loadModel(baseText, { overrides });
  if (!loaded.scenario || loaded.errors.length > 0) {
    throw new CalibrationInputError(`the scenario is not valid:\n${loaded.errors.map((e) => `  ${e.line === undefined ? '' : `${e.line}:${e.column}: `}${e.path ? `${e.path}: ` : ''}${e.message}`).join('\n')}`);
  }
  const scenario = loaded.scenario;
  const targets = parseTargets(opts.targets, scenario);
  const parameters = freeParameters(baseText, opts.free, overrides);

  const evaluations: Evaluation[] = [];
  // Points that write the same text (values have four digits) run the same simulation: run it once.
  const byText = new Map<string, Evaluation>();
  const textAt = (x: readonly number[]): string => replaceScalars(baseText, editsAt(parameters, x));
  let last: Evaluation | undefined;
  const objective = async (x: readonly number[]): Promise<number> => {
    const text = textAt(x);
    const seen = byText.get(text);
    if (seen) {
      last = seen;
      return seen.objective;
    }
    const candidate = loadModel(text, { overrides });
    if (!candidate.scenario) {
      throw new Error(`the scenario at ${describe(parameters, x).join(', ')} does not validate: ${candidate.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    }
    const result = await opts.evaluate(withoutSequentialStopping(candidate.scenario));
    const fits = targets.map((t) => fitOf(t, result));
    if (evaluations.length === 0) assertReadable(fits, result);
    const value = fits.reduce((sum, f) => sum + (Number.isFinite(f.error) && f.error > -1 ? Math.log1p(f.error) ** 2 : MISSING_TERM), 0);
    last = { x: [...x], objective: value, fits, result };
    evaluations.push(last);
    byText.set(text, last);
    opts.onEvaluation?.({ evaluation: evaluations.length, parameters: describe(parameters, x), objective: value, errors: fits.map((f) => f.error) });
    return value;
  };
  const met = (e: Evaluation) => e.fits.every((f) => Math.abs(f.error) <= tolerance);

  // The budget counts simulations; the optimiser's own cap only bounds lookups of repeated points.
  const search = await nelderMead(objective, parameters.map(() => 0), {
    step: INITIAL_STEP,
    maxEvals: 4 * maxEvals + 10,
    xTolerance: X_TOLERANCE,
    onEvaluation: () => met(last!) || evaluations.length >= maxEvals,
  });

  const best = bestOf(evaluations, met);
  const settings: CalibrationSettings = {
    seed: scenario.run.seed,
    duration: scenario.run.duration,
    warmup: scenario.run.warmup,
    replications: scenario.run.replications,
    overrides,
    precisionIgnored: scenario.run.precision !== undefined,
  };
  const fitted: Omit<CalibrationResult, 'text'> = {
    targets: best.fits,
    parameters: parameters.map((p, i) => ({
      pattern: p.pattern,
      kind: p.kind,
      x: best.x[i],
      description: describeFreeValue(p, best.x[i]),
      values: p.matches.map((m) => ({ path: formatPath(m.path), before: m.original, after: freeValueAt(p.kind, m, best.x[i]) })),
    })),
    objective: best.objective,
    evaluations: evaluations.length,
    converged: met(best),
    stopReason: evaluations.some(met) ? 'tolerance' : search.reason === 'converged' ? 'stalled' : 'maxEvals',
    tolerance,
    settings,
    result: best.result,
  };
  return { ...fitted, text: replaceCalibrationHeader(textAt(best.x), calibrationHeaderLines(fitted)) };
}

function parseTargets(targets: readonly CalibrationTarget[], scenario: Scenario): ParsedTarget[] {
  if (targets.length === 0) throw new CalibrationInputError('give at least one target, e.g. --target overall.latency.mean=2.8s');
  const problems: string[] = [];
  const out: ParsedTarget[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    const where = `target ${t.path}=${String(t.reported)}`;
    const pathProblem = metricPathProblem(t.path, scenario);
    if (pathProblem) {
      problems.push(`${where}: ${pathProblem}`);
      continue;
    }
    if (seen.has(t.path)) {
      problems.push(`${where}: ${t.path} is given twice`);
      continue;
    }
    seen.add(t.path);
    const unit = metricUnit(t.path);
    const parsed = parseReportedValue(t.reported);
    if (!parsed) {
      problems.push(`${where}: cannot read '${String(t.reported)}' (write e.g. 2.8s, 320ms, 95%, 7200/s, $27000 or a number)`);
      continue;
    }
    if (parsed.unit !== unit && !(parsed.unit === 'number' && unit !== 'ms')) {
      problems.push(`${where}: ${t.path} is ${UNIT_WORDS[unit]}, but '${String(t.reported)}' is ${UNIT_WORDS[parsed.unit]}`);
      continue;
    }
    const complement = COMPLEMENT_LEAVES.has(t.path.split('.').pop()!);
    const compared = complement ? 1 - parsed.value : parsed.value;
    if (!(compared > 0)) {
      problems.push(
        complement
          ? `${where}: the fit compares the unavailability (1 − value) on a log scale, so the target must be below 100%`
          : `${where}: the fit compares logarithms of simulated ÷ target, so the target must be above zero`,
      );
      continue;
    }
    out.push({ path: t.path, reported: String(t.reported), unit, value: parsed.value, complement });
  }
  if (problems.length > 0) throw new CalibrationInputError(problems.join('\n'));
  return out;
}

const UNIT_WORDS: Record<ReportedUnit, string> = {
  ms: 'a duration (e.g. 2.8s or 320ms)',
  ratio: 'a share (e.g. 95% or 0.95)',
  usd: 'money (e.g. $27000)',
  perSecond: 'a rate (e.g. 7200/s)',
  number: 'a plain number',
};

/** What is wrong with a metric path that the scenario alone can tell; undefined when it may exist. */
function metricPathProblem(path: string, scenario: Scenario): string | undefined {
  const segments = path.split('.');
  const [group, name] = segments;
  const examples = 'a RunResult path such as overall.latency.mean, overall.throughput, endpoints.<name>.latency.p95, components.<name>.utilisation, cost.monthly';
  if (segments.length < 2 || segments.some((s) => s === '')) return `not a metric path (${examples})`;
  if (!['overall', 'endpoints', 'components', 'cost', 'uptimeStudy'].includes(group)) return `unknown metric group '${group}' (${examples})`;
  if (group === 'endpoints' && !Object.hasOwn(scenario.endpoints, name)) return `the scenario has no endpoint '${name}' (it has ${Object.keys(scenario.endpoints).join(', ')})`;
  if (group === 'components' && !Object.hasOwn(scenario.components, name)) return `the scenario has no component '${name}' (it has ${Object.keys(scenario.components).join(', ')})`;
  return undefined;
}

function freeParameters(text: string, patterns: readonly string[], overrides: readonly string[]): FreeParameter[] {
  if (patterns.length === 0) throw new CalibrationInputError("give at least one free parameter, e.g. --free 'components.app.operations.*.cpu'");
  const { data, error } = readScenarioData(text);
  if (data === undefined) throw new CalibrationInputError(`the scenario's YAML does not parse: ${error}`);
  const { parameters, problems } = findFreeParameters(data, patterns);
  // A --set on a free value would overwrite every candidate value, and the fit would change nothing.
  const setPaths = overrides.map((o) => ({ text: o, segments: parsePath(o.slice(0, Math.max(0, o.indexOf('='))).trim()) }));
  for (const p of parameters) {
    for (const m of p.matches) {
      const set = setPaths.find((o) => o.segments !== undefined && overlaps(o.segments, m.path));
      if (set) problems.push(`--free '${p.pattern}': ${formatPath(m.path)} is also set by '${set.text}'; a value cannot be both overridden and fitted`);
    }
  }
  if (problems.length > 0) throw new CalibrationInputError(problems.join('\n'));
  return parameters;
}

/** One path lies under the other (or they are the same); list indexes compare as text. */
function overlaps(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (String(a[i]) !== String(b[i])) return false;
  return true;
}

function editsAt(parameters: readonly FreeParameter[], x: readonly number[]): ScalarEdit[] {
  return parameters.flatMap((p, i) => p.matches.map((m) => ({ path: m.path, value: freeValueAt(p.kind, m, x[i]) })));
}

function describe(parameters: readonly FreeParameter[], x: readonly number[]): string[] {
  return parameters.map((p, i) => describeFreeValue(p, x[i]));
}

/** The scenario with a fixed replication count: sequential stopping would vary it between evaluations. */
function withoutSequentialStopping(scenario: Scenario): Scenario {
  if (scenario.run.precision === undefined && scenario.run.maxReplications === undefined) return scenario;
  const { precision: _precision, maxReplications: _max, ...run } = scenario.run;
  return { ...scenario, run };
}

function fitOf(t: ParsedTarget, result: RunResult): TargetFit {
  const reading = readMetric(result, t.path);
  const simulated = reading?.value ?? NaN;
  const error = t.complement ? (1 - simulated) / (1 - t.value) - 1 : simulated / t.value - 1;
  const fit: TargetFit = { path: t.path, reported: t.reported, unit: t.unit, target: t.value, simulated, error, complement: t.complement };
  if (reading?.halfWidth !== undefined) fit.halfWidth = reading.halfWidth;
  return fit;
}

/** The first run shows whether every target is a metric this scenario's results have at all. */
function assertReadable(fits: readonly TargetFit[], result: RunResult): void {
  const missing = fits.filter((f) => readMetric(result, f.path) === undefined);
  if (missing.length === 0) return;
  throw new CalibrationInputError(
    missing
      .map((f) => `target ${f.path}=${f.reported}: the run has no number at ${f.path}${f.path.startsWith('uptimeStudy.') && !result.uptimeStudy ? ' (no uptime study: the scenario models no failures)' : ''}`)
      .join('\n'),
  );
}

function bestOf(evaluations: readonly Evaluation[], met: (e: Evaluation) => boolean): Evaluation {
  const pool = evaluations.some(met) ? evaluations.filter(met) : evaluations;
  return pool.reduce((a, b) => (b.objective < a.objective ? b : a));
}
