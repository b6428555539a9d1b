import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim-core/run/result.ts';
import { erlangB } from '../exact/mmc.ts';
import { expectAgreement } from '../helpers/agreement.ts';
import { runScenario } from '../helpers/scenario.ts';

const caller = (arrivals: string, run: string, external: string) => `
archsim: 1
name: an external API behind a service
run: ${run}
workload: { arrivals: ${arrivals} }
endpoints: { pay: { call: app.pay } }
components:
  app: { kind: service, workers: unbounded, threading: async, operations: { pay: { steps: [ { external: bank } ] } } }
  bank: ${external}
`;

describe('external: error probability, seed 21', () => {
  const ERRORS = 0.05;
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(caller('1000/s', '{ duration: 25s, warmup: 5s, replications: 10, seed: 21 }', '{ kind: external, latency: exp(10ms), errors: 5% }'));
  });

  it(`the error rate is errors = ${ERRORS}, all of it external-error`, () => {
    const n = r.replications;
    const e = r.endpoints.pay;
    expectAgreement({ label: 'error rate', estimate: e.errorRate, ci95: e.ci95?.errorRate, replications: n, exact: ERRORS });
    expect(e.errorsByCause['external-error']).toBe(e.errorRate);
    expect(e.errorsByCause.rejected).toBe(0);
  });

  it('the failures are counted at the external component: λ·errors per second', () => {
    const bank = r.components.bank;
    // The per-cause rates carry no ci95. Under Poisson arrivals the failures of one replication
    // are a thinned Poisson process: count ~ Poisson(λ·errors·T), so the mean rate over n
    // replications has standard error √(λ·errors / (T·n)); z = 5.
    const rate = 1000 * ERRORS;
    const seconds = r.simulatedSeconds - r.warmupSeconds;
    const se = Math.sqrt(rate / (seconds * r.replications));
    expect(Math.abs(bank.errorsByCause['external-error'] - rate)).toBeLessThanOrEqual(5 * se);
    expect(bank.errorsByCause.rejected).toBe(0);
    expectAgreement({ label: 'external throughput', estimate: bank.throughput, ci95: bank.ci95?.throughput, replications: r.replications, exact: 1000 });
  });

  it('a failing call still takes its latency: mean latency of successes is the mean of exp(10ms)', () => {
    const lat = r.overall.latency;
    expectAgreement({ label: 'mean latency', estimate: lat.mean, ci95: lat.ci95?.mean, replications: r.replications, exact: 10 });
  });
});

/**
 * concurrency c, queue 0 and exponential latency: an M/M/c/c loss system. A call that finds all
 * c slots taken fails as `rejected` with probability Erlang B(c, a), a = λ/μ.
 */
describe('external with concurrency 5 and queue 0 is Erlang-B loss (M/M/5/5), seed 22', () => {
  const C = 5;
  const LAMBDA = 0.4; // per ms
  const MEAN = 10; // ms
  const a = LAMBDA * MEAN;
  const B = erlangB(C, a);
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(caller('400/s', '{ duration: 25s, warmup: 5s, replications: 10, seed: 22 }', `{ kind: external, latency: exp(${MEAN}ms), concurrency: ${C}, queue: 0 }`));
  });

  it(`loss probability B(${C}, ${a}) = ${B.toFixed(4)}, counted as rejected`, () => {
    const e = r.endpoints.pay;
    expectAgreement({ label: 'loss probability', estimate: e.errorRate, ci95: e.ci95?.errorRate, replications: r.replications, exact: B });
    expect(e.errorsByCause.rejected).toBe(e.errorRate);
  });

  it(`rejections λ·B per second and utilisation a(1 − B)/c at the external component`, () => {
    const bank = r.components.bank;
    expectAgreement({ label: 'rejections', estimate: bank.rejections, ci95: bank.ci95?.rejections, replications: r.replications, exact: LAMBDA * 1000 * B });
    expectAgreement({ label: 'utilisation', estimate: bank.utilisation ?? NaN, ci95: bank.ci95?.utilisation, replications: r.replications, exact: (a * (1 - B)) / C });
    expect(bank.queueLength).toBe(0);
  });
});

/**
 * A provider quota of 300/s (burst 20) under Poisson calls at 600/s: the accepted rate is
 * min(offered, limit) = 300/s, so half the calls fail as rate-limited, counted at the external.
 */
describe('external with a rate limit: accepted = min(offered, limit), seed 23', () => {
  let r: RunResult;
  beforeAll(() => {
    r = runScenario(caller('600/s', '{ duration: 100s, warmup: 10s, replications: 10, seed: 23 }', '{ kind: external, latency: exp(10ms), rateLimit: { rate: 300/s, burst: 20 } }'));
  });

  it('accepts 300/s of the 600/s offered; the rest fail as rate-limited at the external', () => {
    const e = r.endpoints.pay;
    expectAgreement({ label: 'accepted/s', estimate: e.throughput, ci95: e.ci95?.throughput, replications: r.replications, exact: 300 });
    expect(e.errorsByCause['rate-limited']).toBeCloseTo(0.5, 2);
    expect(r.components.bank.errorsByCause['rate-limited']).toBeCloseTo(300, -1);
  });
});
