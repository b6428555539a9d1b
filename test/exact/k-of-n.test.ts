import { describe, expect, it } from 'vitest';
import { binomialStateProbabilities, kOfNAvailability, kOfNOutageRate, kOfNUnavailability, replicaAvailability, zonedSeriesUnavailability } from './k-of-n.ts';

describe('k-of-n formulas', () => {
  it('a = 0.9, n = 3: P(≥2 up) = 0.972, P(≥1 up) = 0.999, states 0.001/0.027/0.243/0.729', () => {
    expect(kOfNAvailability(3, 2, 0.9)).toBeCloseTo(0.972, 14);
    expect(kOfNAvailability(3, 1, 0.9)).toBeCloseTo(0.999, 14);
    expect(kOfNUnavailability(3, 2, 0.9)).toBeCloseTo(0.028, 14);
    const p = binomialStateProbabilities(3, 0.9);
    [0.001, 0.027, 0.243, 0.729].forEach((x, j) => expect(p[j]).toBeCloseTo(x, 14));
  });

  it('MTBF 720 h, MTTR 1 h: unavailability of 1-of-3 is q³ ≈ 2.7e-9 and of 2-of-3 ≈ 5.8e-6, with full precision', () => {
    const { a, q } = replicaAvailability(720, 1);
    expect(q).toBe(1 / 721);
    expect(kOfNUnavailability(3, 1, a, q) / q ** 3).toBeCloseTo(1, 14);
    expect(kOfNUnavailability(3, 2, a, q) / (3 * q * q * a + q ** 3)).toBeCloseTo(1, 14);
  });

  it('outage rate: 1-of-1 is one per cycle; 2-of-3 exponential equals π₂·2λ', () => {
    expect(kOfNOutageRate(1, 1, 10, 1)).toBeCloseTo(1 / 11, 15);
    const { a, q } = replicaAvailability(10, 1);
    const pi2 = binomialStateProbabilities(3, a, q)[2];
    expect(kOfNOutageRate(3, 2, 10, 1)).toBeCloseTo(pi2 * 2 * (1 / 10), 15);
  });

  it('zones: one replica per zone is binomial in a·az; a zone that never fails changes nothing', () => {
    const a = 0.9, az = 0.95;
    const p = a * az;
    const z = zonedSeriesUnavailability([{ zones: [0, 1, 2], required: 2, a, q: 1 - a }], 3, az, 1 - az);
    expect(z.system).toBeCloseTo(1 - (3 * p * p - 2 * p ** 3), 14);
    const none = zonedSeriesUnavailability([{ zones: [0, 0, 1], required: 2, a, q: 1 - a }], 2, 1, 0);
    expect(none.system).toBeCloseTo(kOfNUnavailability(3, 2, a), 14);
  });
});
