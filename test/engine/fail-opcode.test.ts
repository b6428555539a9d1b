import { describe, expect, it } from 'vitest';
import { ModelBuilder } from '../../sim-core/model/builder.ts';
import { CAUSE_EXTERNAL_ERROR } from '../../sim-core/metrics/replication-result.ts';
import { runReplications } from '../../sim-core/run/run-replications.ts';
import { expectAgreement } from '../helpers/agreement.ts';

/**
 * FAIL: after an exponential delay at an unbounded station, a call fails with probability p and
 * cause external-error. Every request finishes, so errorRate is a binomial proportion with
 * mean p; the failures are counted at the station (λ·p per second); successful requests keep the
 * delay's mean.
 */
function model(p: number, seed: number) {
  const b = new ModelBuilder();
  const s = b.station({ name: 'api', kind: 'external', replicas: 1, workers: Infinity, queue: Infinity, balancer: 'roundRobin' });
  const block = b.block('api.call');
  b.beginBlock(block);
  b.enter(s);
  b.sleep(b.dist({ kind: 'exp', mean: 10 }), b.stream('api'));
  b.leave();
  b.fail(p, b.stream('api'), CAUSE_EXTERNAL_ERROR, s);
  b.ret();
  return b.build({
    name: 'fail',
    run: { durationMs: 300_000, warmupMs: 10_000, replications: 10, seed, seriesIntervalMs: 10_000, warmupAuto: false },
    workload: { type: 'open', ratePerMs: 0.1, arrivalStream: b.stream('workload.arrivals'), mixCumulative: Float64Array.of(1), mixStream: b.stream('workload.mix'), profile: [] },
    endpoints: [{ name: 'e', block, sloMs: Infinity }],
    hop: null,
  });
}

describe('FAIL opcode, seed 4', () => {
  const r = runReplications(model(0.2, 4));
  const n = r.replications;

  it('fails a share p = 0.2 of calls with cause external-error', () => {
    expectAgreement({ label: 'errorRate', estimate: r.overall.errorRate, ci95: r.overall.ci95?.errorRate, replications: n, exact: 0.2 });
    expect(r.overall.errorsByCause['external-error']).toBe(r.overall.errorRate);
    expect(r.overall.errorsByCause.rejected).toBe(0);
  });

  it('counts the failures at the station: λ·p = 20 per second', () => {
    // ~20/s × 290 s × 10 replications ≈ 58,000 failures: a Poisson count, so the rate's standard
    // error is √58000 / 2900 s ≈ 0.083/s; 6 standard errors ≈ 0.5/s.
    expect(Math.abs(r.components.api.errorsByCause['external-error'] - 20)).toBeLessThan(0.5);
  });

  it('leaves the latency of successful calls unchanged (mean 10 ms)', () => {
    expectAgreement({ label: 'mean latency', estimate: r.overall.latency.mean, ci95: r.overall.latency.ci95?.mean, replications: n, exact: 10 });
  });

  it('never fails with p = 0 and always fails with p = 1', () => {
    expect(runReplications(model(0, 5), { replications: 2, durationMs: 30_000 }).overall.errorRate).toBe(0);
    const all = runReplications(model(1, 5), { replications: 2, durationMs: 30_000 });
    expect(all.overall.errorRate).toBe(1);
    expect(all.overall.throughput).toBe(0);
  });
});
