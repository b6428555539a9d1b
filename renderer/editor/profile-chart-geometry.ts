import { line, scaleLinear, ticks, type ScaleLinear } from 'd3';
import { profileAt } from '../../sim-core/model/compiled.ts';
import { parseDuration, parseRate } from '../../sim-core/model/units.ts';

/**
 * The shapeable load-profile chart, as numbers (pure; ProfileChart.tsx renders it): scales, the
 * curve, pixel ↔ (at, x) with snapping and the neighbour constraints the schema needs (times
 * strictly increasing), and durations written back as text parseDuration reads.
 */

/** A point of `workload.profile` that parses, with its index in the raw list (the path to edit). */
export interface EditablePoint {
  index: number;
  atMs: number;
  x: number;
  rampMs: number;
  /** The point has a `ramp` key (even `0s`). */
  hasRamp: boolean;
}

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface ChartScales {
  t: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
}

/** Multipliers snap to this step. */
export const X_STEP = 0.05;

export function chartBox(width: number, height = 180): ChartBox {
  return { width: Math.max(160, width), height, margin: { top: 22, right: 48, bottom: 26, left: 36 } };
}

/** The points that parse, in list order, with their raw index (the others are listed as errors). */
export function editablePoints(raw: unknown): EditablePoint[] {
  if (!Array.isArray(raw)) return [];
  const out: EditablePoint[] = [];
  raw.forEach((p: unknown, index) => {
    if (typeof p !== 'object' || p === null) return;
    const { at, x, ramp } = p as Record<string, unknown>;
    const atMs = parseDuration(at);
    const rampMs = ramp === undefined ? undefined : parseDuration(ramp);
    if (!atMs.ok || typeof x !== 'number' || !Number.isFinite(x) || (rampMs && !rampMs.ok)) return;
    out.push({ index, atMs: atMs.value, x, rampMs: rampMs?.ok ? rampMs.value : 0, hasRamp: ramp !== undefined });
  });
  return out;
}

/** Times snap to whole seconds, or to whole minutes when the run is longer than half an hour. */
export function snapStepMs(horizonMs: number): number {
  return horizonMs > 30 * 60_000 ? 60_000 : 1000;
}

/** Top of the multiplier axis: 20 % above the peak (at least ×1), rounded up to a half. */
export function yDomainMax(points: readonly EditablePoint[]): number {
  const peak = Math.max(1, ...points.map((p) => p.x));
  return Math.ceil(peak * 1.2 * 2 - 1e-9) / 2;
}

export function chartScales(box: ChartBox, horizonMs: number, yMax: number): ChartScales {
  const { width, height, margin: m } = box;
  return {
    t: scaleLinear().domain([0, Math.max(1, horizonMs)]).range([m.left, width - m.right]),
    y: scaleLinear().domain([0, yMax]).range([height - m.bottom, m.top]),
  };
}

/** SVG path of the multiplier series (profile.ts profileSeries) on the chart's scales. */
export function curvePath(series: ReadonlyArray<{ t: number; x: number }>, s: ChartScales): string {
  return line<{ t: number; x: number }>().x((p) => s.t(p.t)).y((p) => s.y(p.x))(series) ?? '';
}

/**
 * A duration as text that parseDuration reads back exactly: the largest unit that gives a whole
 * number (`1h`, `2m`, `150s`, `1500ms`). Compound text such as `2m30s` does not parse, so 2 ½
 * minutes is written `150s`.
 */
export function formatDuration(ms: number): string {
  const v = Math.max(0, Math.round(ms * 1000) / 1000);
  if (v === 0) return '0s';
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (v % size === 0) return `${v / size}${unit}`;
  }
  return `${v}ms`;
}

/** Time-axis ticks in a unit that suits the run (seconds, minutes or hours), with labels. */
export function timeTicks(horizonMs: number, count = 5): Array<{ t: number; label: string }> {
  const unit = horizonMs >= 2 * 3_600_000 ? 3_600_000 : horizonMs >= 2 * 60_000 ? 60_000 : 1000;
  return ticks(0, horizonMs / unit, count)
    .filter((v) => Number.isInteger(v * 1000))
    .map((v) => ({ t: v * unit, label: formatDuration(v * unit) }));
}

export function multiplierTicks(yMax: number): number[] {
  return ticks(0, yMax, 4);
}

export function snapX(x: number): number {
  return Math.max(0, Math.round(x / X_STEP) * X_STEP);
}

/** A multiplier without the float noise of snapping (0.15000000000000002 → 0.15). */
export function cleanX(x: number): number {
  return +x.toFixed(4);
}

export interface DragLimits {
  stepMs: number;
  horizonMs: number;
  /** The highest multiplier the chart shows (the axis is fixed during a gesture). */
  xMax: number;
}

/**
 * Where point `i` (an index into `points`) goes when dragged to (atMs, x): the time snapped and
 * kept strictly between its neighbours (one snap step clear; the first point may sit at 0, the
 * last at the end of the run), the multiplier snapped to 0.05 within [0, xMax]. A point whose
 * neighbours leave no room keeps its time.
 */
