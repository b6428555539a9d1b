import { line, scaleBand, scaleLinear, scaleLog, scalePoint, type ScaleContinuousNumeric } from 'd3';
import type { Margins, Tick } from '../results/charts/line-geometry.ts';

/**
 * Geometry of one small multiple of the migration timeline (pure; d3 computes, React renders):
 * the phases along x, one or more series of per-phase estimates as points joined by a line with
 * 95% whiskers (latency, uptime), or as bars (cost). Series at the same phase are dodged a few
 * pixels apart so their whiskers do not overlap. A missing value (NaN: a phase without an uptime
 * study) leaves a gap.
 */

export interface TimelineValue {
  value: number;
  /** 95% half-width; none (or NaN, or 0) draws no whisker. */
  halfWidth?: number;
}

export interface TimelineChartInput {
  width: number;
  height: number;
  margins?: Margins;
  /** One label per phase, in order: `1. before`. */
  phases: readonly string[];
  series: ReadonlyArray<{ name: string; values: readonly TimelineValue[] }>;
  mode: 'line' | 'bar';
  y: {
    /** From 0 (latency, cost) or fitted around the values (uptime, near 100%). */
    zero: boolean;
    /** A log axis (latency that changes by orders of magnitude between phases); `zero` is then ignored. */
    log?: boolean;
    /** An upper bound the axis never passes (1 for a share). */
    max?: number;
    format: (v: number) => string;
    ticks?: number;
  };
}

export interface TimelineMark {
  phase: number;
  x: number;
  y: number;
  value: number;
  halfWidth?: number;
  /** Whisker ends (pixels), when there is a half-width. */
  whisker?: { y0: number; y1: number };
}

export interface TimelineBar {
  phase: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
  halfWidth?: number;
  whisker?: { y0: number; y1: number };
}

export interface TimelineGeometry {
  plot: { left: number; top: number; width: number; height: number };
  xTicks: Array<{ phase: number; pos: number; label: string; title: string }>;
  yTicks: Tick[];
  series: Array<{ name: string; d: string; marks: TimelineMark[]; bars: TimelineBar[] }>;
}

export const TIMELINE_MARGINS: Margins = { top: 12, right: 14, bottom: 34, left: 62 };
/** A log axis reaches this factor beyond the lowest and highest whisker. */
const LOG_PAD = 1.25;
/** Approximate width of one character of the 11px tick labels. */
const CHAR_PX = 6.2;

const hasWhisker = (v: TimelineValue): v is TimelineValue & { halfWidth: number } => v.halfWidth !== undefined && Number.isFinite(v.halfWidth) && v.halfWidth > 0;

/**
 * The y domain: from 0 up to the highest whisker, or fitted around every value and whisker
 * (capped at `max`); on a log axis from the lowest positive whisker end (a whisker that reaches
 * 0 or below is cut at half its value) to the highest.
 */
export function timelineYDomain(input: Pick<TimelineChartInput, 'series' | 'y'>): [number, number] {
  const lows: number[] = [];
  const highs: number[] = [];
  for (const s of input.series) {
    for (const v of s.values) {
      if (!Number.isFinite(v.value) || (input.y.log && v.value <= 0)) continue;
      const h = hasWhisker(v) ? v.halfWidth : 0;
      lows.push(input.y.log && v.value - h <= 0 ? v.value / 2 : v.value - h);
      highs.push(v.value + h);
    }
  }
  const cap = input.y.max ?? Infinity;
  if (input.y.log) {
    if (highs.length === 0) return [1, 10];
    const lo = Math.min(...lows);
    const hi = Math.min(cap, Math.max(...highs));
    return lo === hi ? [lo / 2, hi * 2] : [lo, hi];
  }
  if (highs.length === 0) return [0, Number.isFinite(cap) ? cap : 1];
  const hi = Math.min(cap, Math.max(...highs));
  if (input.y.zero) return [0, hi > 0 ? hi : 1];
  const lo = Math.min(...lows);
  const span = hi - lo;
  const pad = span > 0 ? span * 0.15 : Math.max(Math.abs(hi) * 0.005, 1e-4);
  return [lo - pad, Math.min(cap, hi + pad)];
}

/** A label cut to fit `px` pixels, with an ellipsis. */
export function fitLabel(label: string, px: number): string {
  const chars = Math.max(3, Math.floor(px / CHAR_PX));
  return label.length <= chars ? label : `${label.slice(0, chars - 1).trimEnd()}…`;
}

