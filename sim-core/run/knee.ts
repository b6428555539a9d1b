import type { RunResult } from './result.ts';
import type { VarySpec } from './vary.ts';

/**
 * The knee of a sweep: for each endpoint with an SLO, the first point along the swept axis where
 * the endpoint breaks it. An SLO `slo: 500ms` is read as "99% of requests within 500 ms", so a
 * point breaks it when either
 *   - the p99 latency of successful requests (the mean over replications) is above the SLO, or
 *   - the share of finished requests that succeeded within the SLO is below 99% — which also
 *     catches a system that keeps its p99 low by rejecting requests.
 * The two usually agree; the second fires first when errors are what break the objective.
 * Point estimates (means) decide, not their confidence intervals: the sweep's table shows the
 * ± beside each number.
 */
export const KNEE_SLO_SHARE = 0.99;

/** What a knee needs of a sweep point (a SweepPointResult is one). */
export interface KneePoint {
  index: number;
  values: Record<string, number>;
  /** Endpoints with an SLO at this point, in ms. */
  slos: Record<string, number>;
  result: RunResult | null;
}

export interface KneeSample {
  point: number;
  /** The axis value at that point. */
  value: number;
  p99: number;
  sloShare: number;
}

export interface Knee {
  endpoint: string;
  /** The SLO at the first breaking point (or the last point, when it holds), ms. */
  sloMs: number;
  /** The path searched along: the first --vary. */
  axis: string;
  /** The other swept paths' values on this line of points (empty with one --vary). */
  fixed: Record<string, number>;
  /**
   * crosses: met at `before`, broken at `after` (the next point along the axis);
   * brokenAtStart: already broken at the first point (`after`);
   * holds: never broken; `before` is the last point;
   * noData: no point of the line has a result.
   */
  status: 'crosses' | 'brokenAtStart' | 'holds' | 'noData';
  /** Which reading broke first at `after`. */
  breach?: 'p99' | 'sloShare';
  before?: KneeSample;
  after?: KneeSample;
}

/**
 * The knees of a sweep whose points are ordered with the first --vary changing fastest: one
 * per endpoint with an SLO and per line of points (a combination of the other --vary values).
 */
export function findKnees(points: readonly KneePoint[], vary: readonly VarySpec[]): Knee[] {
  if (vary.length === 0 || points.length === 0) return [];
  const axis = vary[0].path;
  const lines = new Map<string, KneePoint[]>();
  for (const p of points) {
    const fixed = vary.slice(1).map((v) => `${v.path}=${p.values[v.path]}`).join(',');
    const line = lines.get(fixed);
    if (line) line.push(p);
    else lines.set(fixed, [p]);
  }
  const knees: Knee[] = [];
  for (const line of lines.values()) {
    const fixed = Object.fromEntries(vary.slice(1).map((v) => [v.path, line[0].values[v.path]]));
    const endpoints = [...new Set(line.flatMap((p) => Object.keys(p.slos)))];
    for (const endpoint of endpoints) knees.push(kneeOfLine(line, endpoint, axis, fixed));
  }
  return knees;
}

function kneeOfLine(line: KneePoint[], endpoint: string, axis: string, fixed: Record<string, number>): Knee {
  let before: KneeSample | undefined;
  let lastSlo = NaN;
  for (const p of line) {
    const e = p.result?.endpoints[endpoint];
    const sloMs = p.slos[endpoint];
    if (!e || sloMs === undefined) continue;
    const sample: KneeSample = { point: p.index, value: p.values[axis], p99: e.latency.p99, sloShare: e.sloShare };
    lastSlo = sloMs;
    const breach = e.latency.p99 > sloMs ? 'p99' : e.sloShare < KNEE_SLO_SHARE ? 'sloShare' : undefined;
    if (breach) {
      return before
        ? { endpoint, sloMs, axis, fixed, status: 'crosses', breach, before, after: sample }
        : { endpoint, sloMs, axis, fixed, status: 'brokenAtStart', breach, after: sample };
    }
    before = sample;
  }
  return before ? { endpoint, sloMs: lastSlo, axis, fixed, status: 'holds', before } : { endpoint, sloMs: NaN, axis, fixed, status: 'noData' };
}
