import { describe, expect, it } from 'vitest';
import { ModelBuilder } from '../../sim-core/model/builder.ts';
import { runReplications } from '../../sim-core/run/run-replications.ts';
import { expectAgreement } from '../helpers/agreement.ts';

/**
 * LIMIT: a token bucket (rate r, burst b) in front of a pure delay. With Poisson offered load λ
 * well above r, the bucket is almost always empty, so the admitted rate is r (the burst adds at
 * most b requests over the whole run) and the rest fail as rate-limited: errorRate = 1 − r/λ.
 * Well below r, the bucket is almost never empty and nothing fails.
 */
function model(offeredPerSecond: number, limitPerSecond: number, burst: number, seed: number) {
  const b = new ModelBuilder();
  const s = b.station({ name: 'gw', kind: 'gateway', replicas: 1, workers: Infinity, queue: Infinity, balancer: 'roundRobin' });
  const limiter = b.limiter({ name: 'gw', ratePerMs: limitPerSecond / 1000, burst });
  const block = b.block('gw.route');
  b.beginBlock(block);
  b.enter(s);
  b.limit(limiter, s);
  b.sleep(b.dist({ kind: 'const', value: 2 }), b.stream('gw'));
  b.leave();
  b.ret();
  return b.build({
    name: 'limit',
    run: { durationMs: 120_000, warmupMs: 10_000, replications: 10, seed, seriesIntervalMs: 10_000, warmupAuto: false },
    workload: { type: 'open', ratePerMs: offeredPerSecond / 1000, arrivalStream: b.stream('workload.arrivals'), mixCumulative: Float64Array.of(1), mixStream: b.stream('workload.mix'), profile: [] },
    endpoints: [{ name: 'e', block, sloMs: Infinity }],
    hop: null,
  });
}

describe('LIMIT opcode (token bucket)', () => {
  it('admits min(offered, limit): 2000/s offered, 1000/s limit, burst 50, seed 6', () => {
    const r = runReplications(model(2000, 1000, 50, 6));
    const n = r.replications;
    // The bucket starts full, so the measured window (after 10 s) sees the sustained rate only.
    expectAgreement({ label: 'admitted /s', estimate: r.overall.throughput, ci95: r.overall.ci95?.throughput, replications: n, exact: 1000, bias: 0.5 });
    expectAgreement({ label: 'errorRate', estimate: r.overall.errorRate, ci95: r.overall.ci95?.errorRate, replications: n, exact: 0.5 });
    expect(r.overall.errorsByCause['rate-limited']).toBe(r.overall.errorRate);
    expect(r.components.gw.errorsByCause['rate-limited']).toBeGreaterThan(900);
  });

  it('rejects nothing well below the limit: 300/s offered, 1000/s limit, burst 50, seed 7', () => {
    const r = runReplications(model(300, 1000, 50, 7));
    expect(r.overall.errorRate).toBe(0);
  });
});