export function timelineGeometry(input: TimelineChartInput): TimelineGeometry {
  const m = input.margins ?? TIMELINE_MARGINS;
  const plot = { left: m.left, top: m.top, width: Math.max(1, input.width - m.left - m.right), height: Math.max(1, input.height - m.top - m.bottom) };
  const indices = input.phases.map((_, i) => i);
  const [d0, d1] = timelineYDomain(input);
  const range: [number, number] = [plot.top + plot.height, plot.top];
  let y: ScaleContinuousNumeric<number, number>;
  if (input.y.log) {
    // Not .nice(): that widens to whole decades, leaving most of a small chart empty.
    y = scaleLog().domain([d0 / LOG_PAD, d1 * LOG_PAD]).range(range);
  } else {
    y = scaleLinear().domain([d0, d1]).range(range).nice(input.y.ticks ?? 4);
    // .nice() may round a capped domain past its cap (99.9% → 100.5%): clamp it back.
    const [n0, n1] = y.domain();
    if (input.y.max !== undefined && n1 > input.y.max) y.domain([n0, Math.max(input.y.max, d1)]);
    if (input.y.zero && n0 < 0) y.domain([0, y.domain()[1]]);
  }
  const floor = y.domain()[0];
  const yPx = (v: number) => y(input.y.log ? Math.max(v, floor) : v);
  const whiskerOf = (v: TimelineValue) => (hasWhisker(v) ? { y0: yPx(v.value - v.halfWidth), y1: yPx(Math.min(v.value + v.halfWidth, input.y.max ?? Infinity)) } : undefined);

  const band = scaleBand<number>().domain(indices).range([plot.left, plot.left + plot.width]).paddingInner(0.3).paddingOuter(0.2);
  const point = scalePoint<number>().domain(indices).range([plot.left, plot.left + plot.width]).padding(0.5);
  const step = input.mode === 'bar' ? band.step() : point.step() || plot.width;
  const S = input.series.length;
  const dodge = input.mode === 'line' && S > 1 ? Math.min(7, step / (S + 2)) : 0;
  const centre = (i: number) => (input.mode === 'bar' ? (band(i) ?? plot.left) + band.bandwidth() / 2 : point(i) ?? plot.left + plot.width / 2);

  // Phase names that do not fit their step are shown as their numbers (all of them, alike); the full name is the title.
  const fits = input.phases.every((label) => fitLabel(label, step - 4) === label);
  const series = input.series.map((s, k) => {
    const offset = (k - (S - 1) / 2) * dodge;
    const marks: TimelineMark[] = [];
    const bars: TimelineBar[] = [];
    s.values.forEach((v, phase) => {
      if (phase >= input.phases.length || !Number.isFinite(v.value)) return;
      const whisker = whiskerOf(v);
      const extra = hasWhisker(v) ? { halfWidth: v.halfWidth } : {};
      if (input.mode === 'bar') {
        const width = band.bandwidth() / S;
        const x = (band(phase) ?? plot.left) + k * width;
        const top = yPx(Math.max(0, v.value));
        const base = yPx(Math.max(0, y.domain()[0]));
        bars.push({ phase, x, y: Math.min(top, base), width, height: Math.abs(base - top), value: v.value, ...extra, ...(whisker ? { whisker } : {}) });
      } else {
        marks.push({ phase, x: centre(phase) + offset, y: yPx(v.value), value: v.value, ...extra, ...(whisker ? { whisker } : {}) });
      }
    });
    const path = line<{ x: number; y: number; ok: boolean }>()
      .defined((p) => p.ok)
      .x((p) => p.x)
      .y((p) => p.y);
    const d = input.mode === 'line' ? path(input.phases.map((_, phase) => {
      const v = s.values[phase];
      const ok = v !== undefined && Number.isFinite(v.value);
      return { x: centre(phase) + offset, y: ok ? yPx(v.value) : 0, ok };
    })) ?? '' : '';
    return { name: s.name, d, marks, bars };
  });

  return {
    plot,
    xTicks: input.phases.map((label, phase) => ({ phase, pos: centre(phase), label: fits ? label : fitLabel(phaseNumber(label, phase), step - 4), title: label })),
    yTicks: (input.y.log ? logTicks(y) : y.ticks(input.y.ticks ?? 4)).map((v) => ({ value: v, pos: yPx(v), label: input.y.format(v) })),
    series,
  };
}

/** `3. payments at 2%` → `3`; a label without a number → its position. */
function phaseNumber(label: string, phase: number): string {
  const m = /^(\d+)\./.exec(label);
  return m ? m[1] : String(phase + 1);
}

/** Log ticks that never crowd: powers of ten, with 2× and 5× (or 3×) when the axis spans few decades. */
function logTicks(scale: ScaleContinuousNumeric<number, number>): number[] {
  const [lo, hi] = scale.domain();
  const decades = Math.log10(hi / lo);
  const steps = decades > 3 ? [1] : decades > 1.5 ? [1, 3] : [1, 2, 5];
  return scale.ticks().filter((t) => steps.includes(Math.round(t / 10 ** Math.floor(Math.log10(t) + 1e-9))));
}
