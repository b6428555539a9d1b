import { describe, expect, it } from 'vitest';
import { estimate, studentTCdf, studentTQuantile } from '../../sim-core/run/stats.ts';

describe('Student t', () => {
  it.each([
    [1, 12.7062047], [2, 4.30265273], [4, 2.77644511], [9, 2.26215716], [29, 2.04522964], [120, 1.97993041], [1e6, 1.95996],
  ])('t(0.975, df=%d) = %f', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 4);
  });

  it('the CDF inverts the quantile and is symmetric', () => {
    for (const df of [1, 3, 10]) {
      for (const p of [0.6, 0.9, 0.995]) {
        const t = studentTQuantile(p, df);
        expect(studentTCdf(t, df)).toBeCloseTo(p, 8);
        expect(studentTCdf(-t, df)).toBeCloseTo(1 - p, 8);
      }
    }
  });

  it('estimate gives the mean and the t half-width', () => {
    const e = estimate([1, 2, 3, 4, 5]);
    expect(e.mean).toBe(3);
    // s = sqrt(2.5), t(0.975,4) = 2.776445
    expect(e.halfWidth).toBeCloseTo((2.776445105 * Math.sqrt(2.5)) / Math.sqrt(5), 6);
    expect(Number.isNaN(estimate([7]).halfWidth)).toBe(true);
    expect(estimate([NaN, 2, 4]).mean).toBe(3);
  });
});