export function constrainPoint(points: readonly EditablePoint[], i: number, atMs: number, x: number, limits: DragLimits): { atMs: number; x: number } {
  const p = points[i];
  const prev = points[i - 1];
  const next = points[i + 1];
  const { stepMs } = limits;
  const lo = prev ? prev.atMs + stepMs : 0;
  const hi = next ? next.atMs - stepMs : Math.max(limits.horizonMs, p.atMs);
  let at = Math.round(atMs / stepMs) * stepMs;
  if (lo > hi) at = p.atMs;
  else at = Math.min(hi, Math.max(lo, at));
  // Clamping to a neighbour that is off the grid: stay on the grid inside the bounds when possible.
  if (at % stepMs !== 0) {
    const up = Math.ceil(at / stepMs) * stepMs;
    const down = Math.floor(at / stepMs) * stepMs;
    if (at === lo && up <= hi) at = up;
    else if (at === hi && down >= lo) at = down;
  }
  return { atMs: at, x: cleanX(Math.min(snapX(limits.xMax), snapX(x))) };
}

/** The ramp of point `i` when its end is dragged to `endMs`: snapped, ≥ 0, ending by the next point (or the run's end). */
export function constrainRamp(points: readonly EditablePoint[], i: number, endMs: number, limits: Pick<DragLimits, 'stepMs' | 'horizonMs'>): number {
  const p = points[i];
  const next = points[i + 1];
  const limit = Math.max(0, (next ? next.atMs : Math.max(limits.horizonMs, p.atMs + p.rampMs)) - p.atMs);
  const ramp = Math.round((endMs - p.atMs) / limits.stepMs) * limits.stepMs;
  return Math.min(limit, Math.max(0, ramp));
}

/** One arrow-key move of point `i`: ←/→ one snap step in time (×10 with Shift), ↑/↓ 0.05 (0.5 with Shift). */
export function nudgePoint(points: readonly EditablePoint[], i: number, key: string, shift: boolean, limits: DragLimits): { atMs: number; x: number } | undefined {
  const p = points[i];
  if (!p) return undefined;
  const dt = limits.stepMs * (shift ? 10 : 1);
  const dx = shift ? 0.5 : X_STEP;
  const moves: Record<string, [number, number]> = { ArrowLeft: [-dt, 0], ArrowRight: [dt, 0], ArrowUp: [0, dx], ArrowDown: [0, -dx] };
  const move = moves[key];
  if (!move) return undefined;
  const target = constrainPoint(points, i, p.atMs + move[0], p.x + move[1], { ...limits, xMax: Math.max(limits.xMax, p.x + dx) });
  // A time blocked by a neighbour does not fall back onto the grid behind the point.
  if (move[0] !== 0 && Math.sign(target.atMs - p.atMs) !== Math.sign(move[0])) return { atMs: p.atMs, x: p.x };
  return target;
}

/**
 * The raw list with a point added at `atMs` (snapped) on the curve, so the shape does not change
 * until the point is moved; undefined when a point is already at that time.
 */
export function insertPoint(raw: unknown, atMs: number, stepMs: number): { index: number; list: unknown[]; point: { at: string; x: number } } | undefined {
  const list = Array.isArray(raw) ? [...(raw as unknown[])] : [];
  const points = editablePoints(list);
  const at = Math.max(0, Math.round(atMs / stepMs) * stepMs);
  if (points.some((p) => p.atMs === at)) return undefined;
  const before = points.filter((p) => p.atMs < at);
  const index = before.length ? before[before.length - 1].index + 1 : points.length ? points[0].index : list.length;
  const point = { at: formatDuration(at), x: cleanX(snapX(profileAt(points, at))) };
  list.splice(index, 0, point);
  return { index, list, point };
}

/** What multiplier 1 means: the closed population or the open arrival rate (per second). */
export type LoadBase = { kind: 'users'; value: number } | { kind: 'arrivals'; value: number };

export function loadBase(workload: unknown): LoadBase | undefined {
  if (typeof workload !== 'object' || workload === null) return undefined;
  const { users, arrivals } = workload as Record<string, unknown>;
  if (typeof users === 'number' && users > 0) return { kind: 'users', value: users };
  const rate = parseRate(arrivals);
  if (rate.ok) return { kind: 'arrivals', value: rate.value * 1000 };
  return undefined;
}

/** A compact number for an axis: 950, 1.2k, 75k, 1.5M. */
export function compactNumber(v: number): string {
  const a = Math.abs(v);
  const [div, suffix] = a >= 1e9 ? [1e9, 'G'] : a >= 1e6 ? [1e6, 'M'] : a >= 1e3 ? [1e3, 'k'] : [1, ''];
  const n = v / div;
  return `${+n.toFixed(Math.abs(n) >= 100 || div === 1 ? 0 : 1)}${suffix}`;
}

/** The load at multiplier x: `75,000 users` or `7,500 arrivals/s` (population rounded, as the engine does). */
export function loadAt(x: number, base: LoadBase | undefined): string | undefined {
  if (!base) return undefined;
  if (base.kind === 'users') return `${Math.round(base.value * x).toLocaleString('en-US')} users`;
  const r = base.value * x;
  return `${r >= 100 ? Math.round(r).toLocaleString('en-US') : +r.toFixed(2)} arrivals/s`;
}
