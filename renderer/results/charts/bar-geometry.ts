import { scaleBand, scaleLinear } from 'd3';
import type { Margins, Tick } from './line-geometry.ts';

/**
 * Geometry of horizontal stacked bars (pure): one row per category, its parts laid end to end
 * (e.g. a component's fixed and usage cost), a shared linear axis from 0.
 */

export interface StackedBarInput {
  width: number;
  /** Height per row; the chart is as tall as its rows. */
  rowHeight?: number;
  margins?: Margins;
  rows: ReadonlyArray<{ label: string; parts: readonly number[] }>;
  format: (v: number) => string;
}

export interface StackedBarGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; width: number; height: number };
  rows: Array<{ label: string; y: number; height: number; labelY: number; rects: Array<{ part: number; x: number; width: number; value: number }> }>;
  xTicks: Tick[];
}

export function stackedBarGeometry(input: StackedBarInput): StackedBarGeometry {
  const m = input.margins ?? { top: 8, right: 16, bottom: 28, left: 120 };
  const rowHeight = input.rowHeight ?? 28;
  const height = m.top + m.bottom + rowHeight * Math.max(1, input.rows.length);
  const plot = { left: m.left, top: m.top, width: Math.max(1, input.width - m.left - m.right), height: height - m.top - m.bottom };
  const totals = input.rows.map((r) => r.parts.reduce((s, v) => s + Math.max(0, v), 0));
  const max = Math.max(0, ...totals);
  const x = scaleLinear().domain([0, max > 0 ? max : 1]).range([plot.left, plot.left + plot.width]).nice(5);
  const band = scaleBand<number>().domain(input.rows.map((_, i) => i)).range([plot.top, plot.top + plot.height]).padding(0.25);
  return {
    width: input.width,
    height,
    plot,
    rows: input.rows.map((r, i) => {
      let at = 0;
      const y = band(i) ?? plot.top;
      return {
        label: r.label,
        y,
        height: band.bandwidth(),
        labelY: y + band.bandwidth() / 2,
        rects: r.parts.map((v, part) => {
          const value = Math.max(0, v);
          const rect = { part, x: x(at), width: x(at + value) - x(at), value };
          at += value;
          return rect;
        }),
      };
    }),
    xTicks: x.ticks(5).map((v) => ({ value: v, pos: x(v), label: input.format(v) })),
  };
}
