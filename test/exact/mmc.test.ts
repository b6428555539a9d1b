import { describe, expect, it } from 'vitest';
import { mm1ResponsePercentile } from './mm1.ts';
import {
  erlangB, erlangC, hypoexponentialSurvival, mmcMeanNumber, mmcMeanQueueLength, mmcMeanResponse,
  mmcMeanWait, mmcProbabilityOfWait, mmcResponseCdf, mmcResponsePercentile,
} from './mmc.ts';

describe('Erlang B and C', () => {
  it('textbook values: C(2, 1) = 1/3, C(3, 2) = 4/9, B(1, 1) = 1/2, B(10, 5) = 0.018385', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 14);
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 14);
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 14);
    expect(erlangB(10, 5)).toBeCloseTo(0.0183846, 6);
  });

  it('C(c, a) agrees with the factorial definition', () => {
    const c = 7, a = 5.3;
    let sum = 0, term = 1;
    for (let k = 0; k < c; k++) {
      sum += term;
      term *= a / (k + 1);
    }
    const top = term / (1 - a / c); // term is now aᶜ/c!
    expect(erlangC(c, a)).toBeCloseTo(top / (sum + top), 13);
  });

  it('C(1, ρ) = ρ: one server waits with probability ρ', () => {
    expect(erlangC(1, 0.8)).toBeCloseTo(0.8, 14);
  });

  it('stays finite for large c (no factorials): c = 1000, ρ = 0.95', () => {
    const p = erlangC(1000, 950);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });
});

describe('M/M/c mean values', () => {
  it('λ = 2, μ = 1, c = 3: Wq = 4/9, W = 13/9, Lq = 8/9, L = 26/9', () => {
    expect(mmcProbabilityOfWait(2, 1, 3)).toBeCloseTo(4 / 9, 14);
    expect(mmcMeanWait(2, 1, 3)).toBeCloseTo(4 / 9, 14);
    expect(mmcMeanResponse(2, 1, 3)).toBeCloseTo(13 / 9, 14);
    expect(mmcMeanQueueLength(2, 1, 3)).toBeCloseTo(8 / 9, 14);
    expect(mmcMeanNumber(2, 1, 3)).toBeCloseTo(26 / 9, 14);
  });

  it('c = 1 reduces to M/M/1: W = 1/(μ − λ)', () => {
    expect(mmcMeanResponse(0.8, 1, 1)).toBeCloseTo(5, 12);
  });
});

describe('M/M/c response-time distribution', () => {
  it('hypoexponential survival is continuous through θ = μ (the Erlang-2 case)', () => {
    const erlang2 = Math.exp(-2) * (1 + 2); // μ = 1, t = 2
    expect(hypoexponentialSurvival(1, 1, 2)).toBeCloseTo(erlang2, 15);
    expect(hypoexponentialSurvival(1 + 1e-9, 1, 2)).toBeCloseTo(erlang2, 8);
    expect(hypoexponentialSurvival(1 - 1e-9, 1, 2)).toBeCloseTo(erlang2, 8);
  });

  it('hypoexponential survival matches (μe^{−θt} − θe^{−μt})/(μ − θ) away from θ = μ', () => {
    const theta = 3, mu = 1.2, t = 0.7;
    const direct = (mu * Math.exp(-theta * t) - theta * Math.exp(-mu * t)) / (mu - theta);
    expect(hypoexponentialSurvival(theta, mu, t)).toBeCloseTo(direct, 14);
  });

  it('hand-derived case λ = 1, μ = 1, c = 2 (θ = μ): F(t) = 1 − e^{−t}(1 + t/3)', () => {
    for (const t of [0.1, 1, 2, 5]) {
      expect(mmcResponseCdf(1, 1, 2, t)).toBeCloseTo(1 - Math.exp(-t) * (1 + t / 3), 14);
    }
  });

  it('c = 1: the mixture collapses to Exp(μ − λ), so percentiles equal the M/M/1 ones', () => {
    for (const p of [0.5, 0.95, 0.99, 0.999]) {
      expect(mmcResponsePercentile(0.8, 1, 1, p)).toBeCloseTo(mm1ResponsePercentile(0.8, 1, p), 9);
    }
  });

  it('the CDF integrates to the mean: ∫(1 − F) dt = W (λ = 3.2, μ = 1, c = 4)', () => {
    const lambda = 3.2, mu = 1, c = 4;
    const h = 1e-3;
    let integral = 0;
    for (let t = h / 2; t < 80; t += h) integral += (1 - mmcResponseCdf(lambda, mu, c, t)) * h;
    expect(integral).toBeCloseTo(mmcMeanResponse(lambda, mu, c), 5);
  });

  it('percentile inverts the CDF', () => {
    const t99 = mmcResponsePercentile(3.2, 0.25, 16, 0.99);
    expect(mmcResponseCdf(3.2, 0.25, 16, t99)).toBeCloseTo(0.99, 12);
  });
});
