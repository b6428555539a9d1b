import { compile } from '../model/compile.ts';
import { formatPath, type ScenarioError } from '../model/errors.ts';
import { applyOverrides } from '../model/overrides.ts';
import { checkReferences } from '../model/references.ts';
import { AUTO_WARMUP, type Scenario } from '../model/schema.ts';
import { validateScenario } from '../model/validate.ts';
import { aggregateRecords, replicationRecord, type ReplicationRecord } from './aggregate.ts';
import type { CancelToken, ReplicationExecutor } from './executor.ts';
import { findKnees, type Knee } from './knee.ts';
import type { StudyProgress } from './progress-tracker.ts';
import type { RunResult } from './result.ts';
import { runTasks, type KeyedTask } from './run-tasks.ts';
import { resolveStudyWarmups } from './study-warmup.ts';
import { summariseReplication } from './summarise.ts';
import { checkVary, formatVary, varySetting, varyValues, type VarySpec } from './vary.ts';

/**
 * Parameter sweeps: a scenario run at every point of the cartesian product of its --vary
 * ranges. Each point is the scenario with `--set`-style overrides applied and validated again,
 * exactly as if the user had written them in the file.
 *
 * Points are ordered with the first --vary changing fastest, so a run of consecutive points is
 * a line along the first --vary (the axis the knee is searched along). Every point uses the same
 * seed and replication indices, so the points share their random numbers (common random
 * numbers) and the curve is smooth rather than noisy.
 *
 * A study is split into tasks, one per (point, replication): task k = point × replications +
 * replication. The unsharded sweep runs them all; a shard runs a slice (shard.ts); both end in
 * `assembleSweep`, so a merged study is the same JSON as an unsharded one.
 */

/** At most this many points in one study (the product of the --vary lengths). */
export const MAX_SWEEP_POINTS = 10_000;

export interface SweepPointPlan {
  index: number;
  /** The swept values at this point, by path. */
  values: Record<string, number>;
  /** The overrides that make this point, as `--set` text. */
  settings: string[];
  scenario: Scenario;
  stationNames: string[];
  /** Endpoints with a latency SLO, ms. */
  slos: Record<string, number>;
}

/** What identifies a study: the same study gives the same tasks and the same results. */
export interface SweepStudy {
  /** The validated base scenario (with any --set, --seed, --duration already applied). */
  scenario: Scenario;
  vary: VarySpec[];
  replications: number;
}

export interface SweepPlan extends SweepStudy {
  points: SweepPointPlan[];
}

export interface SweepPointResult {
  index: number;
  values: Record<string, number>;
  slos: Record<string, number>;
  /** The point's statistics; null when none of its replications completed. */
  result: RunResult | null;
}

export interface SweepResult {
  archsim: 1;
  kind: 'sweep';
  scenario: string;
  seed: number;
  replications: number;
  vary: VarySpec[];
  points: SweepPointResult[];
  /** Per endpoint with an SLO (and per line of points with several --vary): see knee.ts. */
  knees: Knee[];
  /** Wall time of the study (the sum of the shards' wall times for a merged study). */
  wallSeconds: number;
  /** Set when the study was cancelled: some points lack replications or results. */
  partial?: true;
}

export interface SweepOptions {
  executor: ReplicationExecutor;
  /** Replications per point; default: the scenario's run.replications. */
  replications?: number;
  onProgress?: (p: StudyProgress) => void;
  cancel?: CancelToken;
  clock?: () => number;
}

/** Thrown by sweepScenario when the study cannot be planned (bad --vary, an invalid point). */
export class SweepPlanError extends Error {
  readonly errors: ScenarioError[];

  constructor(errors: ScenarioError[]) {
    super(`the sweep cannot run: ${errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')}`);
    this.name = 'SweepPlanError';
    this.errors = errors;
  }
}

/** Runs a sweep from the API: plan, run every (point, replication), assemble. */
export async function sweepScenario(scenario: Scenario, vary: readonly VarySpec[], opts: SweepOptions): Promise<SweepResult> {
  const { plan, errors } = planSweep(scenario, vary, { replications: opts.replications });
  if (!plan) throw new SweepPlanError(errors);
  return runSweepPlan(plan, opts);
}

