import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { mm1k, mmck, type FiniteQueueMetrics } from '../exact/mmck.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { runScenario } from '../helpers/scenario.ts';

// Finite capacity: K = workers + queue slots; an arrival that finds K requests is rejected.
const finite = (name: string, arrivals: string, workers: number, queue: number, cpu: string, seed: number) => `
archsim: 1
name: ${name}
run: { duration: 100s, warmup: 5s, replications: 10, seed: ${seed} }
workload: { arrivals: ${arrivals} }
endpoints: { e: { call: s.op } }
components:
  s: { kind: service, workers: ${workers}, queue: ${queue}, operations: { op: { cpu: ${cpu} } } }
`;

function checkFiniteQueue(r: RunResult, exact: FiniteQueueMetrics, lambdaPerSecond: number, servers: number): void {
  const n = r.replications;
  const o = r.overall, s = r.components.s;
  // rejection is the only cause here, so its share equals errorRate and shares errorRate's CI
  expect(o.errorsByCause.rejected).toBe(o.errorRate);
  expectAgreement({ label: 'errorRate', estimate: o.errorRate, ci95: o.ci95?.errorRate, replications: n, exact: exact.lossProbability });
  expectAgreement({ label: 'throughput', estimate: o.throughput, ci95: o.ci95?.throughput, replications: n, exact: exact.throughput * 1000 });
  expectAgreement({ label: 'rejections/s', estimate: s.rejections, ci95: s.ci95?.rejections, replications: n, exact: lambdaPerSecond * exact.lossProbability });
  expectAgreement({ label: 'mean response of admitted', estimate: o.latency.mean, ci95: o.latency.ci95?.mean, replications: n, exact: exact.meanResponse });
  expectAgreement({ label: 'utilisation', estimate: s.utilisation ?? NaN, ci95: s.ci95?.utilisation, replications: n, exact: exact.meanBusy / servers });
  expectAgreement({ label: 'Lq', estimate: s.queueLength, ci95: s.ci95?.queueLength, replications: n, exact: exact.meanQueueLength });
}

describe('M/M/1/K, K = 5 (1 worker + 4 slots), ρ = 0.9, seed 5', () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(finite('M/M/1/5', '900/s', 1, 4, 'exp(1ms)', 5));
  });
  const exact = mm1k(0.9, 1, 5);
  it(`loss p_K = ${exact.lossProbability.toFixed(4)}, throughput λ(1 − p_K) = ${(exact.throughput * 1000).toFixed(1)}/s, W, Lq, utilisation`, () => {
    checkFiniteQueue(r, exact, 900, 1);
  });
});

describe('M/M/1/K overloaded, K = 3, ρ = 1.5, seed 6', () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(finite('M/M/1/3 overloaded', '1500/s', 1, 2, 'exp(1ms)', 6));
  });
  const exact = mm1k(1.5, 1, 3);
  it(`loss p_K = ${exact.lossProbability.toFixed(4)}, throughput ${(exact.throughput * 1000).toFixed(1)}/s`, () => {
    checkFiniteQueue(r, exact, 1500, 1);
  });
});

describe('M/M/c/K, c = 3, K = 5, offered 3.75 Erlangs, seed 5', () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(finite('M/M/3/5', '1500/s', 3, 2, 'exp(2.5ms)', 5));
  });
  const exact = mmck(1.5, 0.4, 3, 5);
  it(`loss p_K = ${exact.lossProbability.toFixed(4)}, throughput ${(exact.throughput * 1000).toFixed(1)}/s (birth–death)`, () => {
    checkFiniteQueue(r, exact, 1500, 3);
  });
});

describe('queue: 0 is a pure loss system: M/M/2/2, Erlang B, seed 8', () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(finite('M/M/2/2', '500/s', 2, 0, 'exp(4ms)', 8));
  });
  const exact = mmck(0.5, 0.25, 2, 2);
  it(`loss = B(2, 2) = ${exact.lossProbability.toFixed(4)}`, () => {
    checkFiniteQueue(r, exact, 500, 2);
  });
});
