import { formatDuration, formatDurationHalfWidth, formatGrouped } from '../cli/format-units.ts';
import type { RunResult } from '../run/result.ts';
import type { CaseStudy, Figure } from './case-study-schema.ts';
import { comparesDowntime, figureVerdict, type FigureVerdict } from './figure-verdict.ts';
import { parseReportedValue, readMetric } from './metric-path.ts';
import { fmtPct, runCheck, type CheckRow } from './plausibility-checks.ts';

/**
 * `archsim replay`: every figure a case study reports against its simulated value, and the
 * plausibility checks (docs/decisions/0013). Pure: the caller runs the scenarios (`evaluate`),
 * so the CLI and the app share this.
 */
export interface FigureRow {
  figure: string;
  scenario: string;
  /** The RunResult path compared, or `sustains`. */
  metric?: string;
  reported: string;
  /** The simulated value as printed (with its 95% half-width), '' when not modelled. */
  simulated: string;
  value?: number;
  halfWidth?: number;
  verdict: FigureVerdict;
  /** Why not modelled, or what a sustains claim reached. */
  why?: string;
  quote: string;
}

export interface ReplayReport {
  archsim: 1;
  kind: 'replay';
  title: string;
  source: string;
  summary?: string;
  /** Scenarios that ran, in the manifest's order, with their wall time. */
  scenarios: Array<{ name: string; file: string; wallSeconds: number; replications: number; simulatedSeconds: number }>;
  figures: FigureRow[];
  checks: CheckRow[];
  counts: Record<FigureVerdict, number>;
}

export type EvaluateScenario = (name: string) => Promise<RunResult>;

/** The scenario names the figures and checks need run, in the manifest's order. */
export function scenariosToRun(study: CaseStudy): string[] {
  const needed = new Set<string>();
  for (const f of study.figures) if (f.notModelled === undefined) needed.add(f.scenario);
  for (const c of study.checks) {
    if (c.check === 'capacity-cost') needed.add(c.scenario);
    if (c.check === 'downtime-budget' && c.scenario !== undefined) needed.add(c.scenario);
  }
  return Object.keys(study.scenarios).filter((n) => needed.has(n));
}

/** Names a figure or check uses that the manifest does not list: bad input, found before anything runs. */
export function unknownScenarioNames(study: CaseStudy): string[] {
  const names = [...study.figures.map((f) => f.scenario), ...study.checks.flatMap((c) => ('scenario' in c && c.scenario !== undefined ? [c.scenario] : []))];
  if (study.calibration) names.push(study.calibration.scenario);
  return [...new Set(names)].filter((n) => !Object.hasOwn(study.scenarios, n));
}

export async function replayCaseStudy(study: CaseStudy, evaluate: EvaluateScenario): Promise<ReplayReport> {
  const results: Record<string, RunResult> = {};
  for (const name of scenariosToRun(study)) results[name] = await evaluate(name);
  const figures = study.figures.map((f) => figureRow(f, results[f.scenario]));
  const checks = study.checks.map((c) => runCheck(c, results));
  const counts: Record<FigureVerdict, number> = { reproduced: 0, 'not reproduced': 0, 'not modelled': 0 };
  for (const f of figures) counts[f.verdict]++;
  return {
    archsim: 1,
    kind: 'replay',
    title: study.title,
    source: study.source,
    ...(study.summary === undefined ? {} : { summary: study.summary }),
    scenarios: Object.keys(results).map((name) => ({
      name,
      file: study.scenarios[name],
      wallSeconds: results[name].wallSeconds,
      replications: results[name].replications,
      simulatedSeconds: results[name].simulatedSeconds,
    })),
    figures,
    checks,
    counts,
  };
}

function figureRow(f: Figure, result: RunResult | undefined): FigureRow {
  const base = { figure: f.figure, scenario: f.scenario, reported: String(f.reported), quote: f.quote };
  if (f.notModelled !== undefined) return { ...base, simulated: '', verdict: 'not modelled', why: f.notModelled };
  if (!result) return { ...base, simulated: '', verdict: 'not modelled', why: `scenario '${f.scenario}' did not run` };
  if (f.sustains !== undefined) return { ...base, metric: 'sustains', ...sustainsRow(f.sustains, result) };
  const metric = f.metric!;
  const reported = parseReportedValue(f.reported);
  const sim = readMetric(result, metric);
  if (!reported || !sim) {
    const why = !reported ? `cannot read the reported value '${f.reported}'` : `the run has no ${metric}`;
    return { ...base, metric, simulated: '', verdict: 'not modelled', why };
  }
  return {
    ...base,
    metric,
    simulated: formatValue(sim.value, sim.halfWidth, reported.unit, metric),
    value: sim.value,
    ...(sim.halfWidth === undefined ? {} : { halfWidth: sim.halfWidth }),
    verdict: figureVerdict(metric, reported.value, sim.value, sim.halfWidth),
  };
}

/** "Handles this load": every bound (errorRate: 1%, latency.p95: 1s) held in the run at that load. */
function sustainsRow(bounds: Record<string, string | number>, result: RunResult): Pick<FigureRow, 'simulated' | 'verdict' | 'why'> {
  const parts: string[] = [];
  const failed: string[] = [];
  for (const [path, boundText] of Object.entries(bounds)) {
    const metric = path.startsWith('overall.') ? path : `overall.${path}`;
    const bound = parseReportedValue(boundText);
    const sim = readMetric(result, metric);
    if (!bound || !sim) {
      failed.push(`${path}: ${!bound ? `cannot read '${boundText}'` : 'not in the run'}`);
      continue;
    }
    const shown = `${path} ${formatValue(sim.value, undefined, bound.unit, metric)}`;
    parts.push(shown);
    if (!(sim.value <= bound.value)) failed.push(`${shown} > ${boundText}`);
  }
  return {
    simulated: parts.join(', '),
    verdict: failed.length === 0 ? 'reproduced' : 'not reproduced',
    why: failed.length === 0 ? `within ${Object.entries(bounds).map(([k, v]) => `${k} ≤ ${v}`).join(', ')}` : failed.join('; '),
  };
}

export function formatValue(value: number, halfWidth: number | undefined, unit: string, metric: string): string {
  const h = halfWidth !== undefined && Number.isFinite(halfWidth) && halfWidth > 0 ? halfWidth : undefined;
  switch (unit) {
    case 'ms':
      return h === undefined ? formatDuration(value) : `${formatDuration(value)} ${formatDurationHalfWidth(h, value)}`;
    case 'ratio': {
      const shown = comparesDowntime(metric) || value > 0.99 ? fmtPct(value) : `${(value * 100).toFixed(value < 0.1 ? 2 : 1)}%`;
      return h === undefined ? shown : `${shown} ±${(h * 100).toPrecision(2)}%`;
    }
    case 'usd':
      return `$${formatGrouped(value)}${h === undefined ? '' : ` ±${formatGrouped(h)}`}`;
    case 'perSecond':
      return `${formatGrouped(value, value < 100 ? 1 : 0)}/s${h === undefined ? '' : ` ±${formatGrouped(h, h < 100 ? 1 : 0)}`}`;
    default:
      return `${formatGrouped(value, Math.abs(value) < 100 ? 2 : 0)}${h === undefined ? '' : ` ±${formatGrouped(h, 2)}`}`;
  }
}