/** How many invalid points to describe before just counting the rest. */
const INVALID_POINTS_SHOWN = 3;

/**
 * Every point's scenario, validated and compiled. Errors are values: a bad --vary, or a point
 * whose overrides make the scenario invalid (named by its settings), or too many points.
 */
export function planSweep(base: Scenario, vary: readonly VarySpec[], opts: { replications?: number } = {}): { plan?: SweepPlan; errors: ScenarioError[] } {
  const errors: ScenarioError[] = [];
  if (vary.length === 0) errors.push({ path: '--vary', message: 'a sweep needs at least one --vary path=from..to[:steps|xfactor]' });
  const seen = new Set<string>();
  for (const v of vary) {
    const problem = checkVary(v);
    if (problem) errors.push({ path: '--vary', message: `--vary '${formatVary(v)}': ${problem}` });
    if (seen.has(v.path)) errors.push({ path: '--vary', message: `${v.path} is varied twice; give each path one --vary` });
    seen.add(v.path);
  }
  const replications = opts.replications ?? base.run.replications;
  if (!Number.isInteger(replications) || replications < 1) errors.push({ path: '--replications', message: `expected a positive integer, got ${replications}` });
  if (errors.length > 0) return { errors };

  const lists = vary.map(varyValues);
  const count = lists.reduce((n, l) => n * l.length, 1);
  if (count > MAX_SWEEP_POINTS) {
    return { errors: [{ path: '--vary', message: `the sweep has ${count} points, more than the ${MAX_SWEEP_POINTS} allowed; use fewer steps` }] };
  }
  const points: SweepPointPlan[] = [];
  let invalid = 0;
  for (let index = 0; index < count; index++) {
    const values: Record<string, number> = {};
    const settings: string[] = [];
    let rest = index;
    vary.forEach((v, d) => {
      const value = lists[d][rest % lists[d].length];
      rest = Math.floor(rest / lists[d].length);
      values[v.path] = value;
      settings.push(varySetting(v, value));
    });
    const { point, errors: pointErrors } = planPoint(base, index, values, settings);
    if (point) {
      points.push(point);
      continue;
    }
    invalid++;
    if (invalid <= INVALID_POINTS_SHOWN) errors.push(...pointErrors);
  }
  if (invalid > INVALID_POINTS_SHOWN) {
    errors.push({ path: '--vary', message: `${invalid - INVALID_POINTS_SHOWN} more of the ${count} sweep points are invalid` });
  }
  if (errors.length > 0) return { errors };
  return { plan: { scenario: base, vary: vary.map((v) => ({ ...v })), replications, points }, errors: [] };
}

function planPoint(base: Scenario, index: number, values: Record<string, number>, settings: string[]): { point?: SweepPointPlan; errors: ScenarioError[] } {
  const where = ` (at the sweep point ${settings.join(', ')})`;
  const applied = applyOverrides(JSON.parse(JSON.stringify(base)) as unknown, settings);
  if (applied.errors.length > 0) return { errors: applied.errors.map((e) => ({ ...e, message: e.message + where })) };
  const { scenario, problems } = validateScenario(applied.data);
  if (!scenario || problems.length > 0) {
    const all = [...problems, ...checkReferences(applied.data)];
    return { errors: all.map((p) => ({ path: formatPath(p.segments), message: p.message + where })) };
  }
  const { model, errors } = compile(scenario);
  if (!model || errors.length > 0) return { errors: errors.map((e) => ({ ...e, message: e.message + where })) };
  const slos: Record<string, number> = {};
  for (const e of model.endpoints) if (Number.isFinite(e.sloMs)) slos[e.name] = e.sloMs;
  return { point: { index, values, settings, scenario, stationNames: model.stations.map((s) => s.name), slos }, errors: [] };
}

/** The study's tasks (all of them, or those `keep` selects), in task order. */
export function sweepTasks(plan: SweepPlan, keep: (key: number) => boolean = () => true): KeyedTask[] {
  const tasks: KeyedTask[] = [];
  for (const point of plan.points) {
    for (let replication = 0; replication < plan.replications; replication++) {
      const key = point.index * plan.replications + replication;
      if (keep(key)) tasks.push({ key, scenario: point.scenario, replication });
    }
  }
  return tasks;
}

