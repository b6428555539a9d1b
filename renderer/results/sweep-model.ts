import type { Scenario } from '../../sim-core/model/schema.ts';
import type { Knee } from '../../sim-core/run/knee.ts';
import type { SweepResult } from '../../sim-core/run/sweep.ts';
import { checkVary, type VarySpec } from '../../sim-core/run/vary.ts';
import { fmtNumber, withCi } from './format.ts';
import { numberCell, textCell, type TableModel } from './table-model.ts';

/**
 * The sweep view's data (pure): the form → a VarySpec along workload.users or
 * workload.arrivals, and a SweepResult → a compact summary (one row per point: the overall
 * throughput, p95, p99 and error rate with their 95% half-widths, and the knees). The summary is
 * made in the study worker, so the page receives a few hundred numbers instead of a RunResult
 * per point.
 */

export type SweepAxis = 'users' | 'arrivals';

export interface SweepForm {
  axis: SweepAxis;
  from: number;
  to: number;
  steps: number;
}

export interface SweepPointSummary {
  value: number;
  throughput: number;
  throughputHw?: number;
  p95: number;
  p95Hw?: number;
  p99: number;
  p99Hw?: number;
  errorRate: number;
  errorRateHw?: number;
  /** False when none of the point's replications completed. */
  ok: boolean;
}

export interface SweepSummary {
  scenario: string;
  axis: SweepAxis;
  /** `/s` for arrivals, '' for users. */
  unit: string;
  replications: number;
  seed: number;
  points: SweepPointSummary[];
  knees: Knee[];
  partial: boolean;
  wallSeconds: number;
}

/** The workload's kind decides the axis: a closed workload sweeps users, an open one arrivals. */
export function axisOf(scenario: Pick<Scenario, 'workload'>): SweepAxis {
  return scenario.workload.users !== undefined ? 'users' : 'arrivals';
}

/** The workload's current value on the axis (users, or arrivals per second), if it reads as one. */
export function currentValue(scenario: Pick<Scenario, 'workload'>, axis: SweepAxis): number | undefined {
  if (axis === 'users') return scenario.workload.users;
  const m = /^\s*([\d.]+)\s*\/\s*s\s*$/.exec(String(scenario.workload.arrivals ?? ''));
  return m ? Number(m[1]) : undefined;
}

/** A starting form: from a fifth of today's load to twice it, in 6 steps. */
export function defaultForm(scenario: Pick<Scenario, 'workload'>): SweepForm {
  const axis = axisOf(scenario);
  const now = currentValue(scenario, axis) ?? (axis === 'users' ? 1000 : 100);
  return { axis, from: Math.max(1, Math.round(now / 5)), to: Math.max(2, Math.round(now * 2)), steps: 6 };
}

/** The form as a --vary spec, or what is wrong with it. */
export function varyOf(form: SweepForm): { spec?: VarySpec; error?: string } {
  if (!Number.isFinite(form.from) || !Number.isFinite(form.to)) return { error: 'give numbers for the start and the end' };
  if (form.from <= 0 || form.to <= 0) return { error: `${form.axis} must be positive` };
  if (!Number.isInteger(form.steps) || form.steps < 2 || form.steps > 20) return { error: 'give 2 to 20 steps' };
  if (form.from === form.to) return { error: 'the start and the end are the same' };
  const spec: VarySpec =
    form.axis === 'users'
      ? { path: 'workload.users', from: Math.round(form.from), to: Math.round(form.to), steps: form.steps, unit: '', integer: true }
      : { path: 'workload.arrivals', from: form.from, to: form.to, steps: form.steps, unit: '/s', integer: false };
  const problem = checkVary(spec);
  return problem ? { error: problem } : { spec };
}

/** Runs in the study worker: a SweepResult (a RunResult per point) → the summary the view draws. */
export function summariseSweep(r: SweepResult): SweepSummary {
  const v = r.vary[0];
  return {
    scenario: r.scenario,
    axis: v?.path === 'workload.arrivals' ? 'arrivals' : 'users',
    unit: v?.unit ?? '',
    replications: r.replications,
    seed: r.seed,
    points: r.points.map((p): SweepPointSummary => {
      const value = v ? p.values[v.path] : NaN;
      const o = p.result?.overall;
      if (!o) return { value, throughput: NaN, p95: NaN, p99: NaN, errorRate: NaN, ok: false };
      return {
        value,
        throughput: o.throughput,
        throughputHw: o.ci95?.throughput,
        p95: o.latency.p95,
        p95Hw: o.latency.ci95?.p95,
        p99: o.latency.p99,
        p99Hw: o.latency.ci95?.p99,
        errorRate: o.errorRate,
        errorRateHw: o.ci95?.errorRate,
        ok: true,
      };
    }),
    knees: r.knees,
    partial: r.partial === true,
    wallSeconds: r.wallSeconds,
  };
}

