import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../sim-core/model/units.ts';
import {
  chartBox,
  chartScales,
  compactNumber,
  constrainPoint,
  constrainRamp,
  curvePath,
  editablePoints,
  formatDuration,
  insertPoint,
  loadAt,
  loadBase,
  nudgePoint,
  snapStepMs,
  timeTicks,
  yDomainMax,
} from '../../renderer/editor/profile-chart-geometry.ts';

const raw = [{ at: '0m', x: 1 }, { at: '2m', x: 1.5, ramp: '30s' }, { at: 'soon', x: 9 }, { at: '3.5m', x: 1, ramp: '30s' }];
const points = editablePoints(raw);
const limits = { stepMs: 1000, horizonMs: 600_000, xMax: 2 };

describe('profile chart: points and scales', () => {
  it('keeps the raw index of each point that parses, and whether it has a ramp', () => {
    expect(points).toEqual([
      { index: 0, atMs: 0, x: 1, rampMs: 0, hasRamp: false },
      { index: 1, atMs: 120_000, x: 1.5, rampMs: 30_000, hasRamp: true },
      { index: 3, atMs: 210_000, x: 1, rampMs: 30_000, hasRamp: true },
    ]);
    expect(editablePoints(undefined)).toEqual([]);
  });
  it('maps time and multiplier onto the plot and back', () => {
    const box = chartBox(300, 180);
    const s = chartScales(box, 600_000, 2);
    expect(s.t(0)).toBe(36);
    expect(s.t(600_000)).toBe(252);
    expect(s.y(0)).toBe(154);
    expect(s.y(2)).toBe(22);
    expect(s.t.invert(144)).toBe(300_000);
    expect(s.y.invert(88)).toBe(1);
    expect(curvePath([{ t: 0, x: 1 }, { t: 600_000, x: 2 }], s)).toBe('M36,88L252,22');
  });
  it('tops the axis 20 % above the peak, rounded up to a half, and at least ×1.5', () => {
    expect(yDomainMax([])).toBe(1.5);
    expect(yDomainMax(points)).toBe(2);
    expect(yDomainMax([{ index: 0, atMs: 0, x: 3, rampMs: 0, hasRamp: false }])).toBe(4);
  });
  it('ticks the time axis in a unit that suits the run', () => {
    expect(timeTicks(600_000).map((t) => t.label)).toEqual(['0s', '2m', '4m', '6m', '8m', '10m']);
    expect(timeTicks(45_000).map((t) => t.label)).toEqual(['0s', '10s', '20s', '30s', '40s']);
    expect(timeTicks(6 * 3_600_000).map((t) => t.label)[1]).toBe('1h');
  });
});

describe('profile chart: durations as text', () => {
  it('writes the largest whole unit, which parseDuration reads back exactly', () => {
    const cases: Array<[number, string]> = [[0, '0s'], [1000, '1s'], [90_000, '90s'], [150_000, '150s'], [120_000, '2m'], [3_600_000, '1h'], [5_400_000, '90m'], [1500, '1500ms'], [0.5, '0.5ms']];
    for (const [ms, text] of cases) {
      expect(formatDuration(ms)).toBe(text);
      const back = parseDuration(text);
      expect(back.ok && back.value).toBe(ms);
    }
  });
  it('snaps to seconds, or to minutes past half an hour', () => {
    expect(snapStepMs(600_000)).toBe(1000);
    expect(snapStepMs(30 * 60_000)).toBe(1000);
    expect(snapStepMs(2 * 3_600_000)).toBe(60_000);
  });
});