/** A finished task: its record, or why it failed. */
export type TaskOutcomes = { records: Map<number, ReplicationRecord>; failed: Array<{ key: number; error: string }> };

/**
 * Runs the given tasks of a plan and turns their results into records. Points with
 * `warmup: auto` first get their warm-up from a pilot each (study-warmup.ts).
 */
export async function runSweepTasks(plan: SweepPlan, tasks: readonly KeyedTask[], opts: SweepOptions): Promise<TaskOutcomes & { partial: boolean; wallSeconds: number }> {
  const clock = opts.clock ?? Date.now;
  const durationMs = plan.points.length > 0 ? durationOf(plan.points[0].scenario) : 0;
  const common = { executor: opts.executor, onProgress: opts.onProgress, cancel: opts.cancel, clock, durationMs };
  const touched = [...new Set(tasks.map((t) => Math.floor(t.key / plan.replications)))].sort((a, b) => a - b);
  const warmups = await resolveStudyWarmups(touched.map((p) => plan.points[p].scenario), common);
  const records = new Map<number, ReplicationRecord>();
  if (warmups.cancelled) return { records, failed: [], partial: true, wallSeconds: warmups.wallSeconds };
  const resolved = new Map(touched.map((p, i) => [p, warmups.scenarios[i]]));
  const ready = tasks.map((t) => ({ ...t, scenario: resolved.get(Math.floor(t.key / plan.replications))! }));
  const outcome = await runTasks(ready, common);
  for (const [key, r] of outcome.results) {
    const point = plan.points[Math.floor(key / plan.replications)];
    records.set(key, replicationRecord(r, summariseReplication(r), point.stationNames));
  }
  return { records, failed: outcome.failed, partial: outcome.partial, wallSeconds: warmups.wallSeconds + outcome.wallSeconds };
}

function durationOf(scenario: Scenario): number {
  const { model } = compile(scenario);
  return model?.run.durationMs ?? 0;
}

/** Runs every task of a plan and assembles the result. */
export async function runSweepPlan(plan: SweepPlan, opts: SweepOptions): Promise<SweepResult> {
  const run = await runSweepTasks(plan, sweepTasks(plan), opts);
  return assembleSweep(plan, run, { wallSeconds: run.wallSeconds, partial: run.partial });
}

/**
 * The SweepResult of a plan from its tasks' records, however they were obtained (one process,
 * or shards merged). Each point averages its records in replication order.
 */
export function assembleSweep(plan: SweepPlan, outcomes: TaskOutcomes, meta: { wallSeconds: number; partial: boolean }): SweepResult {
  const R = plan.replications;
  let partial = meta.partial;
  const points = plan.points.map((point): SweepPointResult => {
    const records: ReplicationRecord[] = [];
    const failedReplications: Array<{ replication: number; error: string }> = [];
    for (let replication = 0; replication < R; replication++) {
      const key = point.index * R + replication;
      const record = outcomes.records.get(key);
      if (record) records.push(record);
    }
    for (const f of outcomes.failed) {
      if (Math.floor(f.key / R) === point.index) failedReplications.push({ replication: f.key % R, error: f.error });
    }
    const missing = records.length + failedReplications.length < R;
    if (missing) partial = true;
    let result: RunResult | null = null;
    if (records.length > 0) {
      const wallSeconds = records.reduce((s, r) => s + r.wallMs, 0) / 1000;
      result = aggregateRecords(records, { scenario: point.scenario.name, seed: point.scenario.run.seed, wallSeconds });
      if (missing) result.partial = true;
      // The warm-up MSER-5 chose is in every record; the records of a point agree on it.
      if (point.scenario.run.warmup === AUTO_WARMUP) result.warmupAuto = { method: 'MSER-5', removedSeconds: records[0].warmupMs / 1000 };
      if (failedReplications.length > 0) result.failedReplications = failedReplications;
    }
    return { index: point.index, values: point.values, slos: point.slos, result };
  });
  const out: SweepResult = {
    archsim: 1,
    kind: 'sweep',
    scenario: plan.scenario.name,
    seed: plan.scenario.run.seed,
    replications: R,
    vary: plan.vary,
    points,
    knees: findKnees(points, plan.vary),
    wallSeconds: meta.wallSeconds,
  };
  if (partial) out.partial = true;
  return out;
}
