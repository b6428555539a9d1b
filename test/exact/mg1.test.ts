import { describe, expect, it } from 'vitest';
import { md1MeanResponse, mg1MeanResponse, mg1MeanWait } from './mg1.ts';
import { mm1MeanResponse, mm1MeanWait } from './mm1.ts';

describe('Pollaczek–Khinchine', () => {
  it('M/D/1, ρ = 0.5, S = 1: Wq = ρS/(2(1 − ρ)) = 0.5, W = 1.5', () => {
    expect(mg1MeanWait(0.5, 1, 0)).toBeCloseTo(0.5, 14);
    expect(md1MeanResponse(0.5, 1)).toBeCloseTo(1.5, 14);
  });

  it('exponential service (Var = E[S]²) reproduces M/M/1', () => {
    expect(mg1MeanWait(2, 1 / 3, 1 / 9)).toBeCloseTo(mm1MeanWait(2, 3), 14);
    expect(mg1MeanResponse(0.8, 1, 1)).toBeCloseTo(mm1MeanResponse(0.8, 1), 14);
  });

  it('M/D/1 waits half as long as M/M/1 at the same load', () => {
    expect(mg1MeanWait(0.8, 1, 0)).toBeCloseTo(mm1MeanWait(0.8, 1) / 2, 14);
  });

  it('lognormal service with cv = 2 (E[S²] = 5E[S]²) at ρ = 0.8: Wq = 10 E[S]', () => {
    expect(mg1MeanWait(0.8, 1, 4)).toBeCloseTo(10, 12);
  });

  it('rejects ρ ≥ 1', () => {
    expect(() => mg1MeanWait(1, 1, 0)).toThrow(RangeError);
  });
});
