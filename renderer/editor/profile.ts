import { line, scaleLinear } from 'd3';
import { profileAt, type ProfilePoint } from '../../sim-core/model/compiled.ts';
import { parseDuration } from '../../sim-core/model/units.ts';

/** The workload profile as the editor draws it: raw points → the exact multiplier curve → a sparkline. */

/** The points of a raw `workload.profile` that parse, in simulated ms (the others are skipped: their errors are listed). */
export function profilePoints(raw: unknown): ProfilePoint[] {
  if (!Array.isArray(raw)) return [];
  const out: ProfilePoint[] = [];
  for (const p of raw) {
    if (typeof p !== 'object' || p === null) continue;
    const { at, x, ramp } = p as Record<string, unknown>;
    const atMs = parseDuration(at);
    const rampMs = ramp === undefined ? undefined : parseDuration(ramp);
    if (!atMs.ok || typeof x !== 'number' || (rampMs && !rampMs.ok)) continue;
    out.push({ atMs: atMs.value, x, rampMs: rampMs?.ok ? rampMs.value : 0 });
  }
  return out;
}

/**
 * The multiplier over [0, horizon] as a polyline with every corner (steps drawn as vertical
 * jumps), evaluated with the engine's own profileAt.
 */
export function profileSeries(points: readonly ProfilePoint[], horizonMs: number): Array<{ t: number; x: number }> {
  const times = new Set<number>([0, horizonMs]);
  for (const p of points) {
    if (p.atMs <= horizonMs) times.add(p.atMs);
    if (p.rampMs > 0 && p.atMs + p.rampMs <= horizonMs) times.add(p.atMs + p.rampMs);
  }
  const out: Array<{ t: number; x: number }> = [];
  for (const t of [...times].sort((a, b) => a - b)) {
    const before = t > 0 ? profileAt(points, t - 1e-9) : profileAt(points, 0);
    const at = profileAt(points, t);
    if (t > 0 && Math.abs(before - at) > 1e-12) out.push({ t, x: before });
    out.push({ t, x: at });
  }
  return out;
}

/** The horizon to draw: the run's duration when it parses, else a little past the last point. */
export function profileHorizon(points: readonly ProfilePoint[], duration: unknown): number {
  const d = parseDuration(duration);
  const last = Math.max(0, ...points.map((p) => p.atMs + p.rampMs));
  if (d.ok && d.value > 0) return Math.max(d.value, last);
  return last > 0 ? last * 1.25 : 60_000;
}

/** SVG path of the series in a width × height box (y from 0 to the peak multiplier). */
export function sparklinePath(series: ReadonlyArray<{ t: number; x: number }>, width: number, height: number): string {
  if (series.length === 0) return '';
  const tMax = Math.max(...series.map((p) => p.t)) || 1;
  const xMax = Math.max(1, ...series.map((p) => p.x));
  const sx = scaleLinear().domain([0, tMax]).range([1, width - 1]);
  const sy = scaleLinear().domain([0, xMax]).range([height - 1, 1]);
  return line<{ t: number; x: number }>().x((p) => sx(p.t)).y((p) => sy(p.x))(series) ?? '';
}
