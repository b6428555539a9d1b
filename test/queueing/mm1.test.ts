import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { mm1MeanNumber, mm1MeanResponse, mm1ResponsePercentile } from '../exact/mm1.ts';
import { expectAgreement, PERCENTILE_RELATIVE_ERROR } from '../helpers/agreement.ts';
import { runScenario } from '../helpers/scenario.ts';

// M/M/1 at ρ = 0.8: Poisson 800/s into one worker with exponential 1 ms service.
// For the formulas, rates per ms: λ = 0.8, μ = 1.
const LAMBDA = 0.8, MU = 1;
const SEED = 7;

const scenario = `
archsim: 1
name: M/M/1 at rho 0.8
run: { duration: 250s, warmup: 10s, replications: 10, seed: ${SEED} }
workload: { arrivals: 800/s }
endpoints: { e: { call: s.op } }
components:
  s: { kind: service, workers: 1, operations: { op: { cpu: exp(1ms) } } }
`;

describe(`M/M/1, ρ = 0.8, seed ${SEED}`, () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(scenario);
  });

  it('mean response time W = 1/(μ − λ) = 5 ms', () => {
    const lat = r.overall.latency;
    expectAgreement({ label: 'W', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact: mm1MeanResponse(LAMBDA, MU) });
  });

  for (const [key, p] of [['p50', 0.5], ['p95', 0.95], ['p99', 0.99]] as const) {
    const exact = mm1ResponsePercentile(LAMBDA, MU, p);
    it(`${key} of the response time = −ln(1 − ${p})/(μ − λ) = ${exact.toFixed(3)} ms (± 1% histogram error)`, () => {
      const lat = r.overall.latency;
      expectAgreement({
        label: key, estimate: lat[key], ci95: lat.ci95?.[key], replications: r.replications, exact,
        bias: PERCENTILE_RELATIVE_ERROR * exact,
      });
    });
  }

  it('utilisation ρ = 0.8 and throughput λ = 800/s', () => {
    const s = r.components.s;
    expectAgreement({ label: 'utilisation', estimate: s.utilisation ?? NaN, ci95: s.ci95?.utilisation, replications: r.replications, exact: 0.8 });
    expectAgreement({ label: 'throughput', estimate: r.overall.throughput, ci95: r.overall.ci95?.throughput, replications: r.replications, exact: 800 });
  });

  it('time-averaged queue length Lq = L − ρ = 3.2', () => {
    const s = r.components.s;
    expectAgreement({ label: 'Lq', estimate: s.queueLength, ci95: s.ci95?.queueLength, replications: r.replications, exact: mm1MeanNumber(LAMBDA, MU) - 0.8 });
  });

  it('nothing is rejected with an unbounded queue', () => {
    expect(r.overall.errorRate).toBe(0);
  });
});
