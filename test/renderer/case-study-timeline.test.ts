import { describe, expect, it } from 'vitest';
import { fitLabel, timelineGeometry, timelineYDomain, type TimelineChartInput } from '../../renderer/case-study/timeline-geometry.ts';
import { spreadsWide } from '../../renderer/case-study/timeline-model.ts';

const fmt = (v: number) => String(v);
const base = (over: Partial<TimelineChartInput>): TimelineChartInput => ({
  width: 400,
  height: 200,
  margins: { top: 10, right: 10, bottom: 30, left: 50 },
  phases: ['1. before', '2. replicas', '3. after'],
  series: [{ name: 'mean', values: [{ value: 100, halfWidth: 10 }, { value: 50, halfWidth: 5 }, { value: 20 }] }],
  mode: 'line',
  y: { zero: true, format: fmt },
  ...over,
});

describe('the migration timeline geometry', () => {
  it('puts the phases evenly along x, each at the centre of its step', () => {
    const g = timelineGeometry(base({}));
    // 340 px of plot, three phases: steps of 113.3 px, the first at half a step.
    expect(g.xTicks.map((t) => Math.round(t.pos))).toEqual([107, 220, 333]);
    expect(g.xTicks.map((t) => t.title)).toEqual(['1. before', '2. replicas', '3. after']);
    expect(g.series[0].marks.map((m) => Math.round(m.x))).toEqual([107, 220, 333]);
  });

  it('scales y from 0 to the highest whisker, and draws whiskers only where there is a half-width', () => {
    expect(timelineYDomain(base({}))).toEqual([0, 110]);
    const g = timelineGeometry(base({}));
    const [m0, m1, m2] = g.series[0].marks;
    const bottom = 10 + 160;
    // .nice(4) takes [0, 110] to [0, 120]: 100 is 1/6 from the top.
    expect(m0.y).toBeCloseTo(bottom - (100 / 120) * 160, 6);
    expect(m0.whisker!.y0).toBeCloseTo(bottom - (90 / 120) * 160, 6);
    expect(m0.whisker!.y1).toBeCloseTo(bottom - (110 / 120) * 160, 6);
    expect(m1.whisker).toBeDefined();
    expect(m2.whisker).toBeUndefined();
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100, 120]);
  });

  it('leaves a gap for a phase without a value (a phase with no uptime study)', () => {
    const g = timelineGeometry(base({ series: [{ name: 'long horizon', values: [{ value: 0.99 }, { value: NaN }, { value: 0.995 }] }], y: { zero: false, max: 1, format: fmt } }));
    expect(g.series[0].marks.map((m) => m.phase)).toEqual([0, 2]);
    // Two separate moves: the path is broken at the missing phase.
    expect(g.series[0].d.match(/M/g)).toHaveLength(2);
  });

  it('fits a share near 100% around its values, never above the cap', () => {
    const input = base({ series: [{ name: 'uptime', values: [{ value: 0.975, halfWidth: 0.001 }, { value: 0.9995, halfWidth: 0.0004 }, { value: 1 }] }], y: { zero: false, max: 1, format: fmt } });
    const [lo, hi] = timelineYDomain(input);
    expect(lo).toBeLessThan(0.974);
    expect(lo).toBeGreaterThan(0.96);
    expect(hi).toBe(1);
    const g = timelineGeometry(input);
    expect(Math.max(...g.yTicks.map((t) => t.value))).toBeLessThanOrEqual(1);
    // The whisker of 99.95% ± 0.04% is cut at 100%.
    expect(g.series[0].marks[1].whisker!.y1).toBeGreaterThanOrEqual(g.plot.top - 1e-9);
  });

  it('dodges series at the same phase so their whiskers do not overlap', () => {
    const values = [{ value: 1 }, { value: 2 }, { value: 3 }];
    const g = timelineGeometry(base({ series: [{ name: 'mean', values }, { name: 'p95', values }, { name: 'p99', values }] }));
    const xs = g.series.map((s) => s.marks[0].x);
    expect(xs[0]).toBeLessThan(xs[1]);
    expect(xs[1]).toBeCloseTo(g.xTicks[0].pos, 9);
    expect(xs[2] - xs[1]).toBeCloseTo(xs[1] - xs[0], 9);
  });

  it('draws bars from 0 in bar mode, one band per phase', () => {
    const g = timelineGeometry(base({ mode: 'bar', series: [{ name: 'monthly cost', values: [{ value: 100 }, { value: 300 }, { value: 200 }] }] }));
    const bars = g.series[0].bars;
    expect(bars).toHaveLength(3);
    expect(g.series[0].marks).toEqual([]);
    expect(bars.every((b) => Math.abs(b.y + b.height - 170) < 1e-9)).toBe(true);
    expect(bars[1].height).toBeCloseTo(3 * bars[0].height, 9);
    expect(bars[0].x + bars[0].width).toBeLessThan(bars[1].x);
  });

  it('shows every phase by its number when a name does not fit its step, keeping the full name as the title', () => {
    expect(fitLabel('3. payments at 50% of transfers', 80)).toBe('3. payments…');
    expect(fitLabel('1. before', 80)).toBe('1. before');
    const g = timelineGeometry(base({ width: 200, phases: ['1. a very long phase name', '2. b', '3. c'] }));
    expect(g.xTicks.map((t) => t.label)).toEqual(['1', '2', '3']);
    expect(g.xTicks[0].title).toBe('1. a very long phase name');
  });

  it('draws latency that spans orders of magnitude on a log axis, whiskers below 0 cut at the axis', () => {
    const series = [{ name: 'mean', values: [{ value: 2960, halfWidth: 1360 }, { value: 47.8, halfWidth: 60 }, { value: 40 }] }];
    expect(spreadsWide(series)).toBe(true);
    expect(spreadsWide([{ name: 'x', values: [{ value: 10 }, { value: 150 }] }])).toBe(false);
    const input = base({ series, y: { zero: true, log: true, format: fmt } });
    // 47.8 − 60 < 0: that low end is taken as half the value.
    expect(timelineYDomain(input)).toEqual([23.9, 4320]);
    const g = timelineGeometry(input);
    expect(g.yTicks.map((t) => t.value)).toEqual([30, 100, 300, 1000, 3000]);
    const [m0, m1, m2] = g.series[0].marks;
    // Equal ratios are equal distances.
    expect(m1.y - m0.y).toBeCloseTo((m2.y - m1.y) * (Math.log(2960 / 47.8) / Math.log(47.8 / 40)), 6);
    expect(m1.whisker!.y0).toBeCloseTo(g.plot.top + g.plot.height, 6);
  });

  it('has an axis even with no values at all', () => {
    expect(timelineYDomain(base({ series: [{ name: 'x', values: [{ value: NaN }] }] }))).toEqual([0, 1]);
  });
});
