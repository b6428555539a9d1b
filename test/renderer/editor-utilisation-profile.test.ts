import { describe, expect, it } from 'vitest';
import { bottleneck, legendStops, textOn, utilisationByComponent, utilisationColour } from '../../renderer/editor/utilisation.ts';
import { profileHorizon, profilePoints, profileSeries, sparklinePath } from '../../renderer/editor/profile.ts';
import type { RunResult } from '../../sim-core/run/result.ts';

describe('utilisation colouring', () => {
  it('maps 0–1 onto cividis, clamped, with readable text on both ends', () => {
    expect(utilisationColour(0)).toBe('rgb(0, 32, 81)');
    expect(utilisationColour(1)).toBe('rgb(253, 234, 69)');
    expect(utilisationColour(1.7)).toBe(utilisationColour(1));
    expect(textOn(utilisationColour(0))).toBe('#ffffff');
    expect(textOn(utilisationColour(1))).toBe('#111111');
    expect(legendStops(3).map((s) => s.offset)).toEqual([0, 0.5, 1]);
  });
  it('picks the busiest component as the bottleneck, skipping those without a utilisation', () => {
    const result = { components: { a: { utilisation: 0.4 }, b: { utilisation: 0.9 }, c: { utilisation: null } } } as unknown as Pick<RunResult, 'components'>;
    const u = utilisationByComponent(result);
    expect(u).toEqual({ a: 0.4, b: 0.9 });
    expect(bottleneck(u)).toBe('b');
    expect(bottleneck({ a: 0.5, b: 0.5 })).toBe('a');
    expect(bottleneck({ a: 0 })).toBeUndefined();
    expect(utilisationByComponent(undefined)).toEqual({});
  });
});

describe('profile sparkline', () => {
  const raw = [{ at: '0m', x: 1 }, { at: '2m', x: 1.5, ramp: '30s' }, { at: '3.5m', x: 1, ramp: '30s' }, { at: 'soon', x: 3 }];
  it('parses the points it can and draws every corner of the curve', () => {
    const points = profilePoints(raw);
    expect(points).toEqual([
      { atMs: 0, x: 1, rampMs: 0 },
      { atMs: 120_000, x: 1.5, rampMs: 30_000 },
      { atMs: 210_000, x: 1, rampMs: 30_000 },
    ]);
    expect(profileSeries(points, 300_000)).toEqual([
      { t: 0, x: 1 },
      { t: 120_000, x: 1 },
      { t: 150_000, x: 1.5 },
      { t: 210_000, x: 1.5 },
      { t: 240_000, x: 1 },
      { t: 300_000, x: 1 },
    ]);
  });
  it('draws steps as vertical jumps', () => {
    expect(profileSeries([{ atMs: 10, x: 2, rampMs: 0 }], 20)).toEqual([
      { t: 0, x: 1 },
      { t: 10, x: 1 },
      { t: 10, x: 2 },
      { t: 20, x: 2 },
    ]);
  });
  it('spans the run, and fits the path in its box', () => {
    expect(profileHorizon(profilePoints(raw), '5m')).toBe(300_000);
    expect(profileHorizon([], undefined)).toBe(60_000);
    const d = sparklinePath([{ t: 0, x: 0 }, { t: 10, x: 2 }], 101, 21);
    expect(d).toBe('M1,20L100,1');
  });
});
