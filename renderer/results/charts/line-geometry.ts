import { extent, line, scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';

/**
 * Geometry of a line chart (pure; d3 computes, React renders): scales, one SVG path per line,
 * axis ticks with their labels and shaded bands (incident windows), in a width × height box.
 * Non-finite values leave gaps in the line rather than dropping to zero.
 */

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const DEFAULT_MARGINS: Margins = { top: 10, right: 16, bottom: 30, left: 64 };

export interface AxisSpec {
  type?: 'linear' | 'log';
  domain?: [number, number];
  format: (v: number) => string;
  ticks?: number;
}

export interface LineChartInput {
  width: number;
  height: number;
  margins?: Margins;
  lines: ReadonlyArray<{ name: string; points: ReadonlyArray<readonly [number, number]> }>;
  x: AxisSpec;
  /** y starts at 0 unless a domain is given. */
  y: AxisSpec;
  bands?: ReadonlyArray<{ start: number; end: number; label: string }>;
}

export interface Tick {
  value: number;
  /** Pixel position along the axis (x for the x axis, y for the y axis). */
  pos: number;
  label: string;
}

export interface LineChartGeometry {
  plot: { left: number; top: number; width: number; height: number };
  paths: Array<{ name: string; d: string }>;
  xTicks: Tick[];
  yTicks: Tick[];
  bands: Array<{ x: number; width: number; label: string }>;
}

function finitePairs(input: LineChartInput, log: boolean): Array<readonly [number, number]> {
  return input.lines.flatMap((l) => l.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!log || x > 0)));
}

function xScale(spec: AxisSpec, values: number[], range: [number, number]): ScaleContinuousNumeric<number, number> {
  const [lo, hi] = extent(values) as [number | undefined, number | undefined];
  if (spec.type === 'log') {
    let domain: [number, number] = spec.domain ?? (lo !== undefined && hi !== undefined ? [lo, hi] : [1, 10]);
    if (domain[0] <= 0) domain = [Math.min(1e-3, domain[1] / 10), domain[1]];
    if (domain[0] === domain[1]) domain = [domain[0] / 2, domain[1] * 2];
    return scaleLog().domain(domain).range(range).nice();
  }
  let domain: [number, number] = spec.domain ?? (lo !== undefined && hi !== undefined ? [lo, hi] : [0, 1]);
  if (domain[0] === domain[1]) domain = [domain[0] - 1, domain[1] + 1];
  return scaleLinear().domain(domain).range(range);
}

function yScale(spec: AxisSpec, values: number[], range: [number, number]): ScaleContinuousNumeric<number, number> {
  if (spec.domain) return scaleLinear().domain(spec.domain).range(range);
  const [lo, hi] = extent(values) as [number | undefined, number | undefined];
  const low = Math.min(0, lo ?? 0);
  let high = Math.max(hi ?? 1, low);
  if (high === low) high = low + 1;
  return scaleLinear().domain([low, high]).range(range).nice(spec.ticks ?? 5);
}

/** Log-scale ticks: the powers of ten (and 2×, 5× when the domain spans little), so labels never crowd. */
function logTicks(scale: ScaleContinuousNumeric<number, number>): number[] {
  const [lo, hi] = scale.domain();
  const decades = Math.log10(hi / lo);
  const ticks = scale.ticks();
  const steps = decades > 3 ? [1] : decades > 1.5 ? [1, 3] : [1, 2, 5];
  return ticks.filter((t) => {
    const lead = Math.round(t / 10 ** Math.floor(Math.log10(t) + 1e-9));
    return steps.includes(lead);
  });
}

export function lineChartGeometry(input: LineChartInput): LineChartGeometry {
  const m = input.margins ?? DEFAULT_MARGINS;
  const plot = { left: m.left, top: m.top, width: Math.max(1, input.width - m.left - m.right), height: Math.max(1, input.height - m.top - m.bottom) };
  const log = input.x.type === 'log';
  const pairs = finitePairs(input, log);
  const x = xScale(input.x, pairs.map((p) => p[0]), [plot.left, plot.left + plot.width]);
  const y = yScale(input.y, pairs.map((p) => p[1]), [plot.top + plot.height, plot.top]);
  const path = line<readonly [number, number]>()
    .defined(([px, py]) => Number.isFinite(px) && Number.isFinite(py) && (!log || px > 0))
    .x(([px]) => x(px))
    .y(([, py]) => y(py));
  const xTickValues = log ? logTicks(x) : x.ticks(input.x.ticks ?? 6);
  const [x0, x1] = x.domain();
  return {
    plot,
    paths: input.lines.map((l) => ({ name: l.name, d: path(l.points) ?? '' })),
    xTicks: xTickValues.map((v) => ({ value: v, pos: x(v), label: input.x.format(v) })),
    yTicks: y.ticks(input.y.ticks ?? 5).map((v) => ({ value: v, pos: y(v), label: input.y.format(v) })),
    bands: (input.bands ?? [])
      .filter((b) => b.end > x0 && b.start < x1)
      .map((b) => {
        const left = x(Math.max(b.start, x0));
        return { x: left, width: Math.max(1, x(Math.min(b.end, x1)) - left), label: b.label };
      }),
  };
}
