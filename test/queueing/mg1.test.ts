import { beforeAll, describe, it } from 'vitest';
import { distMean, distVariance, lognormalFromMeanCv, lognormalFromPercentiles } from '../../sim-core/engine/distributions.ts';
import type { RunResult } from '../../sim-core/run/result.ts';
import { md1MeanResponse, mg1MeanResponse } from '../exact/mg1.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { runScenario } from '../helpers/scenario.ts';

// M/D/1 and M/G/1 (lognormal service) against the Pollaczek–Khinchine mean. Rates per ms.
const oneServer = (name: string, arrivals: string, cpu: string, duration: string, seed: number) => `
archsim: 1
name: ${name}
run: { duration: ${duration}, warmup: 10s, replications: 10, seed: ${seed} }
workload: { arrivals: ${arrivals} }
endpoints: { e: { call: s.op } }
components:
  s: { kind: service, workers: 1, operations: { op: { cpu: "${cpu}" } } }
`;

describe('M/D/1, ρ = 0.8, const(1ms), seed 3', () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(oneServer('M/D/1', '800/s', 'const(1ms)', '150s', 3));
  });

  it('mean response W = S + ρS/(2(1 − ρ)) = 3 ms', () => {
    const lat = r.overall.latency;
    expectAgreement({ label: 'W', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact: md1MeanResponse(0.8, 1) });
  });

  it('utilisation 0.8', () => {
    const s = r.components.s;
    expectAgreement({ label: 'utilisation', estimate: s.utilisation ?? NaN, ci95: s.ci95?.utilisation, replications: r.replications, exact: 0.8 });
  });
});

describe('M/G/1, ρ = 0.7, lognormal(mean=1ms, cv=2), seed 3', () => {
  // E[S²] = (1 + cv²)·E[S]² = 5 ms², so Wq = λE[S²]/(2(1 − ρ)) = 5.83 ms and W = 6.83 ms.
  const service = lognormalFromMeanCv(1, 2);
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(oneServer('M/G/1 lognormal cv 2', '700/s', 'lognormal(mean=1ms, cv=2)', '300s', 3));
  });

  it(`mean response (Pollaczek–Khinchine) = ${mg1MeanResponse(0.7, 1, 4).toFixed(3)} ms`, () => {
    const lat = r.overall.latency;
    expectAgreement({
      label: 'W', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications,
      exact: mg1MeanResponse(0.7, distMean(service), distVariance(service)),
    });
  });
});

describe('M/G/1, ρ ≈ 0.65, lognormal(p50=0.5ms, p99=5ms), seed 4', () => {
  const service = lognormalFromPercentiles(0.5, 5);
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(oneServer('M/G/1 lognormal by percentiles', '800/s', 'lognormal(p50=0.5ms, p99=5ms)', '200s', 4));
  });

  it('mean response (Pollaczek–Khinchine with the percentile-fitted mean and variance)', () => {
    const lat = r.overall.latency;
    expectAgreement({
      label: 'W', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications,
      exact: mg1MeanResponse(0.8, distMean(service), distVariance(service)),
    });
  });

  it('utilisation λ·E[S]', () => {
    const s = r.components.s;
    expectAgreement({ label: 'utilisation', estimate: s.utilisation ?? NaN, ci95: s.ci95?.utilisation, replications: r.replications, exact: 0.8 * distMean(service) });
  });
});