/** The first knee along the axis over all endpoints: the load where some SLO first breaks. */
export function firstKnee(s: SweepSummary): Knee | undefined {
  const crossing = s.knees.filter((k) => k.status === 'crosses' || k.status === 'brokenAtStart');
  return crossing.sort((a, b) => (a.after?.value ?? Infinity) - (b.after?.value ?? Infinity))[0];
}

/** The knee as a shaded window on the chart: between the last point that met the SLO and the first that broke it. */
export function kneeBand(s: SweepSummary): Array<{ start: number; end: number; label: string }> {
  const k = firstKnee(s);
  if (!k?.after) return [];
  const start = k.before?.value ?? k.after.value;
  const pad = k.before ? 0 : Math.abs(k.after.value) * 0.01;
  return [{ start: start - pad, end: k.after.value + pad, label: `knee: ${kneeSentence(k, s)}` }];
}

export function axisLabel(s: Pick<SweepSummary, 'axis'>): string {
  return s.axis === 'users' ? 'users' : 'arrivals (/s)';
}

export function fmtAxis(s: Pick<SweepSummary, 'unit'>, v: number): string {
  return `${fmtNumber(v)}${s.unit}`;
}

/** One knee in words. */
export function kneeSentence(k: Knee, s: Pick<SweepSummary, 'unit'>): string {
  const why = k.breach === 'p99' ? `p99 above its ${fmtNumber(k.sloMs)} ms SLO` : `under ${fmtNumber(99)}% of requests within its ${fmtNumber(k.sloMs)} ms SLO`;
  switch (k.status) {
    case 'crosses':
      return `${k.endpoint} holds at ${fmtAxis(s, k.before!.value)} and breaks at ${fmtAxis(s, k.after!.value)} (${why})`;
    case 'brokenAtStart':
      return `${k.endpoint} already breaks at ${fmtAxis(s, k.after!.value)}, the first point (${why})`;
    case 'holds':
      return `${k.endpoint} meets its SLO at every point, up to ${fmtAxis(s, k.before!.value)}`;
    default:
      return `${k.endpoint}: no point completed`;
  }
}

/** The points as a table (the charts' table alternative and the CSV). */
export function sweepTable(s: SweepSummary): TableModel {
  const knee = firstKnee(s);
  return {
    caption: `Sweep of ${s.scenario} over ${axisLabel(s)}`,
    columns: [{ label: axisLabel(s), numeric: true }, { label: 'throughput', numeric: true }, { label: 'p95', numeric: true }, { label: 'p99', numeric: true }, { label: 'error rate', numeric: true }, { label: 'SLO' }],
    rows: s.points.map((p) => {
      const mark = knee?.after && p.value === knee.after.value ? textCell('knee: breaks', knee ? kneeSentence(knee, s) : undefined) : knee?.before && p.value === knee.before.value ? textCell('last met') : textCell('');
      if (!p.ok) return [numberCell(fmtAxis(s, p.value), p.value), textCell('no result'), textCell('—'), textCell('—'), textCell('—'), mark];
      return [
        numberCell(fmtAxis(s, p.value), p.value),
        numberCell(withCi('rate', p.throughput, p.throughputHw), p.throughput, p.throughputHw),
        numberCell(withCi('ms', p.p95, p.p95Hw), p.p95, p.p95Hw),
        numberCell(withCi('ms', p.p99, p.p99Hw), p.p99, p.p99Hw),
        numberCell(withCi('percent', p.errorRate, p.errorRateHw), p.errorRate, p.errorRateHw),
        mark,
      ];
    }),
  };
}

/** The chart panels: one metric (or two, p95 and p99) against the swept value. */
export function sweepPanels(s: SweepSummary): Array<{ id: string; title: string; kind: 'rate' | 'ms' | 'percent'; lines: Array<{ name: string; points: Array<readonly [number, number]> }> }> {
  const ok = s.points.filter((p) => p.ok);
  const line = (name: string, pick: (p: SweepPointSummary) => number) => ({ name, points: ok.map((p) => [p.value, pick(p)] as const) });
  return [
    { id: 'throughput', title: 'Throughput', kind: 'rate', lines: [line('throughput', (p) => p.throughput)] },
    { id: 'latency', title: 'Latency p95 and p99', kind: 'ms', lines: [line('p95', (p) => p.p95), line('p99', (p) => p.p99)] },
    { id: 'errorRate', title: 'Error rate', kind: 'percent', lines: [line('error rate', (p) => p.errorRate)] },
  ];
}
