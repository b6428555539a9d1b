import { describe, expect, it } from 'vitest';
import { mm1k, mmck } from './mmck.ts';
import { erlangB, mmcMeanNumber } from './mmc.ts';

describe('M/M/1/K', () => {
  it('ρ = 0.5, K = 3: p_K = 1/15, L = 11/15 (p_n ∝ 1, ½, ¼, ⅛)', () => {
    const r = mm1k(0.5, 1, 3);
    expect(r.lossProbability).toBeCloseTo(1 / 15, 14);
    expect(r.meanNumber).toBeCloseTo(11 / 15, 14);
    expect(r.throughput).toBeCloseTo(0.5 * (14 / 15), 14);
    expect(r.meanResponse).toBeCloseTo(11 / 15 / (0.5 * 14 / 15), 14);
    expect(r.meanBusy).toBeCloseTo(1 - 8 / 15, 14);
  });

  it('ρ = 1, K = 4: uniform over 0..4, p_K = 1/5, L = 2', () => {
    const r = mm1k(1, 1, 4);
    expect(r.lossProbability).toBeCloseTo(0.2, 14);
    expect(r.meanNumber).toBeCloseTo(2, 14);
  });

  it('is stable above ρ = 1: throughput → μ as K grows', () => {
    expect(mm1k(2, 1, 60).throughput).toBeCloseTo(1, 12);
  });

  it('agrees with the birth–death solution', () => {
    for (const [lambda, k] of [[0.9, 5], [1.5, 3], [0.3, 10]] as const) {
      const a = mm1k(lambda, 1, k), b = mmck(lambda, 1, 1, k);
      expect(b.lossProbability).toBeCloseTo(a.lossProbability, 13);
      expect(b.meanNumber).toBeCloseTo(a.meanNumber, 12);
      expect(b.meanQueueLength).toBeCloseTo(a.meanQueueLength, 12);
      expect(b.meanBusy).toBeCloseTo(a.meanBusy, 12);
    }
  });
});

describe('M/M/c/K', () => {
  it('K = c is the Erlang loss system: p_K = B(c, a)', () => {
    expect(mmck(5, 1, 10, 10).lossProbability).toBeCloseTo(erlangB(10, 5), 13);
  });

  it('K → ∞ approaches M/M/c', () => {
    expect(mmck(3.2, 1, 4, 2000).meanNumber).toBeCloseTo(mmcMeanNumber(3.2, 1, 4), 9);
  });

  it('throughput = μ·(mean busy servers)', () => {
    const r = mmck(7, 1, 4, 9);
    expect(r.throughput).toBeCloseTo(r.meanBusy, 12);
  });
});