describe('profile chart: dragging', () => {
  it('snaps the time to the step and the multiplier to 0.05', () => {
    expect(constrainPoint(points, 1, 130_400, 1.73, limits)).toEqual({ atMs: 130_000, x: 1.75 });
    expect(constrainPoint(points, 1, 130_600, 1.12, limits)).toEqual({ atMs: 131_000, x: 1.1 });
  });
  it('keeps a point strictly between its neighbours and the multiplier in [0, top]', () => {
    expect(constrainPoint(points, 1, -50_000, -3, limits)).toEqual({ atMs: 1000, x: 0 });
    expect(constrainPoint(points, 1, 400_000, 7, limits)).toEqual({ atMs: 209_000, x: 2 });
    expect(constrainPoint(points, 0, 30_000, 1, limits)).toEqual({ atMs: 30_000, x: 1 });
    expect(constrainPoint(points, 2, 900_000, 1, limits).atMs).toBe(600_000);
  });
  it('stays on the grid next to a neighbour that is off it, and keeps its time when there is no room', () => {
    const odd = editablePoints([{ at: '1500ms', x: 1 }, { at: '10s', x: 2 }, { at: '10500ms', x: 1 }]);
    expect(constrainPoint(odd, 1, 0, 2, limits).atMs).toBe(3000);
    expect(constrainPoint(odd, 1, 20_000, 2, limits).atMs).toBe(9000);
    const tight = editablePoints([{ at: '1s', x: 1 }, { at: '1500ms', x: 2 }, { at: '2s', x: 1 }]);
    expect(constrainPoint(tight, 1, 5000, 2, limits).atMs).toBe(1500);
  });
  it('snaps minutes on a long run', () => {
    const long = { stepMs: 60_000, horizonMs: 4 * 3_600_000, xMax: 2 };
    expect(constrainPoint(points, 2, 1_000_000, 1, long).atMs).toBe(1_020_000);
  });
  it('drags a ramp end between the point and the next one', () => {
    expect(constrainRamp(points, 1, 165_400, limits)).toBe(45_000);
    expect(constrainRamp(points, 1, 100_000, limits)).toBe(0);
    expect(constrainRamp(points, 1, 500_000, limits)).toBe(90_000);
    expect(constrainRamp(points, 2, 900_000, limits)).toBe(390_000);
  });
  it('moves a point with the arrow keys, Shift for bigger steps, and not past a neighbour', () => {
    expect(nudgePoint(points, 1, 'ArrowRight', false, limits)).toEqual({ atMs: 121_000, x: 1.5 });
    expect(nudgePoint(points, 1, 'ArrowLeft', true, limits)).toEqual({ atMs: 110_000, x: 1.5 });
    expect(nudgePoint(points, 1, 'ArrowUp', false, limits)).toEqual({ atMs: 120_000, x: 1.55 });
    expect(nudgePoint(points, 1, 'ArrowDown', true, limits)).toEqual({ atMs: 120_000, x: 1 });
    expect(nudgePoint(points, 0, 'ArrowLeft', false, limits)).toEqual({ atMs: 0, x: 1 });
    // Above the axis top: the key still raises the multiplier.
    expect(nudgePoint(points, 1, 'ArrowUp', true, { ...limits, xMax: 1.5 })).toEqual({ atMs: 120_000, x: 2 });
    expect(nudgePoint(points, 1, 'Enter', false, limits)).toBeUndefined();
  });
});

describe('profile chart: adding a point', () => {
  it('inserts on the curve, in time order, with a parseable time', () => {
    const added = insertPoint(raw, 135_400, 1000);
    expect(added?.index).toBe(2);
    expect(added?.point).toEqual({ at: '135s', x: 1.25 });
    expect(added?.list.map((p) => (p as { at: string }).at)).toEqual(['0m', '2m', '135s', 'soon', '3.5m']);
    expect(insertPoint(raw, 400_000, 1000)?.index).toBe(4);
  });
  it('starts a profile, and refuses a time that already has a point', () => {
    expect(insertPoint(undefined, 60_000, 1000)).toEqual({ index: 0, list: [{ at: '1m', x: 1 }], point: { at: '1m', x: 1 } });
    expect(insertPoint(raw, 120_200, 1000)).toBeUndefined();
  });
});

describe('profile chart: the load it means', () => {
  it('reads users or arrivals and scales them by the multiplier', () => {
    expect(loadBase({ users: 50000 })).toEqual({ kind: 'users', value: 50000 });
    expect(loadBase({ arrivals: '300/min' })).toEqual({ kind: 'arrivals', value: 5 });
    expect(loadBase({ arrivals: 'lots' })).toBeUndefined();
    expect(loadAt(1.5, { kind: 'users', value: 50000 })).toBe('75,000 users');
    expect(loadAt(1.5, { kind: 'arrivals', value: 5000 })).toBe('7,500 arrivals/s');
    expect(loadAt(0.5, { kind: 'arrivals', value: 5 })).toBe('2.5 arrivals/s');
    expect(loadAt(1, undefined)).toBeUndefined();
  });
  it('labels the secondary axis compactly', () => {
    expect([950, 1200, 75_000, 150_000, 1_500_000].map(compactNumber)).toEqual(['950', '1.2k', '75k', '150k', '1.5M']);
  });
});
