import { describe, expect, it } from 'vitest';
import { hyperexpFromMeanCv, lognormalFromMeanCv, type DistSpec } from '../../sim-core/engine/distributions.ts';
import { deriveStream } from '../../sim-core/engine/random.ts';
import { runLongHorizon } from '../../sim-core/failures/long-horizon.ts';
import { EquilibriumStart, downProbability } from '../../sim-core/failures/stationary-start.ts';
import { rawMoments } from '../helpers/dist-moments.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { HOUR, constHours } from './failure-inputs.ts';

/**
 * The forward recurrence time R of a stationary renewal process has E[R] = E[X²]/(2E[X]) and
 * E[R²] = E[X³]/(3E[X]) (Cox, Renewal Theory, §5.2). Each kind is sampled 100,000 times from a
 * fixed stream (seed 41) and the mean checked with z = 5 against se = √(Var R / N).
 */
const N = 100_000;
const cases: Array<[string, DistSpec]> = [
  ['const 4', { kind: 'const', value: 4 }],
  ['exp mean 4', { kind: 'exp', mean: 4 }],
  ['erlang k 3 mean 6', { kind: 'erlang', k: 3, mean: 6 }],
  ['gamma shape 0.4 mean 2', { kind: 'gamma', shape: 0.4, mean: 2 }],
  ['gamma shape 2.5 mean 3', { kind: 'gamma', shape: 2.5, mean: 3 }],
  ['lognormal mean 4 cv 1.2', lognormalFromMeanCv(4, 1.2)],
  ['uniform 1–3', { kind: 'uniform', min: 1, max: 3 }],
  ['hyperexp mean 4 cv 3', hyperexpFromMeanCv(4, 3)],
  ['empirical 1, 2, 2, 5, 10', { kind: 'empirical', values: [1, 2, 2, 5, 10] }],
];

describe('equilibrium residual times (seed 41)', () => {
  for (const [label, spec] of cases) {
    it(`${label}: mean E[X²]/(2E[X])`, () => {
      const [m1, m2, m3] = rawMoments(spec);
      const mean = m2 / (2 * m1);
      const variance = m3 / (3 * m1) - mean * mean;
      const start = new EquilibriumStart(spec);
      const rng = deriveStream(41, 0, `residual.${label}`);
      let sum = 0, negative = 0;
      for (let i = 0; i < N; i++) {
        const r = start.residual(rng);
        if (!(r >= 0)) negative++;
        sum += r;
      }
      expect(negative).toBe(0);
      expect(Math.abs(sum / N - mean)).toBeLessThanOrEqual(5 * Math.sqrt(variance / N));
    });
  }

  it('down with probability E[down]/(E[up] + E[down])', () => {
    expect(downProbability({ kind: 'exp', mean: 10 }, { kind: 'const', value: 1 })).toBeCloseTo(1 / 11, 15);
    expect(downProbability({ kind: 'uniform', min: 0, max: 6 }, { kind: 'empirical', values: [1, 2] })).toBeCloseTo(1.5 / 4.5, 15);
  });
});

describe('no start-up bias (seed 42)', () => {
  it('a horizon of 30 minutes with constant 10 h failures still gives availability 10/11', () => {
    // Started with every replica freshly repaired, nothing could fail within 30 minutes and the
    // estimate would be 1. In equilibrium each replica is down at any instant with probability 1/11.
    const r = runLongHorizon({
      units: [{ name: 'svc', replicas: 1, timeToFailure: constHours(10), timeToRepair: { kind: 'lognormal', mu: Math.log(0.8 * HOUR), sigma: 0.5 } }],
      horizonMs: 0.5 * HOUR,
      replications: 20_000,
      seed: 42,
    });
    const meanRepair = 0.8 * HOUR * Math.exp(0.125);
    const exact = meanRepair / (10 * HOUR + meanRepair);
    const av = r.system.availability;
    expectAgreement({ label: 'unavailability over 30 minutes', estimate: 1 - av.mean, ci95: av.halfWidth, replications: av.n, exact });
  });
});
