import { describe, expect, it } from 'vitest';
import { stackedBarGeometry } from '../../renderer/results/charts/bar-geometry.ts';
import { lineChartGeometry, type LineChartInput } from '../../renderer/results/charts/line-geometry.ts';

const M = { top: 10, right: 10, bottom: 30, left: 50 };
const base = (over: Partial<LineChartInput>): LineChartInput => ({
  width: 400,
  height: 200,
  margins: M,
  lines: [{ name: 'a', points: [[0, 0], [10, 5], [20, 10]] }],
  x: { format: String },
  y: { format: String },
  ...over,
});

describe('line chart geometry', () => {
  it('maps the data extent onto the plot box: x left→right, y bottom→top from 0', () => {
    const g = lineChartGeometry(base({}));
    expect(g.plot).toEqual({ left: 50, top: 10, width: 340, height: 160 });
    expect(g.paths[0].d).toBe('M50,170L220,90L390,10');
  });

  it('leaves a gap at NaN instead of drawing to zero', () => {
    const g = lineChartGeometry(base({ lines: [{ name: 'a', points: [[0, 1], [1, NaN], [2, 1], [3, 2]] }] }));
    expect(g.paths[0].d.match(/M/g)).toHaveLength(2);
  });

  it('gives ticks inside the box with their labels, and shades bands clipped to the domain', () => {
    const g = lineChartGeometry(base({ x: { format: (v) => `${v}s` }, bands: [{ start: 5, end: 15, label: 'db down' }, { start: 30, end: 40, label: 'outside' }] }));
    expect(g.xTicks.map((t) => t.label)).toContain('10s');
    for (const t of g.xTicks) {
      expect(t.pos).toBeGreaterThanOrEqual(50);
      expect(t.pos).toBeLessThanOrEqual(390);
    }
    expect(g.yTicks[0]).toMatchObject({ value: 0, pos: 170 });
    expect(g.bands).toEqual([{ x: 135, width: 170, label: 'db down' }]);
  });

  it('log x: powers of ten as ticks, monotone positions, no ticks crowding', () => {
    const g = lineChartGeometry(base({ lines: [{ name: 'cdf', points: [[0.5, 0], [3, 0.5], [40, 0.99], [800, 1]] }], x: { type: 'log', format: String }, y: { domain: [0, 1], format: String } }));
    expect(g.xTicks.map((t) => t.value)).toEqual([0.1, 1, 10, 100, 1000]);
    const pos = g.xTicks.map((t) => t.pos);
    expect([...pos].sort((a, b) => a - b)).toEqual(pos);
    expect(g.yTicks.at(-1)).toMatchObject({ value: 1, pos: 10 });
  });

  it('a flat or empty series still gets a usable domain', () => {
    expect(lineChartGeometry(base({ lines: [{ name: 'flat', points: [[0, 3], [1, 3]] }] })).yTicks.length).toBeGreaterThan(1);
    expect(lineChartGeometry(base({ lines: [{ name: 'none', points: [] }] })).paths[0].d).toBe('');
  });
});

describe('stacked bar geometry', () => {
  it('lays parts end to end from 0 on a shared axis, one band per row', () => {
    const g = stackedBarGeometry({ width: 420, margins: { top: 0, right: 20, bottom: 20, left: 100 }, rowHeight: 40, rows: [{ label: 'app', parts: [60, 40] }, { label: 'db', parts: [50, 0] }], format: String });
    expect(g.height).toBe(100);
    const [app, db] = g.rows;
    expect(app.rects[0]).toMatchObject({ x: 100, width: 180, value: 60 });
    expect(app.rects[1]).toMatchObject({ x: 280, width: 120, value: 40 });
    expect(db.rects[0].width).toBe(150);
    expect(db.y).toBeGreaterThan(app.y + app.height);
    expect(g.xTicks[0]).toMatchObject({ value: 0, pos: 100 });
    expect(g.xTicks.at(-1)).toMatchObject({ value: 100, pos: 400 });
  });
});
