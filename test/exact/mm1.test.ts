import { describe, expect, it } from 'vitest';
import { mm1MeanNumber, mm1MeanResponse, mm1MeanWait, mm1ResponsePercentile, mm1Utilisation } from './mm1.ts';

describe('M/M/1 formulas', () => {
  it('λ = 2, μ = 3: ρ = 2/3, L = 2, W = 1, Wq = 2/3 (Gross & Harris §2.2)', () => {
    expect(mm1Utilisation(2, 3)).toBeCloseTo(2 / 3, 14);
    expect(mm1MeanNumber(2, 3)).toBeCloseTo(2, 14);
    expect(mm1MeanResponse(2, 3)).toBeCloseTo(1, 14);
    expect(mm1MeanWait(2, 3)).toBeCloseTo(2 / 3, 14);
  });

  it('Little: L = λW', () => {
    expect(mm1MeanNumber(0.8, 1)).toBeCloseTo(0.8 * mm1MeanResponse(0.8, 1), 12);
  });

  it('response percentiles of Exp(μ − λ): p90 = ln 10, p99 = ln 100 at μ − λ = 1', () => {
    expect(mm1ResponsePercentile(2, 3, 0.9)).toBeCloseTo(Math.log(10), 12);
    expect(mm1ResponsePercentile(2, 3, 0.99)).toBeCloseTo(Math.log(100), 12);
    expect(mm1ResponsePercentile(2, 3, 0.5)).toBeCloseTo(Math.LN2, 12);
  });

  it('rejects an unstable queue', () => {
    expect(() => mm1MeanResponse(3, 3)).toThrow(RangeError);
    expect(() => mm1ResponsePercentile(1, 2, 1)).toThrow(RangeError);
  });
});
